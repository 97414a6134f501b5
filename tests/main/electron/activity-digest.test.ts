import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EventMessage, MoveView } from '../../../src/shared/api'
import { ActivityDigest, type Digest } from '../../../src/main/electron/activity-digest'

const WINDOW_MS = 1000

let sent: Digest[]

beforeEach(() => {
  vi.useFakeTimers()
  sent = []
})

afterEach(() => {
  vi.useRealTimers()
})

function digest(initialInbox?: number): ActivityDigest {
  return new ActivityDigest((found) => sent.push(found), { windowMs: WINDOW_MS, initialInbox })
}

function moved(to: string, change: Partial<MoveView> = {}): EventMessage {
  const payload: MoveView = {
    id: 1,
    batchId: null,
    from: '/home/ann/Inbox/scan.pdf',
    to,
    category: 'Tax',
    at: 0,
    undone: false,
    automatic: true,
    ...change,
  }
  return { name: 'file:moved', payload }
}

function inbox(count: number): EventMessage {
  return { name: 'inbox:changed', payload: { count } }
}

describe('ActivityDigest', () => {
  it('sends one sorted digest with the count and names when a burst of files is sorted', () => {
    const activity = digest()

    activity.observe(moved('/docs/Tax/return-2024.pdf'))
    activity.observe(moved('/docs/Bills/power.docx'))
    activity.observe(moved('C:\\Users\\ann\\Docs\\Bills\\water.txt'))
    vi.advanceTimersByTime(WINDOW_MS - 1)

    expect(sent).toEqual([])

    vi.advanceTimersByTime(1)

    expect(sent).toEqual([
      { kind: 'sorted', count: 3, names: ['return-2024.pdf', 'power.docx', 'water.txt'] },
    ])
  })

  it('counts the window from the first move when moves keep coming', () => {
    // given a burst that started WINDOW_MS ago
    const activity = digest()
    activity.observe(moved('/docs/Tax/a.pdf'))
    vi.advanceTimersByTime(WINDOW_MS - 10)
    activity.observe(moved('/docs/Tax/b.pdf'))

    // when the window closes and a later move starts a new burst
    vi.advanceTimersByTime(10)
    activity.observe(moved('/docs/Tax/c.pdf'))
    vi.advanceTimersByTime(WINDOW_MS)

    // then each burst is its own digest
    expect(sent).toEqual([
      { kind: 'sorted', count: 2, names: ['a.pdf', 'b.pdf'] },
      { kind: 'sorted', count: 1, names: ['c.pdf'] },
    ])
  })

  it.each([
    { case: 'made by hand', change: { automatic: false } },
    { case: 'undone', change: { undone: true } },
    { case: 'an automatic move undone', change: { automatic: true, undone: true } },
  ])('ignores a move when it was $case', ({ change }) => {
    const activity = digest()

    activity.observe(moved('/docs/Tax/a.pdf', change))
    vi.advanceTimersByTime(WINDOW_MS * 5)

    expect(sent).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('leaves ignored moves out of the digest when they come in a burst of automatic ones', () => {
    const activity = digest()

    activity.observe(moved('/docs/Tax/auto.pdf'))
    activity.observe(moved('/docs/Tax/by-hand.pdf', { automatic: false }))
    activity.observe(moved('/docs/Tax/undone.pdf', { undone: true }))
    vi.advanceTimersByTime(WINDOW_MS)

    expect(sent).toEqual([{ kind: 'sorted', count: 1, names: ['auto.pdf'] }])
  })

  it('sends one waiting digest with the latest count when the inbox grows', () => {
    const activity = digest(2)

    activity.observe(inbox(3))
    activity.observe(inbox(5))
    activity.observe(inbox(6))
    vi.advanceTimersByTime(WINDOW_MS)

    expect(sent).toEqual([{ kind: 'waiting', count: 6 }])
  })

  it('sends nothing when the inbox shrinks', () => {
    const activity = digest(5)

    activity.observe(inbox(4))
    activity.observe(inbox(0))
    vi.advanceTimersByTime(WINDOW_MS * 5)

    expect(sent).toEqual([])
  })

  it('sends nothing when the inbox grows and shrinks back within the window', () => {
    const activity = digest(2)

    activity.observe(inbox(6))
    activity.observe(inbox(2))
    vi.advanceTimersByTime(WINDOW_MS)

    expect(sent).toEqual([])
  })

  it('does not announce the initial inbox when the service reports the same size', () => {
    const activity = digest(4)

    activity.observe(inbox(4))
    vi.advanceTimersByTime(WINDOW_MS * 5)

    expect(sent).toEqual([])
  })

  it('announces only growth past the last known size when the inbox shrank first', () => {
    // given an inbox of 5 that the user emptied to 1
    const activity = digest(5)
    activity.observe(inbox(1))
    vi.advanceTimersByTime(WINDOW_MS)

    // when two files arrive
    activity.observe(inbox(3))
    vi.advanceTimersByTime(WINDOW_MS)

    // then the digest names the new size, though it is below the initial one
    expect(sent).toEqual([{ kind: 'waiting', count: 3 }])
  })

  it('sends sorted and waiting digests together when both happen in one window', () => {
    const activity = digest(0)

    activity.observe(moved('/docs/Tax/a.pdf'))
    activity.observe(inbox(2))
    vi.advanceTimersByTime(WINDOW_MS)

    expect(sent).toEqual([
      { kind: 'sorted', count: 1, names: ['a.pdf'] },
      { kind: 'waiting', count: 2 },
    ])
  })

  it('ignores events that are neither moves nor inbox changes', () => {
    const activity = digest()

    activity.observe({ name: 'history:changed', payload: { latest: 7 } })
    activity.observe({ name: 'learning:progressed', payload: { done: 1, total: 2, path: null } })
    vi.advanceTimersByTime(WINDOW_MS * 5)

    expect(sent).toEqual([])
  })

  it('drops what is pending when disposed', () => {
    const activity = digest(1)
    activity.observe(moved('/docs/Tax/a.pdf'))
    activity.observe(inbox(3))

    activity.dispose()
    vi.advanceTimersByTime(WINDOW_MS * 5)

    expect(sent).toEqual([])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('leaves nothing from before dispose in a digest when events come after it', () => {
    // given a burst dropped by dispose
    const activity = digest(1)
    activity.observe(moved('/docs/Tax/dropped.pdf'))
    activity.observe(inbox(3))
    activity.dispose()

    // when a later burst sorts one file and leaves the inbox as it was
    activity.observe(moved('/docs/Tax/kept.pdf'))
    activity.observe(inbox(3))
    vi.advanceTimersByTime(WINDOW_MS)

    // then only the later file is announced
    expect(sent).toEqual([{ kind: 'sorted', count: 1, names: ['kept.pdf'] }])
  })

  it('uses a three-second window when none is given', () => {
    const activity = new ActivityDigest((found) => sent.push(found))

    activity.observe(moved('/docs/Tax/a.pdf'))
    vi.advanceTimersByTime(2999)
    expect(sent).toEqual([])
    vi.advanceTimersByTime(1)

    expect(sent).toEqual([{ kind: 'sorted', count: 1, names: ['a.pdf'] }])
  })
})
