import { describe, expect, it } from 'vitest'
import { hashBucket, hashString } from '../../../src/main/text/hashing'

describe('hashString', () => {
  it('returns the same unsigned 32-bit value for the same input', () => {
    for (const value of ['', 'invoice', '发票', 'a b']) {
      const hash = hashString(value)
      expect(hashString(value)).toBe(hash)
      expect(Number.isInteger(hash)).toBe(true)
      expect(hash).toBeGreaterThanOrEqual(0)
      expect(hash).toBeLessThan(2 ** 32)
    }
  })

  it('gives different values when the seed differs', () => {
    expect(hashString('invoice', 1)).not.toBe(hashString('invoice', 2))
  })

  it('distinguishes strings that differ in one character or in order', () => {
    expect(hashString('ab')).not.toBe(hashString('ba'))
    expect(hashString('invoice1')).not.toBe(hashString('invoice2'))
  })
})

describe('hashBucket', () => {
  it('stays in [1, buckets) so that 0 remains the padding id', () => {
    for (const buckets of [2, 16, 4096, 1 << 18]) {
      for (let i = 0; i < 2000; i++) {
        const bucket = hashBucket(`token-${i}`, buckets)
        expect(bucket).toBeGreaterThanOrEqual(1)
        expect(bucket).toBeLessThan(buckets)
      }
    }
  })

  it('is deterministic across calls', () => {
    const first = Array.from({ length: 100 }, (_, i) => hashBucket(`w${i}`, 1 << 16))
    const second = Array.from({ length: 100 }, (_, i) => hashBucket(`w${i}`, 1 << 16))
    expect(second).toEqual(first)
  })

  // "Collisions" here are tokens that land in a bucket an earlier token already took. Any
  // uniform hash has many of them: 10,000 tokens into 65,535 ids are expected to leave
  // 10,000 − 65,535·(1 − e^(−10,000/65,535)) ≈ 726 (7.3 %) tokens colliding, i.e. 1.1 % of the
  // buckets. A hash that clusters similar strings lands far above that.
  it('spreads 10,000 similar tokens over 2^16 buckets as evenly as a uniform hash', () => {
    const buckets = 1 << 16
    const expected = 10_000 - (buckets - 1) * (1 - Math.exp(-10_000 / (buckets - 1)))
    for (const name of [
      (i: number) => `tok${i}`,
      (i: number) => String(i),
      (i: number) => `a ${i}`,
    ]) {
      const used = new Set<number>()
      for (let i = 0; i < 10_000; i++) used.add(hashBucket(name(i), buckets))
      const collisions = 10_000 - used.size
      expect(collisions).toBeLessThan(expected * 1.15)
      expect(collisions / buckets).toBeLessThan(0.02)
    }
  })

  it('fills a small id space evenly', () => {
    const counts = new Array<number>(64).fill(0)
    for (let i = 0; i < 64_000; i++) {
      const bucket = hashBucket(`t${i}`, 65) - 1
      counts[bucket] = (counts[bucket] ?? 0) + 1
    }
    // 1,000 expected per bucket, standard deviation about 31: ±15 % is about five deviations.
    expect(Math.min(...counts)).toBeGreaterThan(850)
    expect(Math.max(...counts)).toBeLessThan(1150)
  })
})
