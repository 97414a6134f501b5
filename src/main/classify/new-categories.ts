/**
 * Categories created after the model was trained, known only by their examples until the next
 * retrain gives them a place in the network. Each is the L2-normalised sum of its examples'
 * TF-IDF vectors: a prototype like those of the trained categories. A new category competes by
 * prototypes alone: its logit is the document's best logit plus the prototype weight times how
 * much closer the document is to the new prototype (its cosine scaled, see below) than to the
 * nearest trained one. So it wins when the document is nearer to it than to every trained
 * prototype, and the network's own confidence about the trained classes is left alone otherwise.
 * Near-duplicates of an example are handled by the correction memory.
 */
import type { EncodedDocuments } from './encoding'
import type { FeatureSpec } from './features'

/**
 * A prototype of a few examples meets a document at a lower cosine than one averaged over
 * hundreds, which shares more of any in-class document's vocabulary; scaling the new prototype's
 * cosine puts the two on one scale. Measured with `npm run bench -- correction` (five 20
 * Newsgroups classes, a sixth from three examples), with bigrams at half the unigrams' length:
 * at 2 the sixth was suggested for 88 % of its posts while the five classes lost 0.4 points of
 * accuracy; at 3 it took half of the five classes' posts too.
 */
const FEW_EXAMPLES_SCALE = 2

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
   * categories' columns unchanged; `similarities` [count · classes] are the documents' cosines to
   * the trained prototypes.
   */
  extend(
    logits: Float32Array,
    similarities: Float32Array,
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
      let best = Number.NEGATIVE_INFINITY
      let nearest = 0
      for (let c = 0; c < classes; c++) {
        const value = logits[row * classes + c] ?? 0
        out[row * width + c] = value
        best = Math.max(best, value)
        nearest = Math.max(nearest, similarities[row * classes + c] ?? 0)
      }
      prototypes.forEach((prototype, p) => {
        let cosine = 0
        for (let k = row * m; k < (row + 1) * m; k++) {
          const value = encoded.wideValues[k] ?? 0
          if (value !== 0) cosine += value * (prototype.get(encoded.wideIndices[k] ?? 0) ?? 0)
        }
        out[row * width + classes + p] =
          best + prototypeWeight * (FEW_EXAMPLES_SCALE * cosine - nearest)
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
