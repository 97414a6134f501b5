/**
 * The benchmark's datasets by name, each materialised under a scratch root as
 * `<root>/<name>/{train,test}/<label>/<id>.txt` from the corpora in ../shared/datasets.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { AppError, assertNever } from '../../src/shared/errors'
import { writeTree, type DatasetTree } from './labelled-tree'
import { readTsv } from './r8'
import { assertR52, deriveR52, readReutersDir } from './r52'
import { extractTwentyNews } from './twenty-news'

export const DATASET_NAMES = ['20ng', 'r8', 'r52'] as const
export type DatasetName = (typeof DATASET_NAMES)[number]

const run = promisify(execFile)

export function isDatasetName(name: string): name is DatasetName {
  return (DATASET_NAMES as readonly string[]).includes(name)
}

function requireFile(path: string): string {
  if (!existsSync(path)) {
    throw new AppError('input/invalid', `${path} is missing: the benchmark needs ../shared`, {
      path,
    })
  }
  return path
}

async function prepareR52(datasets: string, root: string): Promise<DatasetTree> {
  const archive = requireFile(join(datasets, 'reuters21578.tar.gz'))
  const raw = await mkdtemp(join(tmpdir(), 'docsort-reuters-'))
  try {
    await run('tar', ['xzf', archive, '-C', raw])
    const splits = deriveR52(await readReutersDir(join(raw, 'reuters')))
    assertR52(splits, archive)
    return await writeTree(root, 'r52', splits)
  } finally {
    await rm(raw, { recursive: true, force: true })
  }
}

export async function prepareDataset(
  name: DatasetName,
  datasets: string,
  root: string,
): Promise<DatasetTree> {
  switch (name) {
    case '20ng':
      return extractTwentyNews(requireFile(join(datasets, '20news-bydate.tar.gz')), root)
    case 'r8':
      return writeTree(root, 'r8', {
        train: await readTsv(requireFile(join(datasets, 'r8/train.tsv'))),
        test: await readTsv(requireFile(join(datasets, 'r8/test.tsv'))),
      })
    case 'r52':
      return prepareR52(datasets, root)
    default:
      return assertNever(name, 'dataset')
  }
}
