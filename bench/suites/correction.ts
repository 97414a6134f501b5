/**
 * Learning a correction: a library of five 20 Newsgroups classes (about 2,900 documents) is
 * learned and trained through the CLI; then one misclassified test document is corrected with
 * `docsort correct`. It measures the seconds until that document and a near-duplicate of it are
 * classified right (no retrain), the test accuracy before and after, how much of a sixth class,
 * created from three examples, is suggested at once, and the five classes' accuracy beside it.
 */
import { existsSync } from 'node:fs'
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { prepareDataset } from '../datasets/prepare'
import { round, run, SHARED, type SuiteOptions } from './common'

const LIBRARY = ['comp.graphics', 'rec.autos', 'sci.med', 'sci.space', 'talk.politics.guns']
const NEW_CATEGORY = 'rec.sport.hockey'
const NEW_EXAMPLES = 3

interface Classified {
  path: string
  predicted: string | null
}

export async function runSuite({ json, epochs }: SuiteOptions): Promise<void> {
  if (!existsSync('out/main/cli.js')) await run('npx', ['electron-vite', 'build'])
  const work = await mkdtemp(join(tmpdir(), 'docsort-correction-'))
  try {
    const tree = await prepareDataset('20ng', join(SHARED, 'datasets'), join(work, 'datasets'))
    const train = await subset(tree.train, join(work, 'train'), LIBRARY)
    const test = await subset(tree.test, join(work, 'test'), LIBRARY)
    const cli = async (...args: string[]): Promise<string> =>
      (
        await run('node', ['bin/docsort.js', ...args, '--data-dir', join(work, 'data')], {
          maxBuffer: 256 * 1024 * 1024,
        })
      ).stdout
    const accuracy = async (): Promise<number> =>
      (JSON.parse(await cli('eval', '--test', test, '--json')) as { accuracy: number }).accuracy

    await cli('learn', train)
    await cli('train', ...(epochs === undefined ? [] : ['--epochs', String(epochs)]))
    const before = await accuracy()

    const testFiles = await filesByLabel(test)
    const all = [...testFiles].flatMap(([label, files]) => files.map((path) => ({ path, label })))
    const predictions = await classify(
      cli,
      all.map((f) => f.path),
    )
    const wrong = all.find((f, i) => predictions[i]?.predicted !== f.label)
    if (!wrong) throw new Error('the model classified every test document right')
    const nearDuplicate = join(work, `near-${basename(wrong.path)}`)
    await writeFile(nearDuplicate, dropEveryTenthWord(await readFile(wrong.path, 'latin1')))

    const started = performance.now()
    await cli('correct', wrong.label, wrong.path)
    const [again, near] = await classify(cli, [wrong.path, nearDuplicate])
    const correctionSeconds = (performance.now() - started) / 1000
    const after = await accuracy()

    const hockey = (await filesByLabel(tree.test)).get(NEW_CATEGORY) ?? []
    const examples = (await readdir(join(tree.train, NEW_CATEGORY))).sort().slice(0, NEW_EXAMPLES)
    await mkdir(join(work, 'new', NEW_CATEGORY), { recursive: true })
    for (const file of examples) {
      await link(join(tree.train, NEW_CATEGORY, file), join(work, 'new', NEW_CATEGORY, file))
    }
    await cli('learn', join(work, 'new', NEW_CATEGORY))
    const newPredictions = await classify(cli, hockey)
    // The five trained classes' test documents, now that a sixth category competes for them.
    const withNewCategory = await accuracy()

    const figures = {
      libraryDocuments: await countFiles(train),
      accuracyBefore: round(before),
      accuracyAfter: round(after),
      accuracyDropPoints: round((before - after) * 100, 2),
      correctedRight: again?.predicted === wrong.label,
      nearDuplicateRight: near?.predicted === wrong.label,
      correctionSeconds: round(correctionSeconds, 1),
      newCategoryExamples: NEW_EXAMPLES,
      newCategorySuggested: round(
        newPredictions.filter((p) => p.predicted === NEW_CATEGORY).length / hockey.length,
      ),
      accuracyWithNewCategory: round(withNewCategory),
    }
    if (json) console.log(JSON.stringify(figures))
    else console.table([figures])
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** Exit code 1 means some file could not be read; its entry has no prediction, the rest do. */
async function classify(cli: (...args: string[]) => Promise<string>, paths: string[]) {
  const stdout = await cli('classify', ...paths, '--json').catch(
    (error: { code?: number; stdout?: string }) => {
      if (error.code === 1 && error.stdout) return error.stdout
      throw error
    },
  )
  return (JSON.parse(stdout) as { files: Classified[] }).files
}

/** Links the given classes of a folder-per-class tree into `dir`. */
async function subset(from: string, dir: string, labels: string[]): Promise<string> {
  for (const label of labels) {
    await mkdir(join(dir, label), { recursive: true })
    for (const file of await readdir(join(from, label))) {
      await link(join(from, label, file), join(dir, label, file))
    }
  }
  return dir
}

async function filesByLabel(dir: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>()
  for (const label of (await readdir(dir)).sort()) {
    const files = (await readdir(join(dir, label))).sort()
    out.set(
      label,
      files.map((f) => join(dir, label, f)),
    )
  }
  return out
}

async function countFiles(dir: string): Promise<number> {
  let count = 0
  for (const files of (await filesByLabel(dir)).values()) count += files.length
  return count
}

/** The same post with every tenth word left out: a near-duplicate, as a re-sent form is. */
function dropEveryTenthWord(text: string): string {
  return text
    .split(/(\s+)/)
    .filter((_, i) => i % 20 !== 18)
    .join('')
}
