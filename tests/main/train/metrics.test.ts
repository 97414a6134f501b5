import { describe, expect, it } from 'vitest'
import { evaluate } from '../../../src/main/train/metrics'

describe('evaluate', () => {
  it('computes accuracy, per-class scores and the confusion matrix', () => {
    // actual:    a a a b b c
    // predicted: a a b b c c
    const metrics = evaluate([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], ['a', 'b', 'c'])
    expect(metrics.accuracy).toBeCloseTo(4 / 6, 12)
    expect(metrics.confusion).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ])
    expect(metrics.perClass.map((m) => [m.label, m.precision, m.recall, m.support])).toEqual([
      ['a', 1, 2 / 3, 3],
      ['b', 0.5, 0.5, 2],
      ['c', 0.5, 1, 1],
    ])
    expect(metrics.macroF1).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 12)
    expect(metrics.macroPrecision).toBeCloseTo(2 / 3, 12)
    expect(metrics.documents).toBe(6)
  })

  it('averages over the classes present in the evaluated documents only', () => {
    const metrics = evaluate([0, 0, 1], [0, 0, 1], ['a', 'b', 'unseen'])
    expect(metrics.macroF1).toBe(1)
    expect(metrics.perClass[2]?.support).toBe(0)
  })

  it('reports zeros and no NaN when there are no documents', () => {
    const metrics = evaluate([], [], ['a', 'b'])
    expect(metrics.accuracy).toBe(0)
    expect(metrics.macroF1).toBe(0)
    expect(metrics.confusion).toEqual([
      [0, 0],
      [0, 0],
    ])
  })
})
