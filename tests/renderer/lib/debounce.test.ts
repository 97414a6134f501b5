import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { debounce } from '../../../src/renderer/src/lib/debounce'

describe('debounce', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs once, the wait after the last call, when calls come in a burst', () => {
    const action = vi.fn()
    const debounced = debounce(action, 250)

    debounced()
    vi.advanceTimersByTime(200)
    debounced()
    vi.advanceTimersByTime(249)
    expect(action).not.toHaveBeenCalled()

    vi.advanceTimersByTime(1)
    expect(action).toHaveBeenCalledTimes(1)
  })

  it('never runs a call that was cancelled', () => {
    const action = vi.fn()
    const debounced = debounce(action, 250)

    debounced()
    debounced.cancel()
    vi.advanceTimersByTime(1000)

    expect(action).not.toHaveBeenCalled()
  })

  it('runs a waiting call at once when flushed, and not again later', () => {
    const action = vi.fn()
    const debounced = debounce(action, 250)

    debounced()
    debounced.flush()
    expect(action).toHaveBeenCalledTimes(1)

    vi.advanceTimersByTime(1000)
    expect(action).toHaveBeenCalledTimes(1)
  })

  it('does nothing when flushed with no call waiting', () => {
    const action = vi.fn()
    const debounced = debounce(action, 250)

    debounced.flush()
    debounced()
    vi.advanceTimersByTime(250)
    debounced.flush()

    expect(action).toHaveBeenCalledTimes(1)
  })
})
