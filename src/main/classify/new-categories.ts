/**
 * Categories created after the model was trained, known only by their examples until the next
 * retrain gives them a place in the network. Each is the L2-normalised sum of its examples'
 * TF-IDF vectors: a prototype like those of the trained categories. A document's logit for a new
 * category is the mean of its logits for the trained ones plus the prototype weight times its
 * cosine similarity to the new prototype, so a document clearly closer to it than to the others
 * is suggested there. Near-duplicates of an example are handled by the correction memory.
 */
import type { EncodedDocuments } from './encoding'
import type { FeatureSpec } from './features'

export class NewCategories {
  private readonly sums = new Map<string, Map<number, number>>()

  get labels(): string[] {
    return [...this.sums.keys()]
  }

  add(encoded: EncodedDocuments, row: number, label: string, spec: FeatureSpec): void {
    const sum = this.sums.get(label) ?? new Map<number, number>()
    const m = spec.maxWideFeatures
    for (let k = row * m; k < (row + 1) * m; k++) {
      const value = encoded.wideValues[k] ?? 0
      if (value === 0) continue
      const bucket = encoded.wideIndices[k] ?? 0
      sum.set(bucket, (sum.get(bucket) ?? 0) + value)
    }
    this.sums.set(label, sum)
  }

  /**
   * `logits` [count · classes] widened to [count · (classes + new categories)], the trained
   * categories' columns unchanged.
   */
  extend(
    logits: Float32Array,
    encoded: EncodedDocuments,
    classes: number,
    spec: FeatureSpec,
    prototypeWeight: number,
  ): Float32Array {
    if (this.sums.size === 0) return logits
    const prototypes = [...this.sums.values()].map(normalized)
    const width = classes + prototypes.length
    const out = new Float32Array(encoded.count * width)
    const m = spec.maxWideFeatures
    for (let row = 0; row < encoded.count; row++) {
      let mean = 0
      for (let c = 0; c < classes; c++) {
        const value = logits[row * classes + c] ?? 0
        out[row * width + c] = value
        mean += value / classes
      }
      prototypes.forEach((prototype, p) => {
        let cosine = 0
        for (let k = row * m; k < (row + 1) * m; k++) {
          const value = encoded.wideValues[k] ?? 0
          if (value !== 0) cosine += value * (prototype.get(encoded.wideIndices[k] ?? 0) ?? 0)
        }
        out[row * width + classes + p] = mean + prototypeWeight * cosine
      })
    }
    return out
  }
}

function normalized(sum: Map<number, number>): Map<number, number> {
  let norm = 0
  for (const value of sum.values()) norm += value * value
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0
  return new Map([...sum].map(([bucket, value]) => [bucket, value * scale]))
}
