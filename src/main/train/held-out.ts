/** Scoring of held-out documents during and after training. Plain arrays out; no tensor leaks. */
import { negativeLogLikelihood } from '../classify/calibration'
import { batchInputs, disposeBatch, type EncodedDocuments } from '../classify/encoding'
import type { FeatureSpec } from '../classify/features'
import type { TextCnnNetwork } from '../classify/network'

export function networkLogits(
  network: TextCnnNetwork,
  encoded: EncodedDocuments,
  spec: FeatureSpec,
  classes: number,
): Float32Array {
  const logits = new Float32Array(encoded.count * classes)
  for (let start = 0; start < encoded.count; start += 64) {
    const rows = Array.from({ length: Math.min(64, encoded.count - start) }, (_, i) => start + i)
    const batch = batchInputs(encoded, rows, spec)
    try {
      logits.set(network.logits(batch), start * classes)
    } finally {
      disposeBatch(batch)
    }
  }
  return logits
}

export function validationScores(
  network: TextCnnNetwork,
  encoded: EncodedDocuments,
  rows: readonly number[],
  targets: readonly number[],
  spec: FeatureSpec,
  classes: number,
): { loss: number; accuracy: number } | null {
  if (rows.length === 0) return null
  const logits = new Float32Array(rows.length * classes)
  for (let start = 0; start < rows.length; start += 64) {
    const slice = rows.slice(start, start + 64)
    const batch = batchInputs(encoded, slice, spec)
    try {
      logits.set(network.logits(batch), start * classes)
    } finally {
      disposeBatch(batch)
    }
  }
  const truth = rows.map((r) => targets[r] ?? 0)
  const picks = argMaxRows(logits, classes)
  return {
    loss: negativeLogLikelihood(logits, truth, classes, 1),
    accuracy: truth.filter((t, i) => picks[i] === t).length / truth.length,
  }
}

export function argMaxRows(logits: Float32Array, classes: number): number[] {
  const picks: number[] = []
  for (let i = 0; i * classes < logits.length; i++) {
    let best = 0
    for (let c = 1; c < classes; c++) {
      if ((logits[i * classes + c] ?? 0) > (logits[i * classes + best] ?? 0)) best = c
    }
    picks.push(best)
  }
  return picks
}

export function subset(
  encoded: EncodedDocuments,
  rows: readonly number[],
  spec: FeatureSpec,
): EncodedDocuments {
  const out: EncodedDocuments = {
    count: rows.length,
    ids: new Int32Array(rows.length * spec.sequenceLength),
    wideIndices: new Int32Array(rows.length * spec.maxWideFeatures),
    wideValues: new Float32Array(rows.length * spec.maxWideFeatures),
  }
  rows.forEach((row, i) => {
    const t = spec.sequenceLength
    const m = spec.maxWideFeatures
    out.ids.set(encoded.ids.subarray(row * t, (row + 1) * t), i * t)
    out.wideIndices.set(encoded.wideIndices.subarray(row * m, (row + 1) * m), i * m)
    out.wideValues.set(encoded.wideValues.subarray(row * m, (row + 1) * m), i * m)
  })
  return out
}
