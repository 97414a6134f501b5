/**
 * Encodes documents into the flat typed arrays that batches are sliced from, and slices them
 * into tensors. Encoding is the tokenizer-bound part of both training and prediction.
 */
import * as tf from '@tensorflow/tfjs'
import { tokenize } from '../text/tokenizer'
import { ngramCounts, sequenceIds, tfidfVector, type FeatureSpec } from './features'
import type { BatchTensors } from './network'

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
    const sparse = tfidfVector(ngramCounts(tokens, spec), idf, spec.maxWideFeatures)
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

/** Tensors for the documents at `rows` of `encoded`. The caller disposes the result. */
export function batchTensors(
  encoded: EncodedDocuments,
  rows: readonly number[],
  spec: FeatureSpec,
): BatchTensors {
  const size = rows.length
  const ids = new Int32Array(size * spec.sequenceLength)
  const wideIndices = new Int32Array(size * spec.maxWideFeatures)
  const wideValues = new Float32Array(size * spec.maxWideFeatures)
  rows.forEach((row, i) => {
    ids.set(
      encoded.ids.subarray(row * spec.sequenceLength, (row + 1) * spec.sequenceLength),
      i * spec.sequenceLength,
    )
    const from = row * spec.maxWideFeatures
    const to = from + spec.maxWideFeatures
    wideIndices.set(encoded.wideIndices.subarray(from, to), i * spec.maxWideFeatures)
    wideValues.set(encoded.wideValues.subarray(from, to), i * spec.maxWideFeatures)
  })
  return {
    size,
    ids: tf.tensor1d(ids, 'int32'),
    wideIndices: tf.tensor1d(wideIndices, 'int32'),
    wideValues: tf.tensor2d(wideValues, [size, spec.maxWideFeatures]),
  }
}

export function disposeBatch(batch: BatchTensors): void {
  batch.ids.dispose()
  batch.wideIndices.dispose()
  batch.wideValues.dispose()
}
