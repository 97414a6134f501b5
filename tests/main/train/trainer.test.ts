import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import type { TrainingProgress } from '../../../src/shared/types'
import { initBackend } from '../../../src/main/classify/backend'
import { seededRandom } from '../../../src/main/train/random'
import { trainClassifier, type TrainingExample } from '../../../src/main/train/trainer'
import { syntheticExamples } from '../../fixtures/classify/corpus'
import { rejectionOf, smallOptions } from '../classify/support'

beforeAll(async () => {
  await initBackend()
})

describe('trainClassifier', () => {
  it('refuses to train when the examples have fewer than two labels', async () => {
    const one: TrainingExample[] = [
      { text: 'invoice total due', label: 'invoice' },
      { text: 'invoice amount vat', label: 'invoice' },
    ]
    for (const examples of [one, []]) {
      const error = await rejectionOf(trainClassifier(examples, smallOptions()))
      expect(error).toBeInstanceOf(AppError)
      expect(error.code).toBe('train/not-enough-data')
    }
  })

  it('stops with train/cancelled when the signal aborts during the first epoch', async () => {
    const controller = new AbortController()
    let batches = 0
    const error = await rejectionOf(
      trainClassifier(
        syntheticExamples(10),
        smallOptions({
          signal: controller.signal,
          onProgress: (p) => {
            if (p.phase !== 'training') return
            batches += 1
            controller.abort()
          },
        }),
      ),
    )
    expect(error).toBeInstanceOf(AppError)
    expect(error.code).toBe('train/cancelled')
    expect(batches).toBe(1)
  })

  it('frees its tensors when cancelled before the first step', async () => {
    const before = tf.memory().numTensors
    const error = await rejectionOf(
      trainClassifier(syntheticExamples(10), smallOptions({ signal: AbortSignal.abort() })),
    )
    expect(error.code).toBe('train/cancelled')
    expect(tf.memory().numTensors).toBe(before)
  })

  it('leaves no tensor behind but the weights of the classifier it returns', async () => {
    const before = tf.memory().numTensors
    const { classifier } = await trainClassifier(
      syntheticExamples(10),
      smallOptions({ maxEpochs: 3 }),
    )
    classifier.dispose()
    expect(tf.memory().numTensors).toBe(before)
  })

  it('reports one history entry per epoch with finite losses and accuracies in [0, 1]', async () => {
    const progress: TrainingProgress[] = []
    const outcome = await trainClassifier(
      syntheticExamples(20),
      smallOptions({ maxEpochs: 5, patience: 10, onProgress: (p) => progress.push(p) }),
    )
    try {
      const { history, classifier, validation } = outcome
      expect(history.map((h) => h.epoch)).toEqual([1, 2, 3, 4, 5])
      for (const entry of history) {
        expect(Number.isFinite(entry.loss)).toBe(true)
        expect(entry.loss).toBeGreaterThan(0)
        expect(entry.accuracy).toBeGreaterThanOrEqual(0)
        expect(entry.accuracy).toBeLessThanOrEqual(1)
        expect(Number.isFinite(entry.valLoss)).toBe(true)
        expect(entry.valAccuracy).toBeGreaterThanOrEqual(0)
        expect(entry.valAccuracy).toBeLessThanOrEqual(1)
      }
      // Three well-separated synthetic topics: the loss must fall and training must fit them.
      expect(history.at(-1)?.loss).toBeLessThan((history[0]?.loss ?? 0) * 0.8)
      expect(history.at(-1)?.accuracy).toBeGreaterThanOrEqual(0.9)

      // A small library holds out about 30 documents, here capped at a quarter: 5 per class,
      // enough (20 or more) for the temperature to be fitted rather than left at 1.
      expect(classifier.metadata.training.validationDocuments).toBe(15)
      expect(classifier.metadata.training.documents).toBe(45)
      expect(classifier.metadata.training.epochs).toBe(5)
      expect(validation?.documents).toBe(15)
      expect(classifier.metadata.metrics.validationAccuracy).toBe(validation?.accuracy)

      const phases = [...new Set(progress.map((p) => p.phase))]
      expect(phases).toEqual(['preparing', 'training', 'evaluating', 'done'])
      const epochs = progress.filter((p) => p.phase === 'training').map((p) => p.epoch)
      expect(epochs).toEqual([...epochs].sort((a, b) => a - b))
      expect(epochs.at(-1)).toBe(5)
    } finally {
      outcome.classifier.dispose()
    }
  })

  it('stops two epochs after the best validation loss when patience is 2', async () => {
    // Given texts with random labels, the network can only memorise: the training loss keeps
    // falling while the validation loss soon rises.
    const random = seededRandom(3)
    const examples = syntheticExamples(20).map((e) => ({
      text: e.text,
      label: ['a', 'b', 'c'][Math.floor(random() * 3)] ?? 'a',
    }))
    const { history, classifier, validation } = await trainClassifier(
      examples,
      smallOptions({ maxEpochs: 40, patience: 2, validationFraction: 0.3 }),
    )
    try {
      const losses = history.map((h) => h.valLoss ?? Number.NaN)
      const best = losses.indexOf(Math.min(...losses))
      expect(history.length).toBeLessThan(40)
      expect(history.length).toBe(best + 1 + 2)
      expect(history.at(-1)?.loss).toBeLessThan(history[0]?.loss ?? 0)
      expect(classifier.metadata.training.epochs).toBe(history.length)
      expect(validation?.documents).toBe(classifier.metadata.training.validationDocuments)
    } finally {
      classifier.dispose()
    }
  })

  it('trains without validation when validationFraction is 0', async () => {
    const { history, validation, classifier } = await trainClassifier(
      syntheticExamples(10),
      smallOptions({ maxEpochs: 2, validationFraction: 0 }),
    )
    try {
      expect(validation).toBeNull()
      expect(history.every((h) => h.valLoss === null && h.valAccuracy === null)).toBe(true)
      expect(classifier.metadata.metrics).toEqual({
        validationAccuracy: null,
        validationMacroF1: null,
      })
      expect(classifier.metadata.temperature).toBe(1)
    } finally {
      classifier.dispose()
    }
  })

  it('still recognises minority classes when the classes are imbalanced', async () => {
    const examples = [
      ...syntheticExamples(40).filter((e) => e.label === 'invoice'),
      ...syntheticExamples(6, 11).filter((e) => e.label !== 'invoice'),
    ]
    const { classifier, history } = await trainClassifier(
      examples,
      smallOptions({ maxEpochs: 10, patience: 10 }),
    )
    try {
      expect(classifier.metadata.training.classCounts).toEqual({
        astronomy: 6,
        invoice: 40,
        recipe: 6,
      })
      for (const entry of history) expect(Number.isFinite(entry.loss)).toBe(true)
      const fresh = syntheticExamples(10, 99).filter((e) => e.label !== 'invoice')
      const predictions = classifier.predict(fresh.map((e) => e.text))
      const correct = predictions.filter((p, i) => p.label === fresh[i]?.label).length
      expect(correct / fresh.length).toBeGreaterThanOrEqual(0.9)
    } finally {
      classifier.dispose()
    }
  })
})
