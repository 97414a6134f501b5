import { describe, expect, it } from 'vitest'
import { keepSelection, moveSelection } from '../../../src/renderer/src/features/inbox/selection'

describe('moveSelection', () => {
  it('steps through the list and stays on the ends', () => {
    const ids = [4, 7, 9]
    expect(moveSelection(ids, 4, 1)).toBe(7)
    expect(moveSelection(ids, 9, 1)).toBe(9)
    expect(moveSelection(ids, 4, -1)).toBe(4)
  })

  it('selects the first item when none or a vanished one was selected', () => {
    expect(moveSelection([4, 7], null, 1)).toBe(4)
    expect(moveSelection([4, 7], 99, -1)).toBe(4)
    expect(moveSelection([], null, 1)).toBeNull()
  })
})

describe('keepSelection', () => {
  it('keeps a selection that is still in the list', () => {
    expect(keepSelection([1, 2, 3], [3, 2], 2)).toBe(2)
  })

  it('moves to the next remaining item when the selected one was handled', () => {
    expect(keepSelection([1, 2, 3, 4], [1, 3, 4], 2)).toBe(3)
    expect(keepSelection([1, 2, 3, 4], [1, 4], 2)).toBe(4)
  })

  it('falls back to the last item when the handled one was at the end', () => {
    expect(keepSelection([1, 2, 3], [1, 2], 3)).toBe(2)
  })

  it('selects the first item when nothing was selected and nothing when the list is empty', () => {
    expect(keepSelection([], [5, 6], null)).toBe(5)
    expect(keepSelection([1], [], 1)).toBeNull()
  })
})
