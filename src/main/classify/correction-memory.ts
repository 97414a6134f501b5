/**
 * The fast path for corrections: documents the user re-labelled since the model was trained,
 * kept as L2-normalised TF-IDF vectors. A document close to one of them (cosine above
 * MEMORY_FLOOR, as a near-duplicate or a new version of the same form is) has that label's logit
 * pulled towards the row's best logit plus a margin, in proportion to the closeness: the same
 * document gets the corrected label however confident the model was, the next similar file is
 * classified right without retraining, and a dissimilar document is not affected at all. A full
 * retrain folds the corrections into the model and starts a new, empty memory.
 */
import type { EncodedDocuments } from './encoding'
import type { FeatureSpec } from './features'

// Cosine similarity of TF-IDF vectors: unrelated documents score below 0.2 and different
// documents of one kind 0.2 to 0.5; the same form with other values scores above 0.6.
const MEMORY_FLOOR = 0.5
/**
 * How far above the row's best logit a corrected label lands at cosine 1, in units of the
 * model's temperature: e^6 ≈ 400 to 1. A near-duplicate at cosine 0.9 still wins over a model
 * whose logits are 20 units apart.
 */
const MEMORY_MARGIN = 6

interface Memory {
  label: number
  vector: Map<number, number>
}

export class CorrectionMemory {
  private readonly memories: Memory[] = []

  get size(): number {
    return this.memories.length
  }

  /** Remembers row `row` of `encoded` as an example of class `label`. */
  add(encoded: EncodedDocuments, row: number, label: number, spec: FeatureSpec): void {
    this.memories.push({ label, vector: sparseRow(encoded, row, spec) })
  }

  /**
   * Raises `logits` [count · classes] in place: per class, the strength s (the best similarity
   * above the floor, rescaled to [0, 1]) moves the logit s of the way to the row's best plus the
   * margin.
   */
  boost(
    logits: Float32Array,
    encoded: EncodedDocuments,
    classes: number,
    spec: FeatureSpec,
    temperature: number,
  ): void {
    if (this.memories.length === 0) return
    for (let row = 0; row < encoded.count; row++) {
      const best = new Float32Array(classes)
      const m = spec.maxWideFeatures
      for (const memory of this.memories) {
        let similarity = 0
        for (let k = row * m; k < (row + 1) * m; k++) {
          const value = encoded.wideValues[k] ?? 0
          if (value !== 0)
            similarity += value * (memory.vector.get(encoded.wideIndices[k] ?? 0) ?? 0)
        }
        best[memory.label] = Math.max(best[memory.label] ?? 0, similarity)
      }
      let top = Number.NEGATIVE_INFINITY
      for (let c = 0; c < classes; c++) top = Math.max(top, logits[row * classes + c] ?? 0)
      for (let c = 0; c < classes; c++) {
        const strength = Math.max(0, ((best[c] ?? 0) - MEMORY_FLOOR) / (1 - MEMORY_FLOOR))
        if (strength === 0) continue
        const logit = logits[row * classes + c] ?? 0
        logits[row * classes + c] = logit + strength * (top - logit + MEMORY_MARGIN * temperature)
      }
    }
  }
}

function sparseRow(encoded: EncodedDocuments, row: number, spec: FeatureSpec): Map<number, number> {
  const vector = new Map<number, number>()
  const m = spec.maxWideFeatures
  for (let k = row * m; k < (row + 1) * m; k++) {
    const value = encoded.wideValues[k] ?? 0
    if (value !== 0) vector.set(encoded.wideIndices[k] ?? 0, value)
  }
  return vector
}
