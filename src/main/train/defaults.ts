/**
 * Default feature and network sizes. Chosen for a two-core machine on the wasm backend: 400
 * tokens cover the first page or two of a document, where the kind of document shows. The
 * embedding and n-gram tables are updated densely every step, so their size sets the cost of a
 * step on a small library: 2^15 × 48 and 2^17 buckets keep that near 0.1 s on wasm.
 */
import type { FeatureSpec } from '../classify/features'
import type { Architecture } from '../classify/network'

export const DEFAULT_FEATURES: FeatureSpec = {
  tokenBuckets: 1 << 15,
  sequenceLength: 400,
  ngramBuckets: 1 << 17,
  wideTokens: 3000,
  maxWideFeatures: 768,
}

export const DEFAULT_ARCHITECTURE: Architecture = {
  embeddingDim: 48,
  widths: [3, 4, 5],
  filters: 96,
  dropout: 0.5,
  wideDropout: 0.1,
}

/** Confidence below which a prediction is left for review. */
export const DEFAULT_THRESHOLD = 0.6

/**
 * Weight of the prototype similarities when too few held-out documents exist to fit it: cosine
 * similarities differ by about 0.1 to 0.3 between classes, so 10 makes them count as much as a
 * confident network.
 */
export const DEFAULT_PROTOTYPE_WEIGHT = 10
