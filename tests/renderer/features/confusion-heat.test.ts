import { describe, expect, it } from 'vitest'
import { heatColor, heatRows } from '../../../src/renderer/src/features/model/confusion-heat'

describe('heatRows', () => {
  it('shades each cell by its share of the actual class', () => {
    const rows = heatRows([
      [8, 2],
      [0, 0],
    ])

    expect(rows[0]?.map((cell) => cell.share)).toEqual([0.8, 0.2])
    expect(rows[0]?.map((cell) => cell.correct)).toEqual([true, false])
    expect(rows[0]?.map((cell) => cell.strong)).toEqual([true, false])
    expect(rows[1]?.map((cell) => cell.share)).toEqual([0, 0])
  })
})

describe('heatColor', () => {
  it('uses blue for correct predictions, red for mistakes, and nothing for empty cells', () => {
    const [[hit, miss, none]] = heatRows([[3, 1, 0]]) as [[never, never, never]]

    expect(heatColor(hit)).toBe('rgb(36 88 211 / 0.700)')
    expect(heatColor(miss)).toBe('rgb(212 75 75 / 0.300)')
    expect(heatColor(none)).toBe('transparent')
  })
})
