/**
 * 20 Newsgroups (bydate) from the stored archive. The posts keep their headers, as the published
 * figures in the datasets README do; only the file names gain `.txt`.
 */
import { execFile } from 'node:child_process'
import { mkdir, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { DatasetTree, Split } from './labelled-tree'

const run = promisify(execFile)

async function moveSplit(from: string, to: string): Promise<number> {
  let count = 0
  for (const group of (await readdir(from)).sort()) {
    await mkdir(join(to, group), { recursive: true })
    for (const id of await readdir(join(from, group))) {
      await rename(join(from, group, id), join(to, group, `${id}.txt`))
      count++
    }
  }
  return count
}

export async function extractTwentyNews(archive: string, root: string): Promise<DatasetTree> {
  const base = join(root, '20ng')
  const raw = join(root, '20ng-archive')
  await mkdir(raw, { recursive: true })
  await run('tar', ['xzf', archive, '-C', raw])
  const counts: Record<Split, number> = { train: 0, test: 0 }
  for (const split of ['train', 'test'] as const) {
    counts[split] = await moveSplit(join(raw, `20news-bydate-${split}`), join(base, split))
  }
  await rm(raw, { recursive: true, force: true })
  const labels = (await readdir(join(base, 'train'))).length
  return { name: '20ng', train: join(base, 'train'), test: join(base, 'test'), counts, labels }
}
