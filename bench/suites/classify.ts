/**
 * Peer comparison on public text-classification corpora: Docsort's `eval` against TF-IDF +
 * LinearSVC (scikit-learn) and fastText, each trained on the same train tree and scored on the same
 * test tree. Datasets come from `--datasets a,b` or `DOCSORT_BENCH_DATASETS` (comma-separated;
 * default r8,r52,20ng).
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../src/shared/errors'
import { DATASET_NAMES, isDatasetName, prepareDataset, type DatasetName } from '../datasets/prepare'
import { DebianPackages } from '../peers/debian-packages'
import type { SystemResult } from '../peers/system-result'
import { allSystems } from '../peers/systems'
import { round, run, SHARED, type SuiteOptions } from './common'

type Row = SystemResult & { dataset: string; system: string }

function requestedDatasets(): DatasetName[] {
  const flag = process.argv.findIndex((a) => a === '--datasets' || a.startsWith('--datasets='))
  const fromFlag =
    flag < 0
      ? undefined
      : process.argv[flag].includes('=')
        ? process.argv[flag].split('=')[1]
        : process.argv[flag + 1]
  const spec = fromFlag ?? process.env.DOCSORT_BENCH_DATASETS ?? 'r8,r52,20ng'
  const names = spec.split(',').map((n) => n.trim().toLowerCase())
  const unknown = names.filter((n) => !isDatasetName(n))
  if (unknown.length > 0) {
    throw new AppError(
      'input/invalid',
      `Unknown dataset ${unknown.join(', ')}; known: ${DATASET_NAMES.join(', ')}`,
    )
  }
  return names.filter(isDatasetName)
}

/** Docsort's accuracy over the best peer's, on the Docsort row only. */
function ratioToBestPeer(rows: readonly Row[], row: Row): number | undefined {
  if (row.system !== 'docsort') return undefined
  const peers = rows.filter((r) => r.dataset === row.dataset && r.system !== 'docsort')
  const best = Math.max(...peers.map((r) => r.accuracy))
  return peers.length === 0 || best <= 0 ? undefined : round(row.accuracy / best)
}

function tableRow(rows: readonly Row[], row: Row): Record<string, string | number> {
  return {
    dataset: row.dataset,
    system: row.system,
    accuracy: round(row.accuracy),
    macroF1: round(row.macroF1),
    trainSeconds: round(row.trainSeconds, 1),
    docsPerSecond: round(row.docsPerSecond, 0),
    peakRssMb: round(row.peakRssMb, 0),
    ece: row.ece === undefined ? '' : round(row.ece),
    tested: row.documents,
    vsBestPeer: ratioToBestPeer(rows, row) ?? '',
  }
}

function toJson(rows: readonly Row[]): Record<string, Record<string, SystemResult>> {
  const out: Record<string, Record<string, SystemResult>> = {}
  for (const { dataset, system, ...result } of rows) (out[dataset] ??= {})[system] = result
  return out
}

export async function runSuite({ json, epochs }: SuiteOptions): Promise<void> {
  const datasets = requestedDatasets()
  // bin/docsort.js runs the bundled CLI; `npm run bench` builds it, a bare `tsx` run may not have.
  if (!existsSync('out/main/cli.js')) await run('npx', ['electron-vite', 'build'])
  const systems = allSystems(new DebianPackages())
  const work = await mkdtemp(join(tmpdir(), 'docsort-classify-'))
  const rows: Row[] = []
  const skipped: string[] = []
  try {
    for (const name of datasets) {
      const tree = await prepareDataset(name, join(SHARED, 'datasets'), work)
      // Progress goes to stderr so that --json keeps stdout a single JSON object.
      console.error(
        `${name}: ${tree.counts.train} train / ${tree.counts.test} test, ${tree.labels} classes`,
      )
      for (const system of systems) {
        const scratch = join(work, `${name}-${system.name}`)
        await mkdir(scratch, { recursive: true })
        const started = Date.now()
        const outcome = await system.run({ train: tree.train, test: tree.test, scratch, epochs })
        const seconds = ((Date.now() - started) / 1000).toFixed(0)
        if (outcome.ok) {
          rows.push({ dataset: name, system: system.name, ...outcome.result })
          console.error(`  ${system.name}: done in ${seconds} s`)
        } else {
          skipped.push(`${name}/${system.name}: ${outcome.reason}`)
          console.error(`  ${system.name}: skipped (${outcome.reason})`)
        }
      }
      await rm(join(work, name), { recursive: true, force: true })
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  if (json) {
    console.log(JSON.stringify(toJson(rows), null, 2))
    return
  }
  console.table(rows.map((row) => tableRow(rows, row)))
  for (const line of skipped) console.log(`skipped ${line}`)
}
