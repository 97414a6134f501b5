import { createHash } from 'node:crypto'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import type { ModelMetadata } from '../../../src/shared/model-metadata'
import { initBackend } from '../../../src/main/classify/backend'
import type { TextClassifier } from '../../../src/main/classify/classifier'
import { loadModel, readMetadata } from '../../../src/main/classify/model-store'
import { trainClassifier } from '../../../src/main/train/trainer'
import { AMBIGUOUS_TEXT, syntheticExamples } from '../../fixtures/classify/corpus'
import { rejectionOf, saveClassifier, smallOptions } from './support'

const TEXTS = [
  'invoice total amount due payment vat bank transfer',
  'whisk the eggs with sugar and butter then bake',
  'the telescope saw a comet near the planet orbit',
  AMBIGUOUS_TEXT,
  '发票编号总金额请于三十天内付款',
  '',
]

let root = ''
let modelDir = ''
let trained: TextClassifier
let saved: ModelMetadata

beforeAll(async () => {
  await initBackend()
  root = await mkdtemp(join(tmpdir(), 'docsort-model-store-'))
  modelDir = join(root, 'model')
  trained = (await trainClassifier(syntheticExamples(12), smallOptions({ maxEpochs: 4 })))
    .classifier
  saved = await saveClassifier(modelDir, trained)
})

afterAll(async () => {
  trained.dispose()
  await rm(root, { recursive: true, force: true })
})

/** A copy of the saved model, damaged by `damage`, in a fresh folder. */
async function damagedCopy(name: string, damage: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(root, name)
  await cp(modelDir, dir, { recursive: true })
  await damage(dir)
  return dir
}

async function editMetadata(
  dir: string,
  edit: (m: Record<string, unknown>) => void,
): Promise<void> {
  const file = join(dir, 'metadata.json')
  const metadata = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  edit(metadata)
  await writeFile(file, JSON.stringify(metadata))
}

async function expectIncompatible(dir: string, reason: RegExp): Promise<void> {
  const before = tf.memory().numTensors
  const error = await rejectionOf(loadModel(dir))
  expect(error).toBeInstanceOf(AppError)
  expect(error.code).toBe('model/incompatible')
  expect(error.path).toBe(dir)
  expect(error.message).toContain(dir)
  expect(error.message).toMatch(reason)
  expect(tf.memory().numTensors).toBe(before)
}

describe('saveModel', () => {
  it('writes metadata.json and weights.bin whose size and hash the metadata records', async () => {
    expect((await readdir(modelDir)).sort()).toEqual(['metadata.json', 'weights.bin'])
    const bytes = await readFile(join(modelDir, 'weights.bin'))
    expect(bytes.length).toBe(saved.weightsBytes)
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(saved.weightsSha256)
    expect(await readMetadata(modelDir)).toEqual(saved)
    expect(saved.labels).toEqual(['astronomy', 'invoice', 'recipe'])
    expect(saved.weights.map((w) => w.name)).toEqual(expect.arrayContaining(['idf', 'prototypes']))
  })

  it('leaves no temporary folder behind after saving', async () => {
    expect((await readdir(root)).filter((name) => name.includes('.tmp-'))).toEqual([])
  })

  it('refuses to replace a model folder that already has files, and cleans up', async () => {
    const dir = join(root, 'occupied')
    await mkdir(dir)
    await writeFile(join(dir, 'keep.txt'), 'mine')
    await expect(saveClassifier(dir, trained)).rejects.toThrow()
    expect(await readFile(join(dir, 'keep.txt'), 'utf8')).toBe('mine')
    expect((await readdir(root)).filter((name) => name.includes('.tmp-'))).toEqual([])
  })
})

