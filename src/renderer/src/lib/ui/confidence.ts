export type ConfidenceTone = 'high' | 'medium' | 'low'

/**
 * The colour band of a confidence. 85 % and 60 % match what a reviewer can take on trust versus
 * what needs a look; they are display bands, not the model's own unsure threshold.
 */
export function confidenceTone(confidence: number): ConfidenceTone {
  if (confidence >= 0.85) return 'high'
  if (confidence >= 0.6) return 'medium'
  return 'low'
}
