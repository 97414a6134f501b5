/** Classification metrics from true and predicted class indices. */
import type { EvaluationMetrics } from '../../shared/types'

export function evaluate(
  actual: readonly number[],
  predicted: readonly number[],
  labels: readonly string[],
): EvaluationMetrics {
  const classes = labels.length
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0))
  let correct = 0
  actual.forEach((a, i) => {
    const p = predicted[i] ?? -1
    if (a === p) correct += 1
    const row = confusion[a]
    if (row && p >= 0) row[p] = (row[p] ?? 0) + 1
  })

  const perClass = labels.map((label, c) => {
    const tp = confusion[c]?.[c] ?? 0
    const support = (confusion[c] ?? []).reduce((s, v) => s + v, 0)
    const predictedCount = confusion.reduce((s, row) => s + (row[c] ?? 0), 0)
    const precision = predictedCount === 0 ? 0 : tp / predictedCount
    const recall = support === 0 ? 0 : tp / support
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
    return { label, precision, recall, f1, support }
  })
  // Macro averages run over the classes present in the evaluated documents.
  const present = perClass.filter((m) => m.support > 0)
  const mean = (pick: (m: (typeof perClass)[number]) => number): number =>
    present.length === 0 ? 0 : present.reduce((s, m) => s + pick(m), 0) / present.length

  return {
    accuracy: actual.length === 0 ? 0 : correct / actual.length,
    macroPrecision: mean((m) => m.precision),
    macroRecall: mean((m) => m.recall),
    macroF1: mean((m) => m.f1),
    perClass,
    confusion,
    labels: [...labels],
    documents: actual.length,
  }
}
