import { describe, expect, it } from 'vitest'
import { metricTiles } from '../../../src/renderer/src/features/model/metric-tiles'
import { Translator } from '../../../src/renderer/src/lib/i18n/translator'
import { modelView } from './fixtures'

describe('metricTiles', () => {
  it('counts every document and notes how many were held out for the scores', () => {
    const tiles = metricTiles(modelView(0.9), new Translator('en'))
    const documents = tiles.find((tile) => tile.testid === 'metric-documents')

    expect(documents).toEqual({
      label: 'Documents',
      value: '15',
      note: '5 held out for the scores',
      testid: 'metric-documents',
    })
  })

  it('says the same in Chinese', () => {
    const tiles = metricTiles(modelView(0.9), new Translator('zh-CN'))
    const documents = tiles.find((tile) => tile.testid === 'metric-documents')

    expect(documents?.label).toBe('文档')
    expect(documents?.note).toBe('其中 5 个留作评分')
  })

  it('has no held-out note and dashes for the scores when the model has no metrics', () => {
    const tiles = metricTiles(modelView(null), new Translator('en'))

    expect(tiles.map((tile) => tile.value)).toEqual(['—', '—', '15', '2'])
    expect(tiles.every((tile) => tile.note === null)).toBe(true)
  })
})
