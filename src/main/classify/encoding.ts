/**
 * Encodes documents into the flat typed arrays that batches are sliced from, and slices them
 * into tensors. Encoding is the tokenizer-bound part of both training and prediction.
 */
import * as tf from '@tensorflow/tfjs'
import { tokenize } from '../text/tokenizer'
import { ngramCounts, sequenceIds, tfidfVector, type FeatureSpec } from './features'
import type { BatchInputs } from './network'

export interface EncodedDocuments {
  count: number
  /** [count · sequenceLength] word ids. */
  ids: Int32Array
  /** [count · maxWideFeatures] n-gram buckets. */
  wideIndices: Int32Array
  /** [count · maxWideFeatures] TF-IDF weights. */
  wideValues: Float32Array
}

export function tokensFor(text: string, spec: FeatureSpec): string[] {
  return tokenize(text, { maxTokens: Math.max(spec.sequenceLength, spec.wideTokens) })
}

export function encodeTokenized(
  documents: readonly string[][],
  spec: FeatureSpec,
  idf: Float32Array,
): EncodedDocuments {
  const count = documents.length
  const encoded: EncodedDocuments = {
    count,
    ids: new Int32Array(count * spec.sequenceLength),
    wideIndices: new Int32Array(count * spec.maxWideFeatures),
    wideValues: new Float32Array(count * spec.maxWideFeatures),
  }
  documents.forEach((tokens, i) => {
    encoded.ids.set(sequenceIds(tokens, spec), i * spec.sequenceLength)
    const sparse = tfidfVector(
      ngramCounts(tokens, spec),
      idf,
      spec.maxWideFeatures,
      spec.bigramWeight,
    )
    encoded.wideIndices.set(sparse.indices, i * spec.maxWideFeatures)
    encoded.wideValues.set(sparse.values, i * spec.maxWideFeatures)
  })
  return encoded
}

export function encodeTexts(
  texts: readonly string[],
  spec: FeatureSpec,
  idf: Float32Array,
): EncodedDocuments {
  return encodeTokenized(
    texts.map((text) => tokensFor(text, spec)),
    spec,
    idf,
  )
}

/** The documents at `rows` of `encoded` as one batch. The caller disposes it. */
export function batchInputs(
  encoded: EncodedDocuments,
  rows: readonly number[],
  spec: FeatureSpec,
): BatchInputs {
  const size = rows.length
  const t = spec.sequenceLength
  const m = spec.maxWideFeatures
  const ids = new Int32Array(size * t)
  const wideIndices = new Int32Array(size * m)
  const wideValues = new Float32Array(size * m)
  rows.forEach((row, i) => {
    ids.set(encoded.ids.subarray(row * t, (row + 1) * t), i * t)
    wideIndices.set(encoded.wideIndices.subarray(row * m, (row + 1) * m), i * m)
    wideValues.set(encoded.wideValues.subarray(row * m, (row + 1) * m), i * m)
  })
  return { size, ids, wideIndices, wideValues: tf.tensor2d(wideValues, [size, m]) }
}

export function disposeBatch(batch: BatchInputs): void {
  batch.wideValues.dispose()
}
