import * as tf from '@tensorflow/tfjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../src/main/classify/backend'
import type { TextClassifier } from '../../../src/main/classify/classifier'
import { trainClassifier } from '../../../src/main/train/trainer'
import { AMBIGUOUS_TEXT, syntheticExamples } from '../../fixtures/classify/corpus'
import { smallOptions } from './support'

const INVOICE = 'invoice total amount due payment vat bank transfer customer number tax net'
const RECIPE = 'whisk the eggs with sugar and butter then bake the dough in the oven'
const ASTRONOMY = 'the telescope saw a comet near the planet orbit in the solar galaxy'

let classifier: TextClassifier

beforeAll(async () => {
  await initBackend()
  const outcome = await trainClassifier(syntheticExamples(20), smallOptions({ maxEpochs: 8 }))
  classifier = outcome.classifier
  classifier.warmUp()
})

afterAll(() => {
  classifier.dispose()
})

describe('initBackend', () => {
  it('initialises one backend and reports its name when called twice', async () => {
    const name = await initBackend()
    expect(['tensorflow', 'wasm', 'cpu']).toContain(name)
    expect(await initBackend()).toBe(name)
    expect(tf.getBackend()).toBe(name)
  })
})

describe('TextClassifier', () => {
  it('predicts the category of a clearly topical text', () => {
    const [invoice, recipe, astronomy] = classifier.predict([INVOICE, RECIPE, ASTRONOMY])
    expect(invoice?.label).toBe('invoice')
    expect(recipe?.label).toBe('recipe')
    expect(astronomy?.label).toBe('astronomy')
  })

  it('leaks no tensor when predicting one text', () => {
    const before = tf.memory().numTensors
    classifier.predict([INVOICE])
    expect(tf.memory().numTensors).toBe(before)
  })

  it('leaks no tensor when predicting more texts than one batch holds', () => {
    const texts = Array.from({ length: 70 }, (_, i) => (i % 2 === 0 ? RECIPE : ASTRONOMY))
    const before = tf.memory().numTensors
    const predictions = classifier.predict(texts)
    expect(predictions).toHaveLength(70)
    expect(tf.memory().numTensors).toBe(before)
  })

  it('returns no predictions and creates no tensor when given no texts', () => {
    const before = tf.memory().numTensors
    expect(classifier.predict([])).toEqual([])
    expect(tf.memory().numTensors).toBe(before)
  })

  it('says unsure when the confidence is below the threshold', () => {
    const [strict] = classifier.predict([AMBIGUOUS_TEXT], { threshold: 0.99 })
    expect(strict?.confidence).toBeLessThan(0.99)
    expect(strict?.unsure).toBe(true)
    const [lenient] = classifier.predict([AMBIGUOUS_TEXT], { threshold: 0 })
    expect(lenient?.unsure).toBe(false)
    expect(lenient?.confidence).toBe(strict?.confidence)
  })

  it('is less confident on a text of filler words than on a topical one', () => {
    const [ambiguous, topical] = classifier.predict([AMBIGUOUS_TEXT, INVOICE])
    expect(ambiguous?.confidence).toBeLessThan(topical?.confidence ?? 0)
    expect(ambiguous?.confidence).toBeLessThan(0.9)
  })

  it("uses the model's own threshold when none is given", () => {
    expect(classifier.metadata.threshold).toBe(0.6)
    for (const prediction of classifier.predict([INVOICE, RECIPE, AMBIGUOUS_TEXT, ''])) {
      expect(prediction.unsure).toBe(prediction.confidence < 0.6)
    }
  })

  it('lists the runners-up in descending confidence, below the top label', () => {
    for (const prediction of classifier.predict([INVOICE, AMBIGUOUS_TEXT, '发票 金额'])) {
      const all = [prediction.confidence, ...prediction.runnersUp.map((r) => r.confidence)]
      expect(prediction.runnersUp).toHaveLength(2)
      expect(all).toEqual([...all].sort((a, b) => b - a))
      expect(new Set([prediction.label, ...prediction.runnersUp.map((r) => r.label)])).toEqual(
        new Set(['astronomy', 'invoice', 'recipe']),
      )
      expect(all.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5)
      for (const confidence of all) {
        expect(confidence).toBeGreaterThanOrEqual(0)
        expect(confidence).toBeLessThanOrEqual(1)
      }
    }
  })

  it('gives the same answer for the same text in any batch', () => {
    const [alone] = classifier.predict([RECIPE])
    const inBatch = classifier.predict([INVOICE, RECIPE, ASTRONOMY])[1]
    expect(inBatch?.label).toBe(alone?.label)
    expect(inBatch?.confidence).toBeCloseTo(alone?.confidence ?? -1, 6)
  })
})
