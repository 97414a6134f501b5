import { describe, expect, it } from 'vitest'
import type { TrainingProgress } from '../../../src/shared/types'
import {
  advanceFraction,
  trainingFraction,
} from '../../../src/renderer/src/features/model/training-fraction'

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

  it('puts an evaluation at the end of its epoch when more epochs follow', () => {
    const evaluated = trainingFraction(progress({ phase: 'evaluating', epoch: 3, batch: 20 }))

    expect(evaluated).toBeCloseTo(0.05 + 0.9 * 0.3)
    expect(evaluated).toBeCloseTo(trainingFraction(progress({ epoch: 3, batch: 20 })))
    expect(evaluated).toBeCloseTo(trainingFraction(progress({ epoch: 4, batch: 0 })))
  })

  it('only moves forward through epochs that each end in an evaluation', () => {
    // given three epochs of two batches, each followed by the trainer's evaluation
    const events = [1, 2, 3].flatMap((epoch) => [
      progress({ epoch, epochs: 3, batch: 1, batches: 2 }),
      progress({ epoch, epochs: 3, batch: 2, batches: 2 }),
      progress({ phase: 'evaluating', epoch, epochs: 3, batch: 2, batches: 2 }),
    ])

    // when each is turned into the bar's value
    const values = events.map(trainingFraction)

    // then no value is below the one before it, and the last epoch ends the training span
    values.slice(1).forEach((value, i) => expect(value).toBeGreaterThanOrEqual(values[i] ?? 0))
    expect(values.at(-1)).toBeCloseTo(0.95)
  })
})

describe('advanceFraction', () => {
  it('keeps the bar full when saving is reported after done', () => {
    const done = advanceFraction(0.95, progress({ phase: 'done', epoch: 4, epochs: 4 }))

    expect(done).toBe(1)
    expect(advanceFraction(done, progress({ phase: 'saving', epoch: 4, epochs: 4 }))).toBe(1)
  })

  it('follows a run that stops early from its last epoch to done', () => {
    const evaluated = advanceFraction(0, progress({ phase: 'evaluating', epoch: 8, epochs: 30 }))

    expect(evaluated).toBeCloseTo(0.05 + 0.9 * (8 / 30))
    expect(advanceFraction(evaluated, progress({ phase: 'done', epoch: 8, epochs: 8 }))).toBe(1)
  })

  it('starts again from zero when a new run is preparing', () => {
    expect(advanceFraction(1, progress({ phase: 'preparing', epochs: 0 }))).toBe(0)
  })
})
