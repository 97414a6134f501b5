/**
 * A large library: 20,000 documents (the 20 Newsgroups posts, topped up with altered copies), all
 * labelled, 1,000 of them waiting in the Inbox. It measures how long `docsort serve` takes to
 * start on it, its peak RSS, and how fast the API lists and searches (median of five calls).
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dataPaths } from '../../src/main/app/data-dir'
import { Library } from '../../src/main/library/library'
import { prepareDataset } from '../datasets/prepare'
import { apiClient, startServe } from '../../tests/support/serve-process'
import { peakRssMb } from '../peak-rss'
import { round, SHARED, type SuiteOptions } from './common'

const DOCUMENTS = Number(process.env.DOCSORT_LIBRARY_DOCUMENTS ?? 20_000)
const PENDING = 1_000
const CALLS = 5

export async function runSuite({ json }: SuiteOptions): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'docsort-library-'))
  try {
    const dataDir = join(work, 'data')
    const filled = Date.now()
    await fillLibrary(work, dataDir)
    const fillSeconds = (Date.now() - filled) / 1000

    const started = performance.now()
    const server = await startServe({ dataDir, allow: work, echoStderr: true })
    const startMs = performance.now() - started
    try {
      const api = apiClient(server)
      const timed = async (name: string, params: unknown): Promise<number> => {
        const times: number[] = []
        for (let i = 0; i < CALLS; i++) {
          const asked = performance.now()
          await api(name, params)
          times.push(performance.now() - asked)
        }
        return round(median(times), 1)
      }
      const figures = {
        documents: DOCUMENTS,
        fillSeconds: round(fillSeconds, 1),
        startMs: round(startMs, 0),
        stateMs: await timed('app:state', {}),
        inboxListMs: await timed('inbox:list', {}),
        historyListMs: await timed('history:list', {}),
        searchWordMs: await timed('library:search', { query: 'encryption' }),
        searchShortMs: await timed('library:search', { query: 'gu' }),
        searchNameMs: await timed('library:search', { query: 'sci.space' }),
        peakRssMb: round(peakRssMb(server.pid), 0),
      }
      if (json) console.log(JSON.stringify(figures))
      else console.table([figures])
    } finally {
      await server.stop()
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Writes the library straight into SQLite, as years of use would have left it. */
async function fillLibrary(work: string, dataDir: string): Promise<void> {
  const datasets = join(SHARED, 'datasets')
  if (!existsSync(datasets))
    throw new Error(`${datasets} is missing: the benchmark needs ../shared`)
  const tree = await prepareDataset('20ng', datasets, join(work, 'datasets'))
  const posts: { group: string; path: string; text: string }[] = []
  for (const root of [tree.train, tree.test]) {
    for (const group of (await readdir(root)).sort()) {
      for (const file of (await readdir(join(root, group))).sort()) {
        const text = await readFile(join(root, group, file), 'latin1')
        posts.push({ group, path: join(work, 'library', group, file), text })
      }
    }
  }

  const library = Library.open(dataPaths(dataDir).database)
  try {
    library.transaction(() => {
      const categories = new Map<string, number>()
      for (let i = 0; i < DOCUMENTS; i++) {
        const post = posts[i % posts.length]
        if (!post) break
        const copy = Math.floor(i / posts.length)
        const text = copy === 0 ? post.text : `${post.text}\n(copy ${copy})`
        const path = copy === 0 ? post.path : `${post.path}.copy-${copy}.txt`
        const hash = createHash('sha256').update(text).digest('hex')
        let categoryId = categories.get(post.group)
        if (categoryId === undefined) {
          categoryId = library.upsertCategory(post.group, join(work, 'library', post.group)).id
          categories.set(post.group, categoryId)
        }
        library.putContent(hash, { text, kind: 'text', pages: null, title: null, traits: [] })
        const pending = i >= DOCUMENTS - PENDING
        const document = library.upsertDocument({
          path,
          hash,
          size: text.length,
          mtimeMs: 0,
          status: pending ? 'suggested' : 'labelled',
        })
        if (!pending) {
          library.setLabel(hash, categoryId, 'imported')
          continue
        }
        library.addSuggestion({
          documentId: document.id,
          categoryId,
          confidence: 0.8,
          runnersUp: [],
          unsure: false,
          modelVersion: null,
        })
      }
    })
  } finally {
    library.close()
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}
