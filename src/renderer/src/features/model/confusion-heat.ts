/**
 * Cell shading for the confusion matrix: the share of the actual class's documents that landed in
 * the cell, so a small class's mistakes show as clearly as a large one's. Correct predictions (the
 * diagonal) and mistakes get different hues.
 */
export interface HeatCell {
  count: number
  /** 0..1 of the row. */
  share: number
  correct: boolean
  /** Dark enough that the count needs light text. */
  strong: boolean
}

export function heatRows(confusion: readonly (readonly number[])[]): HeatCell[][] {
  return confusion.map((row, actual) => {
    const total = row.reduce((sum, count) => sum + count, 0)
    return row.map((count, predicted) => {
      const share = total === 0 ? 0 : count / total
      return { count, share, correct: actual === predicted, strong: share >= 0.5 }
    })
  })
}

/** A background colour for the cell; empty cells stay neutral. */
export function heatColor(cell: HeatCell): string {
  if (cell.count === 0) return 'transparent'
  const alpha = (0.1 + 0.8 * cell.share).toFixed(3)
  return cell.correct ? `rgb(36 88 211 / ${alpha})` : `rgb(212 75 75 / ${alpha})`
}
