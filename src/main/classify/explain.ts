/**
 * Why a document got its label, in words a person can check: the document's words whose TF-IDF
 * weight meets the largest margin between the label's prototype and the strongest other class.
 * It reads the prototype layer only; the convolutional branch has no per-word attribution here.
 */
import type { TextClassifier } from './classifier'
import { tokensFor } from './encoding'
import { unigramBucket } from './features'

// A word counts if it has a letter and two characters or more: digit runs are folded to zeros
// and single letters carry little meaning a person could check.
const WORDY = /\p{L}.|.\p{L}/u

export function topTerms(
  classifier: TextClassifier,
  text: string,
  label: string,
  count = 6,
): string[] {
  const target = classifier.labels.indexOf(label)
  if (target < 0) return []
  const spec = classifier.spec
  const counts = new Map<string, number>()
  for (const token of tokensFor(text, spec).slice(0, spec.wideTokens)) {
    if (WORDY.test(token)) counts.set(token, (counts.get(token) ?? 0) + 1)
  }

  const classes = classifier.prototypes.width
  const values = classifier.prototypes.values
  const scored: { token: string; score: number }[] = []
  for (const [token, n] of counts) {
    const bucket = unigramBucket(token, spec)
    let other = 0
    for (let c = 0; c < classes; c++) {
      if (c !== target) other = Math.max(other, values[bucket * classes + c] ?? 0)
    }
    const margin = (values[bucket * classes + target] ?? 0) - other
    if (margin <= 0) continue
    scored.push({ token, score: (1 + Math.log(n)) * (classifier.idf[bucket] ?? 0) * margin })
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((s) => s.token)
}
