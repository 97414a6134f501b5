/** Full 20 Newsgroups (bydate): train on the train split, evaluate on the test split. */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { round, run, SHARED, type SuiteOptions } from './common'

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

export async function runSuite({ json, epochs }: SuiteOptions): Promise<void> {
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
