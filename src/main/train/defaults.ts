/**
 * Default feature and network sizes. Chosen for a two-core machine on the wasm backend: 400
 * tokens cover the first page or two of a document, where the kind of document shows; 2^16
 * embedding rows and 2^18 n-gram buckets keep hash collisions rare for a personal library while
 * the whole model stays around 30 MB.
 */
import type { FeatureSpec } from '../classify/features'
import type { Architecture } from '../classify/network'

export const DEFAULT_FEATURES: FeatureSpec = {
  tokenBuckets: 1 << 16,
  sequenceLength: 400,
  ngramBuckets: 1 << 18,
  wideTokens: 3000,
  maxWideFeatures: 768,
}

export const DEFAULT_ARCHITECTURE: Architecture = {
  embeddingDim: 64,
  widths: [3, 4, 5],
  filters: 96,
  dropout: 0.5,
  wideDropout: 0.1,
}

/** Confidence below which a prediction is left for review. */
export const DEFAULT_THRESHOLD = 0.6
