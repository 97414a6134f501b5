/**
 * Kill-loop harness for the mover: a child process runs journaled moves and is killed with
 * SIGKILL at seeded random moments; after each kill the parent runs recover() and checks that
 * every file exists exactly once with its original bytes. A last scan of the folders counts lost
 * and duplicated files. Exported for the `faults` benchmark as well.
 */
import { fork } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Library } from '../../../src/main/library/library'
import { Mover } from '../../../src/main/sort/mover'
import { SqliteMoveJournal } from '../../../src/main/sort/sqlite-move-journal'
import { seededRandom } from '../../../src/main/train/random'
import { sha256 } from './support'

export interface CrashJob {
  source: string
  destination: string
  /** Take the cross-device path (copy, verify, link, unlink) instead of a hard link. */
  copy: boolean
}

export interface CrashLoopOptions {
  /** An empty folder the harness owns. */
  workDir: string
  moves: number
  seed: number
  /**
   * Each life of the child is killed after it starts its k-th move, k uniform in
   * [1, maxMovesPerLife], plus a delay uniform in [0, maxKillDelayMs], so kills land inside and
   * between the steps of a move rather than during process start-up.
   */
  maxMovesPerLife?: number
  maxKillDelayMs?: number
  /**
   * The share of lives that end by the child killing itself right after a durable journal write
   * (begin, retarget or setMethod, picked at random), rather than on a timer. Such a kill always
   * leaves a pending row, so recovery is exercised however fast the machine moves files.
   */
  journalKillShare?: number
  maxFileBytes?: number
  /**
   * Stop at the first broken invariant (the default, for tests). The benchmark keeps going so
   * its counts cover every move.
   */
  stopOnViolation?: boolean
}

export interface CrashLoopReport {
  moves: number
  kills: number
  /** Kills the child dealt itself after a journal write; each left one pending row. */
  journalKills: number
  completed: number
  rolledBack: number
  /** Each broken invariant, described once; empty when the mover kept its promises. */
  violations: string[]
  /** Originals whose bytes exist at no path under in/ and docs/ after the last recovery. */
  filesLost: number
  /** Originals whose bytes exist at more than one path under in/ and docs/ at the end. */
  filesDuplicated: number
  durationMs: number
}

const NAMES = ['scan.pdf', 'invoice.pdf', 'letter.docx', 'notes.txt']
const CATEGORIES = 3

export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopReport> {
  const started = Date.now()
  const random = seededRandom(options.seed)
  const { jobs, hashes } = createFiles(options, random)
  const jobsPath = join(options.workDir, 'jobs.json')
  const dbPath = join(options.workDir, 'state', 'library.db')
  writeFileSync(jobsPath, JSON.stringify(jobs))
  const report: CrashLoopReport = {
    moves: options.moves,
    kills: 0,
    journalKills: 0,
    completed: 0,
    rolledBack: 0,
    violations: [],
    filesLost: 0,
    filesDuplicated: 0,
    durationMs: 0,
  }
  const violations = new Set<string>()
  const stopOnViolation = options.stopOnViolation ?? true

  for (;;) {
    const kill: Kill = {
      atMove: 1 + Math.floor(random() * (options.maxMovesPerLife ?? 8)),
      delayMs: random() * (options.maxKillDelayMs ?? 8),
      atJournalWrite: 0,
    }
    if (random() < (options.journalKillShare ?? 0.25)) {
      // A move writes the journal one to three times; the 4th write may already be the next move.
      kill.atJournalWrite = 1 + Math.floor(random() * 4 * kill.atMove)
    }
    const finished = await runChild(dbPath, jobsPath, kill)
    if (!finished) {
      report.kills += 1
      if (kill.atJournalWrite > 0) report.journalKills += 1
    }
    for (const violation of await recoverAndCheck(dbPath, options.workDir, hashes, report)) {
      violations.add(violation)
    }
    if (finished || (stopOnViolation && violations.size > 0)) break
  }

  Object.assign(report, countLostAndDuplicated(options.workDir, hashes))
  report.violations = [...violations]
  report.durationMs = Date.now() - started
  return report
}

