import { describe, expect, it } from 'vitest'
import {
  expectedCalibrationError,
  fitTemperature,
  negativeLogLikelihood,
  softmaxRow,
} from '../../../src/main/classify/calibration'
import { seededRandom } from '../../../src/main/train/random'

describe('softmaxRow', () => {
  it('sums to one and keeps the order of the logits', () => {
    const probs = softmaxRow([2, 0, -1], 1)
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
    expect(probs[0]).toBeGreaterThan(probs[1] ?? 1)
    expect(probs[1]).toBeGreaterThan(probs[2] ?? 1)
    expect(probs[0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 1 + Math.exp(-1)), 12)
  })

  it('flattens the distribution when the temperature is above one', () => {
    const sharp = softmaxRow([3, 0], 1)
    const soft = softmaxRow([3, 0], 4)
    expect(soft[0]).toBeLessThan(sharp[0] ?? 0)
    expect(soft[0]).toBeGreaterThan(0.5)
  })

  it('stays finite when given huge logits', () => {
    const probs = softmaxRow(new Float32Array([1e30, 0]), 1)
    expect(probs).toEqual([1, 0])
  })
})

describe('fitTemperature', () => {
  it('returns 1 when fewer than the minimum held-out documents exist', () => {
    expect(fitTemperature(new Float32Array([5, 0]), [1], 2)).toBe(1)
  })

  it('raises the temperature for an over-confident model', () => {
    // Logits of ±6 (99.8 % sure) that are right only 70 % of the time.
    const random = seededRandom(3)
    const targets: number[] = []
    const logits = new Float32Array(400)
    for (let i = 0; i < 200; i++) {
      const target = random() < 0.5 ? 0 : 1
      const predicted = random() < 0.7 ? target : 1 - target
      targets.push(target)
      logits[i * 2 + predicted] = 6
    }
    const temperature = fitTemperature(logits, targets, 2)
    expect(temperature).toBeGreaterThan(2)
    expect(negativeLogLikelihood(logits, targets, 2, temperature)).toBeLessThan(
      negativeLogLikelihood(logits, targets, 2, 1),
    )
  })
})

describe('expectedCalibrationError', () => {
  it('is zero when confidences match the observed accuracy', () => {
    expect(expectedCalibrationError([0.75, 0.75, 0.75, 0.75], [true, true, true, false])).toBe(0)
  })

  it('is the gap between confidence and accuracy in one bin', () => {
    expect(expectedCalibrationError([0.95, 0.95], [true, false])).toBeCloseTo(0.45, 12)
  })
})
