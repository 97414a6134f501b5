/**
 * Turns token lists into the two inputs of the network: a fixed-length sequence of hashed word
 * ids for the convolutional branch, and a sparse, L2-normalised TF-IDF vector of hashed word
 * uni- and bigrams for the wide branch. Pure JavaScript: no tensors are created here.
 */
import { hashBucket } from '../text/hashing'

export interface FeatureSpec {
  /** Size of the word-id space of the embedding table, a power of two; id 0 is padding. */
  tokenBuckets: number
  /** Tokens seen by the convolutions, from the start of the document. */
  sequenceLength: number
  /** Size of the hashed n-gram space of the wide branch, a power of two. */
  ngramBuckets: number
  /** Tokens of the document that feed the wide branch. */
  wideTokens: number
  /** Non-zero wide features kept per document, the largest by weight. */
  maxWideFeatures: number
}

export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

// Distinct seeds keep unigram and bigram buckets from colliding systematically.
const UNIGRAM_SEED = 0x9747b28c
const BIGRAM_SEED = 0x5bd1e995

export function sequenceIds(tokens: readonly string[], spec: FeatureSpec): Int32Array {
  const ids = new Int32Array(spec.sequenceLength)
  const length = Math.min(tokens.length, spec.sequenceLength)
  for (let i = 0; i < length; i++) ids[i] = hashBucket(tokens[i] ?? '', spec.tokenBuckets)
  return ids
}

export function unigramBucket(token: string, spec: FeatureSpec): number {
  return hashBucket(token, spec.ngramBuckets, UNIGRAM_SEED)
}

/** Term counts of hashed uni- and bigrams over the first `wideTokens` tokens. */
export function ngramCounts(tokens: readonly string[], spec: FeatureSpec): Map<number, number> {
  const counts = new Map<number, number>()
  const length = Math.min(tokens.length, spec.wideTokens)
  const add = (bucket: number): void => {
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1)
  }
  for (let i = 0; i < length; i++) {
    const token = tokens[i] ?? ''
    add(unigramBucket(token, spec))
    if (i > 0) add(hashBucket(`${tokens[i - 1] ?? ''} ${token}`, spec.ngramBuckets, BIGRAM_SEED))
  }
  return counts
}

/** Smoothed inverse document frequency per bucket, fitted on the training documents. */
export function fitIdf(documents: readonly Map<number, number>[], buckets: number): Float32Array {
  const documentFrequency = new Uint32Array(buckets)
  for (const counts of documents) {
    for (const bucket of counts.keys())
      documentFrequency[bucket] = (documentFrequency[bucket] ?? 0) + 1
  }
  const n = documents.length
  const idf = new Float32Array(buckets)
  for (let b = 0; b < buckets; b++) {
    idf[b] = Math.log((1 + n) / (1 + (documentFrequency[b] ?? 0))) + 1
  }
  return idf
}

/** Sublinear TF-IDF (1 + ln tf), L2-normalised, truncated to the strongest features. */
export function tfidfVector(
  counts: Map<number, number>,
  idf: Float32Array,
  maxFeatures: number,
): SparseVector {
  const entries: [number, number][] = []
  for (const [bucket, count] of counts) {
    entries.push([bucket, (1 + Math.log(count)) * (idf[bucket] ?? 0)])
  }
  if (entries.length > maxFeatures) {
    entries.sort((a, b) => b[1] - a[1])
    entries.length = maxFeatures
  }

  let norm = 0
  for (const [, value] of entries) norm += value * value
  norm = Math.sqrt(norm) || 1
  const indices = new Int32Array(maxFeatures)
  const values = new Float32Array(maxFeatures)
  entries.forEach(([bucket, value], i) => {
    indices[i] = bucket
    values[i] = value / norm
  })
  return { indices, values }
}
