import { describe, expect, it } from 'vitest'
import type { TrainingProgress } from '../../../src/shared/types'
import { trainingFraction } from '../../../src/renderer/src/features/model/training-fraction'

function progress(part: Partial<TrainingProgress>): TrainingProgress {
  return {
    phase: 'training',
    epoch: 1,
    epochs: 10,
    batch: 0,
    batches: 20,
    loss: null,
    accuracy: null,
    valLoss: null,
    valAccuracy: null,
    ...part,
  }
}

describe('trainingFraction', () => {
  it('is zero before anything happened', () => {
    expect(trainingFraction(null)).toBe(0)
    expect(trainingFraction(progress({ phase: 'preparing' }))).toBe(0)
  })

  it('spreads the epochs and their batches over the middle of the bar', () => {
    expect(trainingFraction(progress({ epoch: 1, batch: 0 }))).toBeCloseTo(0.05)
    expect(trainingFraction(progress({ epoch: 1, batch: 10 }))).toBeCloseTo(0.05 + 0.9 * 0.05)
    expect(trainingFraction(progress({ epoch: 6, batch: 0 }))).toBeCloseTo(0.05 + 0.9 * 0.5)
    expect(trainingFraction(progress({ epoch: 10, batch: 20 }))).toBeCloseTo(0.95)
  })

  it('never runs backwards into the later phases', () => {
    const phases: TrainingProgress['phase'][] = ['training', 'evaluating', 'saving', 'done']
    const values = phases.map((phase) =>
      trainingFraction(progress({ phase, epoch: 10, batch: 20 })),
    )
    expect([...values].sort((a, b) => a - b)).toEqual(values)
    expect(values[3]).toBe(1)
  })
})
