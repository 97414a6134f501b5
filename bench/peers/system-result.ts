import { AppError } from '../../src/shared/errors'

/** What every system in the classification benchmark reports for one dataset. */
export interface SystemResult {
  accuracy: number
  macroF1: number
  trainSeconds: number
  docsPerSecond: number
  peakRssMb: number
  /** Test documents the system scored; Docsort leaves out files it cannot read. */
  documents: number
  /** Expected calibration error; only Docsort outputs probabilities it claims are calibrated. */
  ece?: number
}

export type SystemOutcome = { ok: true; result: SystemResult } | { ok: false; reason: string }

/**
 * Accepts a peer's or Docsort's JSON (stdout holds only that object) only when every metric is a
 * finite number.
 */
export function parseSystemResult(stdout: string, source: string): SystemResult {
  const raw = JSON.parse(stdout) as Record<string, unknown>
  const number = (key: string): number => {
    const value = raw[key]
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new AppError(
        'input/invalid',
        `${source} printed no number for ${key}: got ${JSON.stringify(value)}`,
      )
    }
    return value
  }
  const result: SystemResult = {
    accuracy: number('accuracy'),
    macroF1: number('macroF1'),
    trainSeconds: number('trainSeconds'),
    docsPerSecond: number('docsPerSecond'),
    peakRssMb: number('peakRssMb'),
    documents: number('documents'),
  }
  if (raw.ece !== undefined) result.ece = number('ece')
  return result
}
