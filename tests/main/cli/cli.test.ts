import { execFile, spawn } from 'node:child_process'
import { copyFile, cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNode, type NodeResult } from '../../support/run-node'

const repo = process.cwd()
const run = promisify(execFile)

interface JsonEntry {
  path: string
  category: string | null
  predicted: string | null
  confidence: number | null
  runnersUp: { label: string; confidence: number }[]
  movedTo: string | null
  error?: { code: string; message: string }
}

const CATEGORIES = ['Contracts', 'Forms', 'Invoices', 'Resumes', 'Scientific papers']

let root = ''
let dataDir = ''
let library = ''
let inbox = ''

/** Runs the built CLI against the test's data folder; never throws on a non-zero exit. */
function docsort(...args: string[]): Promise<NodeResult> {
  return runNode(['bin/docsort.js', ...args, '--data-dir', dataDir], { cwd: repo })
}

async function json<T>(...args: string[]): Promise<T> {
  const result = await docsort(...args, '--json')
  expect(result.stderr, `docsort ${args.join(' ')}`).toBe('')
  expect(result.code, `docsort ${args.join(' ')}`).toBe(0)
  return JSON.parse(result.stdout) as T
}

/** Relative paths of every file under `dir`. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort()
}

beforeAll(async () => {
  // Always rebuild: src changes far more often than this suite runs, and the build takes ~2 s.
  await run('npx', ['electron-vite', 'build'], {
    cwd: repo,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  })
  root = await mkdtemp(join(tmpdir(), 'docsort-cli-'))
  await cp(resolve(repo, 'resources/demo'), root, { recursive: true })
  dataDir = join(root, 'data')
  library = join(root, 'library')
  inbox = join(root, 'inbox')
}, 120_000)

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true })
})

// One scenario in order: each step works on the data folder the previous steps left.
describe('docsort CLI', () => {
  let libraryBefore: string[] = []
  let inboxBefore: string[] = []
  let labels: string[] = []
  let planned: JsonEntry[] = []
  let moved: JsonEntry[] = []

  it('names the unknown command, prints the usage and exits 2', async () => {
    const result = await docsort('frobnicate')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unknown command "frobnicate"')
    expect(result.stderr).toContain('Usage: docsort <command>')
  })

  it('exits 2 with the usage line when a command lacks its argument', async () => {
    const result = await docsort('learn')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('usage: docsort learn <folder>...')
  })

  it('names a missing folder in one line, as JSON too, and exits 1', async () => {
    const missing = join(dataDir, 'no-such-inbox')
    const result = await docsort('sort', missing, '--json')
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(`docsort: ${missing} does not exist [input/invalid]`)
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'input/invalid', message: `${missing} does not exist`, path: missing },
    })
  })

  it('exits 2 and names the option when --epochs is not a number', async () => {
    const result = await docsort('train', '--epochs', 'many')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--epochs')
  })

  it('accepts --threshold and --epochs values inside their ranges', async () => {
    const result = await docsort('status', '--threshold', '0.5', '--epochs', '30', '--json')
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('answers model/not-trained when asked to sort before any training', async () => {
    const result = await docsort('sort', inbox, '--json')
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[model/not-trained]')
  })

  it('learns the five category folders of the demo library', async () => {
    libraryBefore = await filesUnder(library)
    inboxBefore = await filesUnder(inbox)
    const report = await json<{
      categories: { name: string; documents: number }[]
      documents: number
      failed: unknown[]
    }>('learn', library)
    expect(report.categories.map((c) => c.name).sort()).toEqual(CATEGORIES)
    expect(report.documents).toBe(libraryBefore.length)
    expect(report.failed).toEqual([])
  }, 60_000)

  it('trains a model on every learned document within the epoch limit', async () => {
    const trained = await json<{
      labels: string[]
      training: { documents: number; validationDocuments: number; epochs: number }
    }>('train', '--epochs', '30')
    labels = trained.labels
    expect(labels).toEqual(CATEGORIES)
    expect(trained.training.documents + trained.training.validationDocuments).toBe(
      libraryBefore.length,
    )
    expect(trained.training.epochs).toBeGreaterThan(0)
    expect(trained.training.epochs).toBeLessThanOrEqual(30)
  }, 120_000)

  it('plans the inbox without moving anything, and reports the encrypted PDF', async () => {
    const plan = await json<{ applied: boolean; files: JsonEntry[] }>('sort', inbox)
    planned = plan.files
    expect(plan.applied).toBe(false)
    expect(planned.map((f) => basename(f.path)).sort()).toEqual(inboxBefore)
    for (const file of planned) {
      expect(file.movedTo).toBeNull()
      if (file.category !== null) expect(labels).toContain(file.category)
      if (file.error) continue
      expect(labels).toContain(file.predicted)
      expect(file.confidence).toBeGreaterThan(0)
      expect(file.confidence).toBeLessThanOrEqual(1)
    }
    const encrypted = planned.find((f) => basename(f.path) === 'password-protected.pdf')
    expect(encrypted?.error?.code).toBe('extract/encrypted')
    expect(encrypted?.category).toBeNull()
    expect(planned.filter((f) => f.category !== null).length).toBeGreaterThan(0)
    expect(await filesUnder(inbox)).toEqual(inboxBefore)
    expect(await filesUnder(library)).toEqual(libraryBefore)
  }, 60_000)

  it('moves every file that has a category into its folder with --apply, losing none', async () => {
    const applied = await json<{ applied: boolean; files: JsonEntry[] }>('sort', inbox, '--apply')
    expect(applied.applied).toBe(true)
    moved = applied.files.filter((f) => f.category !== null)
    expect(moved.map((f) => [basename(f.path), f.category])).toEqual(
      planned.filter((f) => f.category !== null).map((f) => [basename(f.path), f.category]),
    )
    for (const file of moved) {
      expect(file.movedTo).toBe(join(library, file.category ?? '', basename(file.path)))
    }
    for (const file of applied.files.filter((f) => f.category === null)) {
      expect(file.movedTo).toBeNull()
    }

    const inboxNow = await filesUnder(inbox)
    const libraryNow = await filesUnder(library)
    expect(inboxNow).toEqual(
      inboxBefore.filter((name) => !moved.some((f) => basename(f.path) === name)),
    )
    expect(libraryNow).toEqual(
      [...libraryBefore, ...moved.map((f) => join(f.category ?? '', basename(f.path)))].sort(),
    )
    expect(inboxNow.length + libraryNow.length).toBe(inboxBefore.length + libraryBefore.length)
  }, 60_000)

  it('puts the moved files back with undo', async () => {
    const report = await json<{ undone: { from: string; to: string }[]; failed: unknown[] }>('undo')
    expect(report.failed).toEqual([])
    expect(report.undone.map((u) => u.to).sort()).toEqual(moved.map((f) => f.path).sort())
    expect(await filesUnder(inbox)).toEqual(inboxBefore)
    expect(await filesUnder(library)).toEqual(libraryBefore)
  }, 60_000)

  it('reports the active model and the data folder in status', async () => {
    const status = await json<{
      dataDir: string
      labels: string[]
      activeModel: string | null
      documents: { total: number }
    }>('status')
    expect(status.dataDir).toBe(dataDir)
    expect(status.labels).toEqual(CATEGORIES)
    expect(status.activeModel).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(status.documents.total).toBe(libraryBefore.length + inboxBefore.length)
  })

  it('classifies one file with its confidence and runners-up', async () => {
    const file = join(inbox, 'john-doe-cv-oldstyle.pdf')
    const result = await json<{ files: JsonEntry[] }>('classify', file)
    expect(result.files).toHaveLength(1)
    const [entry] = result.files
    expect(entry?.path).toBe(file)
    expect(labels).toContain(entry?.predicted)
    expect(entry?.confidence).toBeGreaterThan(0)
    const all = [entry?.confidence ?? 0, ...(entry?.runnersUp ?? []).map((r) => r.confidence)]
    expect(all).toEqual([...all].sort((a, b) => b - a))
    expect(entry?.runnersUp.length).toBeGreaterThan(0)
  }, 60_000)

  it('classifies a corrected file as its new category at once, in the next process too', async () => {
    // Given a paper classified as something,
    // when it is corrected to another category,
    // then a later classify run, a new process, predicts the corrected category.
    const file = join(inbox, 'conll-2009-dependency-parsing.pdf')
    const [before] = (await json<{ files: JsonEntry[] }>('classify', file)).files
    const target = CATEGORIES.find((c) => c !== before?.predicted) ?? ''

    const corrected = await json<{ files: { learned: boolean; error: unknown }[] }>(
      'correct',
      target,
      file,
    )
    const [after] = (await json<{ files: JsonEntry[] }>('classify', file)).files

    expect(corrected.files).toEqual([{ path: file, learned: true, error: null }])
    expect(after?.predicted).toBe(target)
  }, 60_000)

  it('refuses a correction to a category that does not exist', async () => {
    const result = await docsort('correct', 'Recipes', join(inbox, 'john-doe-cv-oldstyle.pdf'))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[library/category-not-found]')
  })

  it('evaluates a model trained on one folder against another', async () => {
    const report = await json<{ accuracy: number; macroF1: number; documents: number }>(
      'eval',
      '--train',
      library,
      '--test',
      library,
      '--epochs',
      '10',
    )
    // Tested on its own training documents, the model must recognise nearly all of them.
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9)
    expect(report.macroF1).toBeGreaterThanOrEqual(0.9)
    expect(report.accuracy).toBeLessThanOrEqual(1)
    expect(report.documents).toBe(libraryBefore.length)
  }, 120_000)

  it('sorts a file dropped into a watched folder and stops cleanly on SIGINT', async () => {
    // Given a watched folder, when a resume arrives in it, then it is moved to Resumes and
    // reported; SIGINT ends the watch with exit code 0.
    const watched = join(root, 'downloads')
    await mkdir(watched)
    const child = spawn('node', ['bin/docsort.js', 'watch', watched, '--data-dir', dataDir], {
      cwd: repo,
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    try {
      await waitFor(() => stdout.includes('Watching'), 30_000)
      await copyFile(join(inbox, 'john-doe-cv-oldstyle.pdf'), join(watched, 'cv.pdf'))
      await waitFor(() => stdout.includes('cv.pdf'), 30_000)
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
    expect(stdout).toMatch(/moved\s+cv\.pdf → Resumes\/cv\.pdf/)
    expect(await filesUnder(join(library, 'Resumes'))).toContain('cv.pdf')
    expect(await filesUnder(watched)).toEqual([])
  }, 90_000)
})

describe('docsort --data-dir', () => {
  it('names a data folder that is a file, or lies inside one, with input/invalid', async () => {
    const file = join(root, 'not-a-folder.txt')
    await writeFile(file, 'a note')
    const result = await runNode(['bin/docsort.js', 'status', '--data-dir', file], { cwd: repo })
    expect(result.code).toBe(1)
    expect(result.stderr.trim()).toBe(
      `docsort: The data folder ${file} is a file, not a folder [input/invalid]`,
    )
    const inside = join(file, 'data')
    const nested = await runNode(['bin/docsort.js', 'status', '--json', '--data-dir', inside], {
      cwd: repo,
    })
    expect(nested.code).toBe(1)
    expect(JSON.parse(nested.stdout)).toEqual({
      error: {
        code: 'input/invalid',
        message: `The data folder ${inside} lies inside a file`,
        path: inside,
      },
    })
  }, 30_000)
})

describe('docsort learn with unreadable files', () => {
  it('names each file it skipped, with a count that agrees with its verb', async () => {
    const folder = join(root, 'unreadable-library')
    const data = join(root, 'unreadable-data')
    await mkdir(join(folder, 'Notes'), { recursive: true })
    await writeFile(join(folder, 'Notes', 'empty.txt'), '')
    const one = await runNode(['bin/docsort.js', 'learn', folder, '--data-dir', data], {
      cwd: repo,
    })
    expect(one.code).toBe(0)
    expect(one.stdout).toContain('1 file could not be read and was skipped:')
    expect(one.stdout).toMatch(/ {2}empty\.txt: .*\[extract\/empty\]/)

    await writeFile(join(folder, 'Notes', 'blank.txt'), '   \n')
    const two = await runNode(['bin/docsort.js', 'learn', folder, '--data-dir', data], {
      cwd: repo,
    })
    expect(two.stdout).toContain('2 files could not be read and were skipped:')
  }, 60_000)
})

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
