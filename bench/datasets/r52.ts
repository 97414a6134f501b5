/**
 * R52: the single-topic ModApte subset of Reuters-21578, derived from the original SGML. The
 * split sizes are fixed by the literature, so any other count means the derivation drifted.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../src/shared/errors'
import type { LabelledDocument, Split } from './labelled-tree'
import { readReutersFile, type ReutersArticle } from './reuters-sgml'

export const R52_COUNTS: Record<Split, number> = { train: 6532, test: 2568 }

const MODAPTE: Record<string, Split> = { TRAIN: 'train', TEST: 'test' }

export async function readReutersDir(dir: string): Promise<ReutersArticle[]> {
  const files = (await readdir(dir)).filter((f) => /^reut2-\d+\.sgm$/.test(f)).sort()
  if (files.length === 0) {
    throw new AppError('input/invalid', `${dir} holds no reut2-NNN.sgm files`, { path: dir })
  }
  const articles: ReutersArticle[] = []
  for (const file of files) articles.push(...(await readReutersFile(join(dir, file))))
  return articles
}

export function deriveR52(articles: readonly ReutersArticle[]): Record<Split, LabelledDocument[]> {
  const single = articles.filter(
    (a) => a.hasTopics && MODAPTE[a.lewisSplit] !== undefined && a.topics.length === 1,
  )
  const topicsIn = (split: Split) =>
    new Set(single.filter((a) => MODAPTE[a.lewisSplit] === split).map((a) => a.topics[0]))
  const train = topicsIn('train')
  const test = topicsIn('test')
  const kept = single.filter((a) => train.has(a.topics[0]) && test.has(a.topics[0]))
  const toDocument = (a: ReutersArticle): LabelledDocument => ({
    id: a.newId,
    label: a.topics[0],
    text: a.text,
  })
  return {
    train: kept.filter((a) => MODAPTE[a.lewisSplit] === 'train').map(toDocument),
    test: kept.filter((a) => MODAPTE[a.lewisSplit] === 'test').map(toDocument),
  }
}

/** Throws unless the derived split has exactly the published size and 52 topics. */
export function assertR52(
  splits: Record<Split, readonly LabelledDocument[]>,
  source: string,
): void {
  const labels = new Set(splits.train.map((d) => d.label)).size
  const got = `${splits.train.length} train / ${splits.test.length} test, ${labels} topics`
  if (
    splits.train.length !== R52_COUNTS.train ||
    splits.test.length !== R52_COUNTS.test ||
    labels !== 52
  ) {
    throw new AppError(
      'input/invalid',
      `R52 derived from ${source} has ${got}, expected 6532 train / 2568 test, 52 topics`,
      { path: source },
    )
  }
}
