/**
 * Turns token lists into the two inputs of the network: a fixed-length sequence of hashed word
 * ids for the convolutional branch, and a sparse TF-IDF vector of hashed word uni- and bigrams
 * for the wide branch. Pure JavaScript: no tensors are created here.
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
  /**
   * Length of the bigram part of a wide vector, whose unigram part has length 1. Bigrams are
   * many and rarely shared between a handful of documents: at full weight they dilute the
   * unigrams that few-shot classes rest on.
   */
  bigramWeight: number
  /**
   * Length of the part for the document's traits (its format, page count, orientation, form
   * fields, the program that made it): a handful of features that tell a slide deck or a form
   * from a paper when the words alone do not.
   */
  traitWeight: number
}

/** Hashed term counts of one document, unigrams, bigrams and traits apart. */
export interface NgramCounts {
  unigrams: Map<number, number>
  bigrams: Map<number, number>
  traits: Map<number, number>
}

export interface SparseVector {
  indices: Int32Array
  values: Float32Array
}

// Distinct seeds keep unigram and bigram buckets from colliding systematically.
const UNIGRAM_SEED = 0x9747b28c
const BIGRAM_SEED = 0x5bd1e995
const TRAIT_SEED = 0x1b873593

export function sequenceIds(tokens: readonly string[], spec: FeatureSpec): Int32Array {
  const ids = new Int32Array(spec.sequenceLength)
  const length = Math.min(tokens.length, spec.sequenceLength)
  for (let i = 0; i < length; i++) ids[i] = hashBucket(tokens[i] ?? '', spec.tokenBuckets)
  return ids
}

export function unigramBucket(token: string, spec: FeatureSpec): number {
  return hashBucket(token, spec.ngramBuckets, UNIGRAM_SEED)
}

/**
 * Term counts of hashed uni- and bigrams over the first `wideTokens` tokens, and of the
 * document's traits.
 */
export function ngramCounts(
  tokens: readonly string[],
  spec: FeatureSpec,
  traits: readonly string[] = [],
): NgramCounts {
  const counts: NgramCounts = { unigrams: new Map(), bigrams: new Map(), traits: new Map() }
  for (const trait of traits) counts.traits.set(hashBucket(trait, spec.ngramBuckets, TRAIT_SEED), 1)
  const add = (map: Map<number, number>, bucket: number): void => {
    map.set(bucket, (map.get(bucket) ?? 0) + 1)
  }
  const length = Math.min(tokens.length, spec.wideTokens)
  for (let i = 0; i < length; i++) {
    const token = tokens[i] ?? ''
    add(counts.unigrams, unigramBucket(token, spec))
    if (i > 0) {
      const bigram = `${tokens[i - 1] ?? ''} ${token}`
      add(counts.bigrams, hashBucket(bigram, spec.ngramBuckets, BIGRAM_SEED))
    }
  }
  return counts
}

/** Smoothed inverse document frequency per bucket, fitted on the training documents. */
export function fitIdf(documents: readonly NgramCounts[], buckets: number): Float32Array {
  const documentFrequency = new Uint32Array(buckets)
  for (const counts of documents) {
    // A bucket holding both a unigram and a bigram of one document counts once.
    const seen = new Set([
      ...counts.unigrams.keys(),
      ...counts.bigrams.keys(),
      ...counts.traits.keys(),
    ])
    for (const bucket of seen) documentFrequency[bucket] = (documentFrequency[bucket] ?? 0) + 1
  }
  const n = documents.length
  const idf = new Float32Array(buckets)
  for (let b = 0; b < buckets; b++) {
    idf[b] = Math.log((1 + n) / (1 + (documentFrequency[b] ?? 0))) + 1
  }
  return idf
}

/**
 * Sublinear TF-IDF (1 + ln tf): the unigram part scaled to length 1, the bigram part to
 * `bigramWeight`, and the traits, weighted by how few documents share them, to `traitWeight`;
 * summed, then truncated to the `maxFeatures` strongest features.
 */
export function tfidfVector(
  counts: NgramCounts,
  idf: Float32Array,
  maxFeatures: number,
  weights: Pick<FeatureSpec, 'bigramWeight' | 'traitWeight'>,
): SparseVector {
  const summed = new Map<number, number>()
  addScaled(summed, counts.unigrams, idf, 1, tfidf)
  addScaled(summed, counts.bigrams, idf, weights.bigramWeight, tfidf)
  addScaled(summed, counts.traits, idf, weights.traitWeight, informativeness)
  const entries = [...summed].filter(([, value]) => value > 0)
  if (entries.length > maxFeatures) {
    entries.sort((a, b) => b[1] - a[1])
    entries.length = maxFeatures
  }
  const indices = new Int32Array(maxFeatures)
  const values = new Float32Array(maxFeatures)
  entries.forEach(([bucket, value], i) => {
    indices[i] = bucket
    values[i] = value
  })
  return { indices, values }
}

/** Sublinear TF-IDF of a word or bigram. */
const tfidf = (count: number, idf: number): number => (1 + Math.log(count)) * idf

/**
 * A trait's weight: ln((1 + n) / (1 + df)), the IDF without its smoothing 1, so that a trait every
 * training document shares (all of them plain text, say) weighs nothing. With only a handful of
 * traits per document, such a trait would otherwise take most of the part's length and, summed
 * over a class, most of its prototype.
 */
const informativeness = (_count: number, idf: number): number => Math.max(0, idf - 1)

/** Adds the vector of `counts` weighted by `weight`, scaled to length `length`, into `into`. */
function addScaled(
  into: Map<number, number>,
  counts: Map<number, number>,
  idf: Float32Array,
  length: number,
  weight: (count: number, idf: number) => number,
): void {
  if (length === 0) return
  const raw: [number, number][] = []
  let norm = 0
  for (const [bucket, count] of counts) {
    const value = weight(count, idf[bucket] ?? 0)
    raw.push([bucket, value])
    norm += value * value
  }
  norm = Math.sqrt(norm)
  if (norm === 0) return
  for (const [bucket, value] of raw) {
    into.set(bucket, (into.get(bucket) ?? 0) + (value / norm) * length)
  }
}
