/**
 * A 1,000-file drop: `docsort serve` learns the demo library, trains, and watches an inbox; 1,000
 * unique PDF and TXT files (real corpus documents, each made unique by a trailing line) are
 * renamed into the inbox at once. It measures the time until the last file is handled, the
 * server's peak RSS (VmHWM), how fast the API answers meanwhile, and files lost.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import WebSocket from 'ws'
import type { EventMessage, SeenStatus } from '../../src/shared/api'
import { apiClient, startServe } from '../../tests/support/serve-process'
import { peakRssMb } from '../peak-rss'
import { round, SHARED, type SuiteOptions } from './common'

const FILES = Number(process.env.DOCSORT_LOAD_FILES ?? 1000)
const FINAL: ReadonlySet<SeenStatus> = new Set(['suggested', 'moved', 'duplicate', 'failed'])

export async function runSuite({ json }: SuiteOptions): Promise<void> {
  const docs = join(SHARED, 'corpus/docs')
  if (!existsSync(docs)) throw new Error(`${docs} is missing: the benchmark needs ../shared`)
  const work = await mkdtemp(join(tmpdir(), 'docsort-load-'))
  const server = await startServe({ dataDir: join(work, 'data'), allow: work, echoStderr: true })
  try {
    const api = apiClient(server)
    await cp('resources/demo/library', join(work, 'library'), { recursive: true })
    await mkdir(join(work, 'inbox'))
    await api('folder:learn', { folder: join(work, 'library') })
    await api('settings:update', { autoSortThreshold: 0.9 })
    await api('model:retrain', {})
    while (((await api('app:state', {})) as { training: { running: boolean } }).training.running) {
      await sleep(500)
    }
    await api('watch:add', { folder: join(work, 'inbox') })

    const staged = await stageFiles(docs, join(work, 'staging'))
    const final = new Map<string, SeenStatus>()
    const events = new WebSocket(server.url.replace('http', 'ws').replace('/?', '/events?'))
    await new Promise((resolve) => events.once('open', resolve))
    const allHandled = new Promise<void>((resolve) => {
      events.on('message', (data: Buffer) => {
        const event = JSON.parse(data.toString()) as EventMessage
        if (event.name !== 'file:seen' || !FINAL.has(event.payload.status)) return
        final.set(event.payload.name, event.payload.status)
        if (final.size >= staged.size) resolve()
      })
    })

    const started = Date.now()
    for (const name of staged.keys()) {
      await rename(join(work, 'staging', name), join(work, 'inbox', name))
    }
    const latencies: number[] = []
    let done = false
    void allHandled.then(() => (done = true))
    while (!done) {
      const asked = performance.now()
      await api('app:state', {})
      latencies.push(performance.now() - asked)
      await sleep(250)
    }
    const seconds = (Date.now() - started) / 1000
    events.close()

    const counts = { suggested: 0, moved: 0, duplicate: 0, failed: 0 }
    for (const status of final.values()) counts[status as keyof typeof counts] += 1
    const figures = {
      files: staged.size,
      seconds: round(seconds, 1),
      filesPerSecond: round(staged.size / seconds, 1),
      peakRssMb: round(peakRssMb(server.pid), 0),
      filesLost: await countLost(work, new Set(staged.values())),
      apiP95Ms: round(percentile(latencies, 0.95), 1),
      apiMaxMs: round(Math.max(...latencies), 1),
      ...counts,
    }
    if (figures.filesLost > 0) process.exitCode = 1
    if (json) console.log(JSON.stringify(figures))
    else console.table([figures])
  } finally {
    await server.stop()
    await rm(work, { recursive: true, force: true })
  }
}

/** Writes FILES unique copies of the corpus's PDF and TXT files; returns name → SHA-256. */
async function stageFiles(docs: string, staging: string): Promise<Map<string, string>> {
  await mkdir(staging)
  const sources: string[] = []
  for (const category of (await readdir(docs)).sort()) {
    for (const file of (await readdir(join(docs, category))).sort()) {
      if (/\.(pdf|txt)$/i.test(file)) sources.push(join(docs, category, file))
    }
  }
  const staged = new Map<string, string>()
  for (let i = 0; i < FILES; i++) {
    const source = sources[i % sources.length] ?? ''
    const bytes = Buffer.concat([
      await readFile(source),
      // A line after a PDF's %%EOF is ignored by readers; in a text file it is one more line.
      Buffer.from(`\n% docsort load copy ${i}\n`),
    ])
    const name = `load-${String(i).padStart(4, '0')}${extname(source)}`
    await writeFile(join(staging, name), bytes)
    staged.set(name, sha256(bytes))
  }
  return staged
}

/** Originals whose bytes are not exactly once under the inbox and the library. */
async function countLost(work: string, hashes: ReadonlySet<string>): Promise<number> {
  const seen = new Map<string, number>()
  for (const root of ['inbox', 'library']) {
    const entries = await readdir(join(work, root), { recursive: true, withFileTypes: true })
    for (const entry of entries) {
      if (!entry.isFile()) continue
      const hash = sha256(await readFile(join(entry.parentPath, entry.name)))
      seen.set(hash, (seen.get(hash) ?? 0) + 1)
    }
  }
  let lost = 0
  for (const hash of hashes) if (seen.get(hash) !== 1) lost += 1
  return lost
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
