import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../src/main/classify/backend'
import { batchInputs, disposeBatch, encodeTexts } from '../../../src/main/classify/encoding'
import { TextCnnNetwork, type NetworkShape } from '../../../src/main/classify/network'
import { SMALL_ARCHITECTURE, SMALL_FEATURES } from './support'

const SHAPE: NetworkShape = {
  ...SMALL_FEATURES,
  classes: 3,
  architecture: { ...SMALL_ARCHITECTURE, dropout: 0.5, wideDropout: 0.1 },
}

function logitsOf(network: TextCnnNetwork, texts: string[]): Float32Array {
  const idf = new Float32Array(SHAPE.ngramBuckets).fill(1)
  const encoded = encodeTexts(texts, SMALL_FEATURES, idf)
  const batch = batchInputs(
    encoded,
    texts.map((_, i) => i),
    SMALL_FEATURES,
  )
  try {
    return network.logits(batch)
  } finally {
    disposeBatch(batch)
  }
}

beforeAll(async () => {
  await initBackend()
})

describe('TextCnnNetwork', () => {
  it('gives logits of [documents · classes] and leaves no tensor behind', () => {
    const network = TextCnnNetwork.create(SHAPE, 5)
    try {
      const before = tf.memory().numTensors
      const logits = logitsOf(network, ['pay the invoice', 'bake a cake'])
      expect(logits).toHaveLength(6)
      for (const value of logits) expect(Number.isFinite(value)).toBe(true)
      expect(tf.memory().numTensors).toBe(before)
    } finally {
      network.dispose()
    }
  })

  it('starts from the same weights when created with the same seed', () => {
    const a = TextCnnNetwork.create(SHAPE, 9)
    const b = TextCnnNetwork.create(SHAPE, 9)
    try {
      expect(Array.from(logitsOf(b, ['the same text']))).toEqual(
        Array.from(logitsOf(a, ['the same text'])),
      )
    } finally {
      a.dispose()
      b.dispose()
    }
  })

  it('restores earlier outputs when given back its earlier weights', async () => {
    const network = TextCnnNetwork.create(SHAPE, 1)
    const other = TextCnnNetwork.create(SHAPE, 2)
    try {
      const texts = ['invoice due', 'comet orbit']
      const saved = await network.weights()
      const original = logitsOf(network, texts)
      network.assign(await other.weights())
      expect(Array.from(logitsOf(network, texts))).toEqual(Array.from(logitsOf(other, texts)))
      network.assign(saved)
      expect(Array.from(logitsOf(network, texts))).toEqual(Array.from(original))
    } finally {
      network.dispose()
      other.dispose()
    }
  })

  it('frees its variables when disposed', () => {
    const before = tf.memory().numTensors
    const network = TextCnnNetwork.create(SHAPE, 3)
    expect(tf.memory().numTensors).toBeGreaterThan(before)
    network.dispose()
    expect(tf.memory().numTensors).toBe(before)
  })
})
