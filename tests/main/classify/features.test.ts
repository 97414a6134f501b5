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
  it('counts unigrams and bigrams of the first wideTokens tokens apart', () => {
    const counts = ngramCounts(['a', 'b', 'a', 'b', 'x', 'y', 'never', 'seen'], SPEC)
    const total = (map: Map<number, number>): number => [...map.values()].reduce((a, b) => a + b, 0)
    // 6 unigrams and 5 bigrams; "a", "b" and "a b" occur twice.
    expect(total(counts.unigrams)).toBe(6)
    expect(total(counts.bigrams)).toBe(5)
    expect([...counts.unigrams.values()].sort()).toEqual([1, 1, 2, 2])
    expect([...counts.bigrams.values()].sort()).toEqual([1, 1, 1, 2])
  })
})

describe('tfidfVector', () => {
  const WEIGHTS = { bigramWeight: 0.5, traitWeight: 0.5 }
  const length = (values: Float32Array): number =>
    Math.sqrt(Array.from(values).reduce((s, v) => s + v * v, 0))

  it('gives the unigram part length 1 and the bigram part length bigramWeight', () => {
    const counts = ngramCounts(['pay', 'the', 'invoice'], { ...SPEC, maxWideFeatures: 16 })
    const idf = new Float32Array(SPEC.ngramBuckets).fill(1)
    const unigramsOnly = tfidfVector({ ...counts, bigrams: new Map() }, idf, 16, WEIGHTS)
    const bigramsOnly = tfidfVector({ ...counts, unigrams: new Map() }, idf, 16, WEIGHTS)
    expect(length(unigramsOnly.values)).toBeCloseTo(1, 5)
    expect(length(bigramsOnly.values)).toBeCloseTo(0.5, 5)
    // Three unigrams and two bigrams in distinct buckets: 1 + 0.25 in all.
    expect(length(tfidfVector(counts, idf, 16, WEIGHTS).values)).toBeCloseTo(Math.sqrt(1.25), 5)
    expect(
      length(tfidfVector(counts, idf, 16, { bigramWeight: 0, traitWeight: 0 }).values),
    ).toBeCloseTo(1, 5)
  })

  it('adds the traits as a part of length traitWeight, apart from the words', () => {
    const spec = { ...SPEC, maxWideFeatures: 16 }
    const idf = new Float32Array(SPEC.ngramBuckets).fill(2)
    const plain = ngramCounts(['pay', 'the', 'invoice'], spec)
    const traited = ngramCounts(['pay', 'the', 'invoice'], spec, ['landscape', 'pages:1'])
    expect(traited.unigrams).toEqual(plain.unigrams)
    expect(traited.traits.size).toBe(2)
    const traitsOnly = tfidfVector(
      { ...traited, unigrams: new Map(), bigrams: new Map() },
      idf,
      16,
      {
        bigramWeight: 0.5,
        traitWeight: 0.3,
      },
    )
    expect(length(traitsOnly.values)).toBeCloseTo(0.3, 5)
    // A trait never lands in the bucket of the word it is spelled like.
    const word = ngramCounts(['landscape'], spec)
    const trait = ngramCounts([], spec, ['landscape'])
    expect([...trait.traits.keys()]).not.toEqual([...word.unigrams.keys()])
  })

  it('gives a trait every training document shares no weight, and a rarer one the part', () => {
    const spec = { ...SPEC, maxWideFeatures: 16 }
    const training = [
      ngramCounts(['a'], spec, ['kind:text']),
      ngramCounts(['b'], spec, ['kind:text', 'form']),
      ngramCounts(['c'], spec, ['kind:text']),
    ]
    const idf = fitIdf(training, spec.ngramBuckets)
    const onlyShared = ngramCounts([], spec, ['kind:text'])
    expect(length(tfidfVector(onlyShared, idf, 16, WEIGHTS).values)).toBe(0)
    const withForm = tfidfVector(ngramCounts([], spec, ['kind:text', 'form']), idf, 16, WEIGHTS)
    const [formBucket] = ngramCounts([], spec, ['form']).traits.keys()
    expect(Array.from(withForm.indices.subarray(0, 1))).toEqual([formBucket])
    expect(withForm.values[0]).toBeCloseTo(0.5, 5)
  })

  it('keeps the maxWideFeatures strongest features, unigrams before weaker bigrams', () => {
    const docs = [['a', 'b', 'c', 'd', 'e', 'f'], ['a', 'b'], ['c']].map((t) =>
      ngramCounts(t, SPEC),
    )
    const idf = fitIdf(docs, SPEC.ngramBuckets)
    const first = docs[0] ?? ngramCounts([], SPEC)
    const vector = tfidfVector(first, idf, SPEC.maxWideFeatures, WEIGHTS)
    expect(vector.indices).toHaveLength(4)
    for (const value of vector.values) expect(value).toBeGreaterThan(0)
    const unigramBuckets = new Set(first.unigrams.keys())
    for (const bucket of vector.indices) expect(unigramBuckets.has(bucket)).toBe(true)
  })

  it('gives a zero vector and no NaN when the document has no tokens', () => {
    const empty = ngramCounts([], SPEC)
    const vector = tfidfVector(empty, new Float32Array(SPEC.ngramBuckets).fill(1), 4, WEIGHTS)
    expect(Array.from(vector.values)).toEqual([0, 0, 0, 0])
    expect(Array.from(vector.indices)).toEqual([0, 0, 0, 0])
  })
})

describe('fitIdf', () => {
  const doc = (unigrams: [number, number][], bigrams: [number, number][] = []) => ({
    unigrams: new Map(unigrams),
    bigrams: new Map(bigrams),
    traits: new Map<number, number>(),
  })

  it('weighs a bucket seen in every document less than a rare one', () => {
    const docs = [
      doc([[5, 1]]),
      doc([
        [5, 2],
        [7, 1],
      ]),
      doc([[5, 1]]),
    ]
    const idf = fitIdf(docs, 16)
    expect(idf[5]).toBeCloseTo(1, 6)
    expect(idf[7]).toBeCloseTo(Math.log(4 / 2) + 1, 6)
    expect(idf[7]).toBeGreaterThan(idf[5] ?? Infinity)
  })

  it('counts a document once for a bucket its unigrams and bigrams share', () => {
    const idf = fitIdf([doc([[3, 1]], [[3, 1]]), doc([[4, 1]])], 16)
    expect(idf[3]).toBeCloseTo(Math.log(3 / 2) + 1, 6)
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
