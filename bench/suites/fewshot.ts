/**
 * Few-shot 20 Newsgroups: every system trains on k = 1, 5 and 20 documents per class (the same
 * documents for all, drawn with three seeds) and is scored on the whole test split. Real users
 * start with a handful of files per folder; this is how each system does there.
 */
import { existsSync } from 'node:fs'
import { link, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seededRandom, shuffleInPlace } from '../../src/main/train/random'
import { prepareDataset } from '../datasets/prepare'
import { DebianPackages } from '../peers/debian-packages'
import type { SystemResult } from '../peers/system-result'
import { allSystems } from '../peers/systems'
import { round, run, SHARED, type SuiteOptions } from './common'

const SHOTS = [1, 5, 20]
const SEEDS = [1, 2, 3]

interface Summary {
  accuracy: number
  accuracyStd: number
  macroF1: number
  trainSeconds: number
  docsPerSecond: number
  peakRssMb: number
  ece?: number
  runs: number
}

export async function runSuite({ json, epochs }: SuiteOptions): Promise<void> {
  if (!existsSync('out/main/cli.js')) await run('npx', ['electron-vite', 'build'])
  const work = await mkdtemp(join(tmpdir(), 'docsort-fewshot-'))
  const results = new Map<string, SystemResult[]>()
  try {
    const tree = await prepareDataset('20ng', join(SHARED, 'datasets'), work)
    const systems = allSystems(new DebianPackages())
    for (const k of SHOTS) {
      for (const seed of SEEDS) {
        const train = await sampleTrain(tree.train, join(work, `k${k}-s${seed}`), k, seed)
        for (const system of systems) {
          // One scratch folder per system for all runs: Docsort's extraction cache then reads
          // the 7,532 test posts once, not nine times; each run still trains a fresh model.
          const scratch = join(work, `scratch-${system.name}`)
          await mkdir(scratch, { recursive: true })
          const outcome = await system.run({ train, test: tree.test, scratch, epochs })
          const key = `${k}/${system.name}`
          if (outcome.ok) results.set(key, [...(results.get(key) ?? []), outcome.result])
          console.error(
            `k=${k} seed=${seed} ${system.name}: ${
              outcome.ok ? round(outcome.result.accuracy) : `skipped (${outcome.reason})`
            }`,
          )
        }
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }

  const summaries = new Map([...results].map(([key, runs]) => [key, summarize(runs)]))
  if (json) {
    const out: Record<string, Record<string, Summary>> = {}
    for (const [key, summary] of summaries) {
      const [k = '', system = ''] = key.split('/')
      ;(out[`k${k}`] ??= {})[system] = summary
    }
    console.log(JSON.stringify(out, null, 2))
    return
  }
  console.table(
    [...summaries].map(([key, s]) => {
      const [k = '', system = ''] = key.split('/')
      const peers = [...summaries].filter(([other]) => other.startsWith(`${k}/`) && other !== key)
      const bestPeer = Math.max(...peers.map(([, p]) => p.accuracy))
      return {
        k: Number(k),
        system,
        accuracy: round(s.accuracy),
        std: round(s.accuracyStd),
        macroF1: round(s.macroF1),
        trainSeconds: round(s.trainSeconds, 1),
        ece: s.ece === undefined ? '' : round(s.ece),
        vsBestPeer: system === 'docsort' && peers.length > 0 ? round(s.accuracy / bestPeer) : '',
      }
    }),
  )
}

/** Links k seeded documents of each class of `train` into `<dir>/train/<class>/`. */
async function sampleTrain(train: string, dir: string, k: number, seed: number): Promise<string> {
  const random = seededRandom(seed)
  const target = join(dir, 'train')
  for (const label of (await readdir(train)).sort()) {
    const files = shuffleInPlace((await readdir(join(train, label))).sort(), random).slice(0, k)
    await mkdir(join(target, label), { recursive: true })
    for (const file of files) await link(join(train, label, file), join(target, label, file))
  }
  return target
}

function summarize(runs: SystemResult[]): Summary {
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length
  const accuracy = mean(runs.map((r) => r.accuracy))
  const eces = runs.flatMap((r) => (r.ece === undefined ? [] : [r.ece]))
  return {
    accuracy,
    accuracyStd: Math.sqrt(mean(runs.map((r) => (r.accuracy - accuracy) ** 2))),
    macroF1: mean(runs.map((r) => r.macroF1)),
    trainSeconds: mean(runs.map((r) => r.trainSeconds)),
    docsPerSecond: mean(runs.map((r) => r.docsPerSecond)),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
    ...(eces.length > 0 ? { ece: mean(eces) } : {}),
    runs: runs.length,
  }
}
