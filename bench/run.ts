/**
 * Benchmarks, run with `npm run bench [-- <suite>] [--json] [--epochs N]`. Each suite drives the
 * built CLI as a user would and prints a table; with --json one JSON object.
 *
 *   20ng (default)  full 20 Newsgroups bydate split: train on train, evaluate on test
 *   corpus          learn the real-document corpus minus a 30-file inbox (3 PDF/DOCX files a
 *                   category) plus every hostile file, then `sort --apply`: how many files
 *                   moved to the right folder, moved wrongly, stayed as unsure, stayed unreadable
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { seededRandom, shuffleInPlace } from '../src/main/train/random'

const run = promisify(execFile)
const SHARED = resolve(process.cwd(), '../shared')

interface EvalJson {
  accuracy: number
  macroF1: number
  trainSeconds: number
  trainDocuments: number
  documents: number
  docsPerSecond: number
  peakRssMb: number
  backend: string
  ece: number
}

async function bench20ng(json: boolean, epochs: number | undefined): Promise<void> {
  const archive = join(SHARED, 'datasets/20news-bydate.tar.gz')
  if (!existsSync(archive)) throw new Error(`${archive} is missing: the benchmark needs ../shared`)
  const work = await mkdtemp(join(tmpdir(), 'docsort-bench-'))
  try {
    await run('tar', ['xzf', archive, '-C', work])
    const started = Date.now()
    const args = ['bin/docsort.js', 'eval', '--json', '--data-dir', join(work, 'data')]
    args.push(
      '--train',
      join(work, '20news-bydate-train'),
      '--test',
      join(work, '20news-bydate-test'),
    )
    if (epochs !== undefined) args.push('--epochs', String(epochs))
    const { stdout } = await run('node', args, { maxBuffer: 64 * 1024 * 1024 })
    const result = JSON.parse(stdout) as EvalJson
    const wallSeconds = (Date.now() - started) / 1000
    const row = { dataset: '20ng', system: 'docsort', ...pick(result), wallSeconds }
    if (json) {
      console.log(JSON.stringify({ '20ng': { docsort: row } }, null, 2))
      return
    }
    console.log(
      '20 Newsgroups (bydate): train %d documents, test %d',
      result.trainDocuments,
      result.documents,
    )
    console.table([row])
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

interface SortJson {
  files: {
    path: string
    category: string | null
    confidence: number | null
    movedTo: string | null
    error?: { code: string }
  }[]
}

async function benchCorpus(json: boolean, epochs: number | undefined): Promise<void> {
  const docs = join(SHARED, 'corpus/docs')
  const hostile = join(SHARED, 'corpus/bad_inputs')
  if (!existsSync(docs)) throw new Error(`${docs} is missing: the benchmark needs ../shared`)
  const work = await mkdtemp(join(tmpdir(), 'docsort-corpus-'))
  try {
    const library = join(work, 'library')
    const inbox = join(work, 'inbox')
    await mkdir(inbox, { recursive: true })
    const expected = new Map<string, string>()
    const random = seededRandom(7)
    for (const category of (await readdir(docs)).sort()) {
      const files = (await readdir(join(docs, category))).sort()
      await mkdir(join(library, category), { recursive: true })
      const candidates = shuffleInPlace(
        files.filter((f) => /\.(pdf|docx)$/i.test(f)),
        random,
      )
      const held = new Set(candidates.slice(0, 3))
      for (const file of files) {
        const target = held.has(file) ? join(inbox, file) : join(library, category, file)
        await copyFile(join(docs, category, file), target)
        if (held.has(file)) expected.set(target, category)
      }
    }
    for (const file of await readdir(hostile))
      await copyFile(join(hostile, file), join(inbox, `hostile-${file}`))

    const cli = (...args: string[]) =>
      run('node', ['bin/docsort.js', '--data-dir', join(work, 'data'), ...args], {
        maxBuffer: 64 * 1024 * 1024,
      })
    await cli('learn', library)
    await cli('train', ...(epochs === undefined ? [] : ['--epochs', String(epochs)]))
    const { stdout } = await cli('sort', inbox, '--apply', '--json')
    const result = JSON.parse(stdout) as SortJson

    const tally = {
      inbox: expected.size,
      movedRight: 0,
      movedWrong: 0,
      unsure: 0,
      unreadable: 0,
      hostile: 0,
      hostileKeptWithReason: 0,
      hostileMoved: 0,
    }
    const wrong: string[] = []
    for (const file of result.files) {
      const truth = expected.get(file.path)
      if (truth === undefined) {
        tally.hostile += 1
        if (file.movedTo) tally.hostileMoved += 1
        else if (file.error) tally.hostileKeptWithReason += 1
        continue
      }
      if (file.error) tally.unreadable += 1
      else if (!file.movedTo) tally.unsure += 1
      else if (file.category === truth) tally.movedRight += 1
      else {
        tally.movedWrong += 1
        wrong.push(`${basename(file.path)}: ${truth} → ${file.category ?? '?'}`)
      }
    }
    if (json) {
      console.log(
        JSON.stringify(
          { corpus: { ...tally, movedRightRatio: tally.movedRight / tally.inbox } },
          null,
          2,
        ),
      )
      return
    }
    console.table([{ ...tally, movedRightRatio: round(tally.movedRight / tally.inbox, 3) }])
    for (const line of wrong) console.log(`  moved wrongly: ${line}`)
    for (const file of result.files) {
      if (expected.has(file.path) && !file.movedTo) {
        console.log(
          `  stayed: ${basename(file.path)} (${expected.get(file.path)}) ${file.error ? file.error.code : `unsure ${round(file.confidence ?? 0, 2)} ${file.category ?? ''}`}`,
        )
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

function pick(r: EvalJson) {
  return {
    accuracy: round(r.accuracy),
    macroF1: round(r.macroF1),
    ece: round(r.ece),
    trainSeconds: round(r.trainSeconds, 1),
    docsPerSecond: round(r.docsPerSecond, 0),
    peakRssMb: round(r.peakRssMb, 0),
    backend: r.backend,
  }
}

function round(value: number, digits = 4): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { json: { type: 'boolean', default: false }, epochs: { type: 'string' } },
})
const suite = positionals[0] ?? '20ng'
const epochs = values.epochs === undefined ? undefined : Number(values.epochs)
switch (suite) {
  case '20ng':
    await bench20ng(values.json, epochs)
    break
  case 'corpus':
    await benchCorpus(values.json, epochs)
    break
  default:
    console.error(`Unknown benchmark suite "${suite}". Suites: 20ng, corpus`)
    process.exitCode = 2
}