function createFiles(
  options: CrashLoopOptions,
  random: () => number,
): { jobs: CrashJob[]; hashes: Set<string> } {
  const jobs: CrashJob[] = []
  const hashes = new Set<string>()
  mkdirSync(join(options.workDir, 'docs'), { recursive: true })
  const maxBytes = options.maxFileBytes ?? 256 * 1024
  for (let i = 0; i < options.moves; i++) {
    const folder = join(options.workDir, 'in', String(i))
    mkdirSync(folder, { recursive: true })
    const bytes = Buffer.alloc(64 + Math.floor(random() * maxBytes))
    for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(random() * 256)
    bytes.write(`file ${i};`, 0)
    const source = join(folder, NAMES[i % NAMES.length])
    writeFileSync(source, bytes)
    hashes.add(sha256(bytes))
    const category = Math.floor(random() * CATEGORIES)
    const destination = join(options.workDir, 'docs', `c${category}`)
    jobs.push({ source, destination, copy: random() < 0.5 })
  }
  return { jobs, hashes }
}

interface Kill {
  /** With atJournalWrite 0: kill on a timer, delayMs after the child starts this move. */
  atMove: number
  delayMs: number
  /** Positive: the child kills itself right after this durable journal write instead. */
  atJournalWrite: number
}

/** Resolves true when the child finished every job, false when it was killed first. */
function runChild(dbPath: string, jobsPath: string, kill: Kill): Promise<boolean> {
  const script = fileURLToPath(new URL('./crash-child.ts', import.meta.url))
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const child = fork(script, [dbPath, jobsPath, String(kill.atJournalWrite)], {
    execArgv: ['--import', tsx],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  let timer: NodeJS.Timeout | undefined
  let done = false
  child.on('message', (message) => {
    if (message === 'done') done = true
    else if (kill.atJournalWrite === 0 && (message as { moving?: number }).moving === kill.atMove) {
      timer = setTimeout(() => child.kill('SIGKILL'), kill.delayMs)
    }
  })
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (done && code === 0) resolve(true)
      else if (signal === 'SIGKILL') resolve(false)
      else reject(new Error(`crash child exited with ${String(code ?? signal)}: ${stderr}`))
    })
  })
}

/**
 * Scans in/ and docs/ under `workDir` for the given original hashes: an original is lost when its
 * bytes exist at no path (missing or altered), duplicated when they exist at more than one.
 */
export function countLostAndDuplicated(
  workDir: string,
  hashes: ReadonlySet<string>,
): { filesLost: number; filesDuplicated: number } {
  const seen = scanHashes(workDir)
  let filesLost = 0
  let filesDuplicated = 0
  for (const hash of hashes) {
    const copies = seen.get(hash)?.length ?? 0
    if (copies === 0) filesLost += 1
    if (copies > 1) filesDuplicated += 1
  }
  return { filesLost, filesDuplicated }
}

/** Runs recover(), adds its counts to the report and returns the broken invariants. */
async function recoverAndCheck(
  dbPath: string,
  workDir: string,
  hashes: Set<string>,
  report: CrashLoopReport,
): Promise<string[]> {
  const violations: string[] = []
  const library = Library.open(dbPath)
  try {
    const journal = new SqliteMoveJournal(library.db)
    const recovery = await new Mover(journal).recover()
    report.completed += recovery.completed.length
    report.rolledBack += recovery.rolledBack.length
    if (recovery.failed.length > 0 || recovery.deferred.length > 0) {
      violations.push(`recovery could not settle: ${JSON.stringify(recovery)}`)
    }
    if (journal.pending().length > 0) violations.push('pending rows after recovery')
  } finally {
    library.close()
  }
  return [...violations, ...checkFiles(workDir, hashes)]
}

/** Every original hash exactly once under in/ and docs/, and no other file there. */
function checkFiles(workDir: string, hashes: Set<string>): string[] {
  const seen = scanHashes(workDir)
  const violations: string[] = []
  for (const hash of hashes) {
    const paths = seen.get(hash) ?? []
    if (paths.length !== 1) {
      violations.push(`${hash.slice(0, 12)} found ${paths.length} times: ${paths.join(', ')}`)
    }
  }
  for (const [hash, paths] of seen) {
    if (!hashes.has(hash)) violations.push(`unexpected file(s): ${paths.join(', ')}`)
  }
  return violations
}

/** The paths of every file under in/ and docs/, grouped by the SHA-256 of their bytes. */
function scanHashes(workDir: string): Map<string, string[]> {
  const seen = new Map<string, string[]>()
  for (const root of ['in', 'docs']) {
    for (const entry of readdirSync(join(workDir, root), {
      recursive: true,
      withFileTypes: true,
    })) {
      if (!entry.isFile()) continue
      const path = join(entry.parentPath, entry.name)
      const hash = sha256(readFileSync(path))
      seen.set(hash, [...(seen.get(hash) ?? []), path])
    }
  }
  return seen
}
