import { describe, expect, it } from 'vitest'
import type { EvaluationMetrics } from '../../../src/shared/types'
import { tempLibrary } from './support'

const METRICS: EvaluationMetrics = {
  accuracy: 0.9,
  macroPrecision: 0.9,
  macroRecall: 0.9,
  macroF1: 0.9,
  perClass: [
    { label: 'Invoices', precision: 1, recall: 0.8, f1: 0.89, support: 5 },
    { label: 'Letters', precision: 0.8, recall: 1, f1: 0.89, support: 4 },
  ],
  confusion: [
    [4, 1],
    [0, 4],
  ],
  labels: ['Invoices', 'Letters'],
  documents: 9,
}

describe('Library.renameCategory', () => {
  it('renames the category in every model, labels and metrics alike', () => {
    const { library, dispose } = tempLibrary()
    try {
      library.upsertCategory('Invoices', '/docs/invoices')
      library.recordModel({
        version: 'v1',
        dir: '/models/v1',
        labels: ['Invoices', 'Letters'],
        metrics: METRICS,
      })

      library.renameCategory('Invoices', 'Bills')

      const [model] = library.listModels()
      expect(model?.labels).toEqual(['Bills', 'Letters'])
      expect(model?.metrics?.labels).toEqual(['Bills', 'Letters'])
      expect(model?.metrics?.perClass.map((c) => c.label)).toEqual(['Bills', 'Letters'])
      expect(model?.metrics?.confusion).toEqual(METRICS.confusion)
    } finally {
      dispose()
    }
  })
})
