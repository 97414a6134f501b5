/**
 * Class prototypes: the normalised mean TF-IDF vector of each class's documents, stored as a
 * [ngramBuckets, classes] table so that a document's cosine similarity to every class is one
 * sparse dot product. They need no training, are strong when a class has only a handful of
 * documents, and change at once when a document is added to a class.
 */
import type { EncodedDocuments } from './encoding'
import type { FeatureSpec } from './features'
import { SparseTable } from './sparse-table'

/** Sums of the documents' vectors per class, then each class column scaled to unit length. */
export function buildPrototypes(
  encoded: EncodedDocuments,
  rows: readonly number[],
  targets: readonly number[],
  classes: number,
  spec: FeatureSpec,
): SparseTable {
  const table = new SparseTable(spec.ngramBuckets, classes)
  for (const row of rows) addToPrototypes(table, encoded, row, targets[row] ?? 0, spec)
  normalizeColumns(table)
  return table
}

function addToPrototypes(
  table: SparseTable,
  encoded: EncodedDocuments,
  row: number,
  target: number,
  spec: FeatureSpec,
): void {
  const m = spec.maxWideFeatures
  for (let k = row * m; k < (row + 1) * m; k++) {
    const value = encoded.wideValues[k] ?? 0
    if (value === 0) continue
    const bucket = encoded.wideIndices[k] ?? 0
    const j = bucket * table.width + target
    table.values[j] = (table.values[j] ?? 0) + value
  }
}

function normalizeColumns(table: SparseTable): void {
  const norms = new Float64Array(table.width)
  for (let j = 0; j < table.values.length; j++) {
    const v = table.values[j] ?? 0
    norms[j % table.width] = (norms[j % table.width] ?? 0) + v * v
  }
  for (let j = 0; j < table.values.length; j++) {
    const norm = Math.sqrt(norms[j % table.width] ?? 0)
    if (norm > 0) table.values[j] = (table.values[j] ?? 0) / norm
  }
}

/** Cosine similarity of each document to each class: [count · classes], row-major. */
export function prototypeSimilarities(
  table: SparseTable,
  encoded: EncodedDocuments,
  spec: FeatureSpec,
): Float32Array {
  const classes = table.width
  const m = spec.maxWideFeatures
  const out = new Float32Array(encoded.count * classes)
  for (let row = 0; row < encoded.count; row++) {
    for (let k = row * m; k < (row + 1) * m; k++) {
      const value = encoded.wideValues[k] ?? 0
      if (value === 0) continue
      const base = (encoded.wideIndices[k] ?? 0) * classes
      for (let c = 0; c < classes; c++) {
        out[row * classes + c] =
          (out[row * classes + c] ?? 0) + value * (table.values[base + c] ?? 0)
      }
    }
  }
  return out
}
