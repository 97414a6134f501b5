import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import type { TrainingProgress } from '../../../src/shared/types'
import { initBackend } from '../../../src/main/classify/backend'
import { loadModel } from '../../../src/main/classify/model-store'
import { trainInWorker } from '../../../src/main/train/training-client'
import { syntheticExamples } from '../../fixtures/classify/corpus'
import { rejectionOf, smallOptions } from '../classify/support'

let root = ''

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'docsort-train-worker-'))
  await initBackend()
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('trainInWorker', () => {
  it('trains in a worker, reports epochs in order and writes a model that loads', async () => {
    const progress: TrainingProgress[] = []
    const modelDir = join(root, 'model')
    const trained = await trainInWorker(syntheticExamples(12), modelDir, {
      ...smallOptions({ maxEpochs: 4, patience: 10 }),
      onProgress: (p) => progress.push(p),
    })

    expect(trained.modelDir).toBe(modelDir)
    expect(trained.metadata.labels).toEqual(['astronomy', 'invoice', 'recipe'])
    expect(trained.metadata.training.epochs).toBe(4)
    expect(trained.validation?.documents).toBe(trained.metadata.training.validationDocuments)

    const epochs = progress.filter((p) => p.phase === 'training').map((p) => p.epoch)
    expect(new Set(epochs)).toEqual(new Set([1, 2, 3, 4]))
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b))
    expect(progress[0]?.phase).toBe('preparing')
    expect(progress.map((p) => p.phase)).toContain('saving')

    expect((await readdir(modelDir)).sort()).toEqual(['metadata.json', 'weights.bin'])
    const loaded = await loadModel(modelDir)
    try {
      expect(loaded.metadata.version).toBe(trained.metadata.version)
      const [prediction] = loaded.predict(['invoice total amount due payment vat bank transfer'])
      expect(prediction?.label).toBe('invoice')
    } finally {
      loaded.dispose()
    }
  })

  it('rejects with the AppError of the worker when there are too few labels', async () => {
    const examples = syntheticExamples(5).filter((e) => e.label === 'recipe')
    const error = await rejectionOf(
      trainInWorker(examples, join(root, 'one-label'), smallOptions()),
    )
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('train/not-enough-data')
    expect(await readdir(root)).not.toContain('one-label')
  })

  it('rejects with train/cancelled and writes no model when the signal aborts', async () => {
    const controller = new AbortController()
    const modelDir = join(root, 'cancelled')
    const error = await rejectionOf(
      trainInWorker(syntheticExamples(20), modelDir, {
        ...smallOptions({ maxEpochs: 200, patience: 200 }),
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'training' && p.epoch === 2) controller.abort()
        },
      }),
    )
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('train/cancelled')
    expect(await readdir(root)).not.toContain('cancelled')
  })

  it('rejects with train/failed instead of hanging when the worker runs out of memory', async () => {
    const error = await rejectionOf(
      trainInWorker(syntheticExamples(20), join(root, 'oom'), { ...smallOptions(), maxHeapMb: 4 }),
    )
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('train/failed')
    expect(error.message).toMatch(/memory/)
  })
})
