import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Docsort } from '../../../src/main/app/docsort'
import { syntheticExamples } from '../../fixtures/classify/corpus'

describe('Docsort models', () => {
  let root: string

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'docsort-app-'))
    const examples = syntheticExamples(10)
    for (const [i, example] of examples.entries()) {
      await mkdir(join(root, 'library', example.label), { recursive: true })
      await writeFile(join(root, 'library', example.label, `doc-${i}.txt`), example.text)
    }
  })

  afterEach(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('falls back to the previous model when the active one is damaged', async () => {
    // Given two trained models, when the newer one's weights are damaged on disk, then the next
    // start predicts with the older one and records it as active.
    const app = await Docsort.open({ dataDir: join(root, 'data') })
    await app.learn([join(root, 'library')])
    const older = await app.train({ maxEpochs: 1 })
    const newer = await app.train({ maxEpochs: 1 })
    expect(app.library.activeModel()?.version).toBe(newer.metadata.version)
    await app.close()

    const weights = join(newer.modelDir, 'weights.bin')
    const bytes = await readFile(weights)
    bytes.fill(0, 0, 64)
    await writeFile(weights, bytes)

    const reopened = await Docsort.open({ dataDir: join(root, 'data') })
    try {
      const classifier = await reopened.activeClassifier()
      expect(classifier.metadata.version).toBe(older.metadata.version)
      expect(reopened.library.activeModel()?.version).toBe(older.metadata.version)
      expect(classifier.predict(['anything']).length).toBe(1)
    } finally {
      await reopened.close()
    }
  }, 120_000)

  it('answers model/incompatible when no model can be loaded', async () => {
    const app = await Docsort.open({ dataDir: join(root, 'data') })
    await app.learn([join(root, 'library')])
    const only = await app.train({ maxEpochs: 1 })
    await app.close()
    await writeFile(join(only.modelDir, 'metadata.json'), '{"format":')

    const reopened = await Docsort.open({ dataDir: join(root, 'data') })
    try {
      await expect(reopened.activeClassifier()).rejects.toMatchObject({
        code: 'model/incompatible',
      })
    } finally {
      await reopened.close()
    }
  }, 120_000)
})
