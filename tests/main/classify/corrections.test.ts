import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../../../src/main/classify/backend'
import type { TextClassifier } from '../../../src/main/classify/classifier'
import { trainClassifier } from '../../../src/main/train/trainer'
import { syntheticExamples } from '../../fixtures/classify/corpus'
import { smallOptions } from './support'

const INVOICE = 'invoice total amount due payment vat bank transfer customer number tax net'
const RECIPE = 'whisk the eggs with sugar and butter then bake the dough in the oven'
const PAYSLIP = [
  'payslip for march employee number 4411 gross salary pension contribution',
  'income tax deduction net pay holiday allowance employer payroll department',
].join(' ')

let classifier: TextClassifier

beforeAll(async () => {
  await initBackend()
  const outcome = await trainClassifier(syntheticExamples(20), smallOptions({ maxEpochs: 8 }))
  classifier = outcome.classifier
})

afterAll(() => classifier.dispose())

describe('TextClassifier corrections', () => {
  it('gives a corrected text its new label, and a near-duplicate too, at once', () => {
    // Given an invoice text the model calls "invoice",
    // when it is corrected to "recipe",
    // then it and a copy missing a few words are "recipe", and an unrelated recipe stays one.
    expect(classifier.predict([INVOICE])[0]?.label).toBe('invoice')

    classifier.learnCorrection(INVOICE, 'recipe')
    const nearDuplicate = INVOICE.replace('bank transfer ', '')
    const [same, near, other] = classifier.predict([INVOICE, nearDuplicate, RECIPE])

    expect(same?.label).toBe('recipe')
    expect(near?.label).toBe('recipe')
    expect(other?.label).toBe('recipe')
  })

  it('leaves a text unlike any correction as the model classified it', () => {
    const text = 'invoice number 1234 amount due by bank transfer net total vat customer'
    expect(classifier.predict([text])[0]?.label).toBe('invoice')
  })

  it('suggests a category created after training once it has examples', () => {
    // Given a model that knows no payslips,
    // when three payslips are given as examples of a new category,
    // then another payslip is suggested there, and the category is listed among the labels.
    expect(classifier.allLabels).not.toContain('payslip')

    for (const month of ['january', 'february', 'march']) {
      classifier.learnCorrection(PAYSLIP.replace('march', month), 'payslip')
    }
    const [payslip, recipe] = classifier.predict([PAYSLIP.replace('march', 'april'), RECIPE])

    expect(classifier.allLabels.at(-1)).toBe('payslip')
    expect(payslip?.label).toBe('payslip')
    expect(recipe?.label).toBe('recipe')
  })
})

describe('TextClassifier trained on documents that all share a trait', () => {
  // Every plain-text document has the trait kind:text. When such a trait weighed as much as a
  // rare one, it took most of each class prototype, and a category made from three examples
  // then drew nearly every document to itself.
  let shared: TextClassifier

  beforeAll(async () => {
    const examples = syntheticExamples(20).map((e) => ({ ...e, traits: ['kind:text'] }))
    shared = (await trainClassifier(examples, smallOptions({ maxEpochs: 8 }))).classifier
  })

  afterAll(() => shared.dispose())

  it('keeps the known categories when a new one is made from three examples', () => {
    const asText = (text: string) => ({ text, traits: ['kind:text'] })
    for (const month of ['january', 'february', 'march']) {
      shared.learnCorrection(asText(PAYSLIP.replace('march', month)), 'payslip')
    }
    const invoice = 'invoice number 1234 amount due by bank transfer net total vat customer'
    const [payslip, recipe, known] = shared.predict(
      [PAYSLIP.replace('march', 'april'), RECIPE, invoice].map(asText),
    )
    expect(payslip?.label).toBe('payslip')
    expect(recipe?.label).toBe('recipe')
    expect(known?.label).toBe('invoice')
  })
})