describe('loadModel', () => {
  it('gives the same probabilities as the model that was saved', async () => {
    const loaded = await loadModel(modelDir)
    try {
      expect(loaded.labels).toEqual(trained.labels)
      expect(loaded.metadata.temperature).toBe(trained.metadata.temperature)
      expect(loaded.metadata.threshold).toBe(trained.metadata.threshold)
      const before = trained.predict(TEXTS)
      const after = loaded.predict(TEXTS)
      expect(after).toHaveLength(TEXTS.length)
      after.forEach((prediction, i) => {
        const original = before[i]
        expect(prediction.label).toBe(original?.label)
        expect(prediction.unsure).toBe(original?.unsure)
        expect(Math.abs(prediction.confidence - (original?.confidence ?? -1))).toBeLessThan(1e-6)
        prediction.runnersUp.forEach((runnerUp, r) => {
          expect(runnerUp.label).toBe(original?.runnersUp[r]?.label)
          expect(
            Math.abs(runnerUp.confidence - (original?.runnersUp[r]?.confidence ?? -1)),
          ).toBeLessThan(1e-6)
        })
      })
      const logitsBefore = trained.logits(trained.encode(TEXTS))
      const logitsAfter = loaded.logits(loaded.encode(TEXTS))
      expect(Array.from(logitsAfter)).toEqual(Array.from(logitsBefore))
    } finally {
      loaded.dispose()
    }
  })

  it('frees every tensor it created when the loaded model is disposed', async () => {
    const before = tf.memory().numTensors
    const loaded = await loadModel(modelDir)
    expect(tf.memory().numTensors).toBe(before + loaded.network.variables.size)
    loaded.dispose()
    expect(tf.memory().numTensors).toBe(before)
  })

  it('answers model/not-found when the folder has no metadata.json', async () => {
    const dir = join(root, 'empty')
    await mkdir(dir)
    const error = await rejectionOf(loadModel(dir))
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('model/not-found')
  })

  it('refuses a model whose weights.bin has flipped bytes', async () => {
    const dir = await damagedCopy('flipped', async (d) => {
      const file = join(d, 'weights.bin')
      const bytes = await readFile(file)
      for (const at of [0, Math.floor(bytes.length / 2), bytes.length - 1]) {
        bytes[at] = (bytes[at] ?? 0) ^ 0xff
      }
      await writeFile(file, bytes)
    })
    await expectIncompatible(dir, /hash/)
  })

  it('refuses a model whose weights.bin is truncated', async () => {
    const dir = await damagedCopy('short-weights', async (d) => {
      const file = join(d, 'weights.bin')
      const bytes = await readFile(file)
      await writeFile(file, bytes.subarray(0, bytes.length - 4))
    })
    await expectIncompatible(dir, /bytes/)
  })

  it('refuses a model whose weights.bin is missing', async () => {
    const dir = await damagedCopy('no-weights', (d) => rm(join(d, 'weights.bin')))
    await expectIncompatible(dir, /weights\.bin/)
  })

  it('refuses a model whose metadata.json is truncated', async () => {
    const dir = await damagedCopy('short-metadata', async (d) => {
      const file = join(d, 'metadata.json')
      const text = await readFile(file, 'utf8')
      await writeFile(file, text.slice(0, Math.floor(text.length / 2)))
    })
    await expectIncompatible(dir, /JSON/)
  })

  it('refuses a model with an unknown format version', async () => {
    const dir = await damagedCopy('format-3', (d) =>
      editMetadata(d, (m) => {
        m.formatVersion = 3
      }),
    )
    await expectIncompatible(dir, /format version is 3/)
  })

  it('refuses a model saved by the previous format, whose wide vectors were built differently', async () => {
    const dir = await damagedCopy('format-1', (d) =>
      editMetadata(d, (m) => {
        m.formatVersion = 1
        delete (m.features as Record<string, unknown>).bigramWeight
      }),
    )
    await expectIncompatible(dir, /format version is 1.*bigramWeight/)
  })

  it('refuses a model made with another tokenizer version', async () => {
    const dir = await damagedCopy('tokenizer-2', (d) =>
      editMetadata(d, (m) => {
        m.tokenizer = { ...(m.tokenizer as object), version: 2 }
      }),
    )
    await expectIncompatible(dir, /tokenizer/)
  })

  it('refuses a model with a weight of the wrong shape', async () => {
    const dir = await damagedCopy('wrong-shape', (d) =>
      editMetadata(d, (m) => {
        const weights = m.weights as { name: string; shape: number[] }[]
        const kernel = weights.find((w) => w.name === 'conv2/kernel')
        if (!kernel) throw new Error('conv2/kernel missing from the saved model')
        kernel.shape = [kernel.shape[0] ?? 0, 8]
      }),
    )
    await expectIncompatible(dir, /conv2\/kernel has shape \[32, 8\], expected \[32, 16\]/)
  })

  it('refuses a model whose metadata lists more labels than its weights hold', async () => {
    const dir = await damagedCopy('extra-label', (d) =>
      editMetadata(d, (m) => {
        m.labels = [...(m.labels as string[]), 'poetry']
      }),
    )
    await expectIncompatible(dir, /shape/)
  })

  it('refuses a model with a weight that lies outside weights.bin', async () => {
    const dir = await damagedCopy('outside', (d) =>
      editMetadata(d, (m) => {
        const weights = m.weights as { name: string; offset: number }[]
        const bias = weights.find((w) => w.name === 'output/bias')
        if (!bias) throw new Error('output/bias missing from the saved model')
        bias.offset = (m.weightsBytes as number) / 4
      }),
    )
    await expectIncompatible(dir, /outside/)
  })

  it('refuses a model that lacks one of its weights', async () => {
    for (const name of ['dense/kernel', 'embedding', 'wide/kernel', 'idf', 'prototypes']) {
      const dir = await damagedCopy(`missing-${name.replace('/', '-')}`, (d) =>
        editMetadata(d, (m) => {
          m.weights = (m.weights as { name: string }[]).filter((w) => w.name !== name)
        }),
      )
      await expectIncompatible(dir, new RegExp(`missing: ${name}`))
    }
  })

  it('refuses metadata that is not an object', async () => {
    const dir = await damagedCopy('array', (d) => writeFile(join(d, 'metadata.json'), '[1, 2]'))
    await expectIncompatible(dir, /not a JSON object/)
  })
})
