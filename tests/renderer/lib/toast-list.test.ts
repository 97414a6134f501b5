import { describe, expect, it } from 'vitest'
import { withToast, type Toast } from '../../../src/renderer/src/lib/ui/toast-list'

function toast(id: number, text = `message ${id}`): Toast {
  return { id, tone: 'success', text }
}

describe('withToast', () => {
  it('keeps the three newest, oldest first, when a fourth arrives', () => {
    const shown = [toast(1), toast(2), toast(3)]

    expect(withToast(shown, toast(4)).map((t) => t.id)).toEqual([2, 3, 4])
  })

  it('adds the new toast last when there is room', () => {
    expect(withToast([toast(1)], toast(2)).map((t) => t.id)).toEqual([1, 2])
  })

  it('replaces a visible toast with the same text instead of showing it twice', () => {
    const shown = [toast(1, 'Saved'), toast(2, 'Other')]

    expect(withToast(shown, toast(3, 'Saved')).map((t) => t.id)).toEqual([2, 3])
  })

  it('keeps toasts of another tone that happen to say the same', () => {
    const error: Toast = { id: 2, tone: 'error', text: 'Saved' }

    expect(withToast([toast(1, 'Saved')], error).map((t) => t.id)).toEqual([1, 2])
  })
})
