/**
 * Writes labelled documents as the folder-per-category tree every system in the benchmark reads:
 * `<root>/<split>/<label>/<id>.txt`. It does not decide what a document's text is; the dataset
 * modules do.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface LabelledDocument {
  id: string
  label: string
  text: string
}

export type Split = 'train' | 'test'

export interface DatasetTree {
  name: string
  train: string
  test: string
  counts: Record<Split, number>
  labels: number
}

export async function writeSplit(
  root: string,
  split: Split,
  documents: readonly LabelledDocument[],
): Promise<string> {
  const dir = join(root, split)
  const labels = new Set(documents.map((d) => d.label))
  for (const label of labels) await mkdir(join(dir, label), { recursive: true })
  for (const doc of documents) await writeFile(join(dir, doc.label, `${doc.id}.txt`), doc.text)
  return dir
}

export async function writeTree(
  root: string,
  name: string,
  splits: Record<Split, readonly LabelledDocument[]>,
): Promise<DatasetTree> {
  const base = join(root, name)
  const train = await writeSplit(base, 'train', splits.train)
  const test = await writeSplit(base, 'test', splits.test)
  const labels = new Set([...splits.train, ...splits.test].map((d) => d.label)).size
  const counts = { train: splits.train.length, test: splits.test.length }
  return { name, train, test, counts, labels }
}
