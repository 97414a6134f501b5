import { describe, expect, it } from 'vitest'
import { encodeTexts } from '../../../src/main/classify/encoding'
import {
  fitIdf,
  ngramCounts,
  sequenceIds,
  tfidfVector,
  type FeatureSpec,
} from '../../../src/main/classify/features'
import { SMALL_FEATURES } from './support'

const SPEC: FeatureSpec = {
  ...SMALL_FEATURES,
  sequenceLength: 8,
  wideTokens: 6,
  maxWideFeatures: 4,
}

describe('sequenceIds', () => {
  it('pads with id 0 after the last token when the text is short', () => {
    const ids = sequenceIds(['pay', 'the', 'invoice'], SPEC)
    expect(ids).toHaveLength(8)
    expect(Array.from(ids.subarray(3))).toEqual([0, 0, 0, 0, 0])
    for (const id of ids.subarray(0, 3)) expect(id).toBeGreaterThan(0)
  })

  it('keeps only the first sequenceLength tokens when the text is long', () => {
    const tokens = Array.from({ length: 20 }, (_, i) => `t${i}`)
    expect(Array.from(sequenceIds(tokens, SPEC))).toEqual(
      Array.from(sequenceIds(tokens.slice(0, 8), SPEC)),
    )
  })
})

describe('ngramCounts', () => {
  it('counts unigrams and bigrams of the first wideTokens tokens', () => {
    const counts = ngramCounts(['a', 'b', 'a', 'b', 'x', 'y', 'never', 'seen'], SPEC)
    const total = [...counts.values()].reduce((a, b) => a + b, 0)
    // 6 unigrams and 5 bigrams; "a" and "a b" occur twice.
    expect(total).toBe(11)
    expect(Math.max(...counts.values())).toBe(2)
  })
})

describe('tfidfVector', () => {
  it('is L2-normalised and keeps at most maxWideFeatures features', () => {
    const docs = [['a', 'b', 'c', 'd', 'e', 'f'], ['a', 'b'], ['c']].map((t) =>
      ngramCounts(t, SPEC),
    )
    const idf = fitIdf(docs, SPEC.ngramBuckets)
    const vector = tfidfVector(docs[0] ?? new Map(), idf, SPEC.maxWideFeatures)
    expect(vector.indices).toHaveLength(4)
    const norm = Math.sqrt(Array.from(vector.values).reduce((s, v) => s + v * v, 0))
    expect(norm).toBeCloseTo(1, 5)
    for (const value of vector.values) expect(value).toBeGreaterThan(0)
  })

  it('gives a zero vector and no NaN when the document has no tokens', () => {
    const vector = tfidfVector(new Map(), new Float32Array(SPEC.ngramBuckets).fill(1), 4)
    expect(Array.from(vector.values)).toEqual([0, 0, 0, 0])
    expect(Array.from(vector.indices)).toEqual([0, 0, 0, 0])
  })
})

describe('fitIdf', () => {
  it('weighs a bucket seen in every document less than a rare one', () => {
    const docs = [
      new Map([[5, 1]]),
      new Map([
        [5, 2],
        [7, 1],
      ]),
      new Map([[5, 1]]),
    ]
    const idf = fitIdf(docs, 16)
    expect(idf[5]).toBeCloseTo(1, 6)
    expect(idf[7]).toBeCloseTo(Math.log(4 / 2) + 1, 6)
    expect(idf[7]).toBeGreaterThan(idf[5] ?? Infinity)
  })
})

describe('encodeTexts', () => {
  it('lays documents out row by row at fixed widths', () => {
    const idf = new Float32Array(SPEC.ngramBuckets).fill(1)
    const encoded = encodeTexts(['pay the invoice', '', '发票 金额'], SPEC, idf)
    expect(encoded.count).toBe(3)
    expect(encoded.ids).toHaveLength(3 * 8)
    expect(encoded.wideValues).toHaveLength(3 * 4)
    expect(Array.from(encoded.ids.subarray(8, 16))).toEqual(new Array(8).fill(0))
    expect(encoded.ids[16]).toBeGreaterThan(0)
    expect(encoded.ids[18]).toBe(0)
  })
})
