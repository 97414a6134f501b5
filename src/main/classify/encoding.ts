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

/** A document to classify: its text alone, or its text and traits (see DocumentTraits). */
export type ClassifierInput = string | { text: string; traits?: readonly string[] }

export function textOf(input: ClassifierInput): string {
  return typeof input === 'string' ? input : input.text
}

export function traitsOf(input: ClassifierInput): readonly string[] {
  return typeof input === 'string' ? [] : (input.traits ?? [])
}

export function tokensFor(text: string, spec: FeatureSpec): string[] {
  return tokenize(text, { maxTokens: Math.max(spec.sequenceLength, spec.wideTokens) })
}

/** `traits[i]` belongs to `documents[i]`; missing entries mean no traits. */
export function encodeTokenized(
  documents: readonly string[][],
  spec: FeatureSpec,
  idf: Float32Array,
  traits: readonly (readonly string[])[] = [],
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
    const counts = ngramCounts(tokens, spec, traits[i])
    const sparse = tfidfVector(counts, idf, spec.maxWideFeatures, spec)
    encoded.wideIndices.set(sparse.indices, i * spec.maxWideFeatures)
    encoded.wideValues.set(sparse.values, i * spec.maxWideFeatures)
  })
  return encoded
}

export function encodeTexts(
  inputs: readonly ClassifierInput[],
  spec: FeatureSpec,
  idf: Float32Array,
): EncodedDocuments {
  return encodeTokenized(
    inputs.map((input) => tokensFor(textOf(input), spec)),
    spec,
    idf,
    inputs.map(traitsOf),
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
