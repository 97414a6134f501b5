import { describe, expect, it } from 'vitest'
import { seededRandom, shuffleInPlace, stratifiedSplit } from '../../../src/main/train/random'

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const a = seededRandom(42)
    const b = seededRandom(42)
    const first = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first)
    expect(Math.min(...first)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...first)).toBeLessThan(1)
    const mean = first.reduce((s, v) => s + v, 0) / first.length
    expect(mean).toBeGreaterThan(0.45)
    expect(mean).toBeLessThan(0.55)
  })

  it('gives another sequence for another seed', () => {
    expect(seededRandom(1)()).not.toBe(seededRandom(2)())
  })
})

describe('shuffleInPlace', () => {
  it('permutes the items without losing any', () => {
    const items = Array.from({ length: 50 }, (_, i) => i)
    const shuffled = shuffleInPlace([...items], seededRandom(5))
    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items)
  })
})

describe('stratifiedSplit', () => {
  const targets = [...new Array<number>(30).fill(0), ...new Array<number>(10).fill(1), 2, 2]

  it('uses every index once and holds out about the fraction of each class', () => {
    const { train, validation } = stratifiedSplit(targets, 0.2, seededRandom(1))
    expect([...train, ...validation].sort((x, y) => x - y)).toEqual(targets.map((_, i) => i))
    const held = (c: number): number => validation.filter((i) => targets[i] === c).length
    expect(held(0)).toBe(6)
    expect(held(1)).toBe(2)
    // A class with no more than minPerClass members is kept whole for training.
    expect(held(2)).toBe(0)
  })

  it('is reproducible for the same seed', () => {
    expect(stratifiedSplit(targets, 0.2, seededRandom(9))).toEqual(
      stratifiedSplit(targets, 0.2, seededRandom(9)),
    )
  })

  it('keeps minPerClass members of each class for training when the fraction is large', () => {
    const small = [0, 0, 0, 1, 1, 1, 1]
    const { train } = stratifiedSplit(small, 0.5, seededRandom(1), 2)
    for (const c of [0, 1]) {
      expect(train.filter((i) => small[i] === c).length).toBeGreaterThanOrEqual(2)
    }
  })
})
