import { describe, expect, it } from 'vitest'
import { LatestOnly } from '../../../src/renderer/src/lib/latest-only'

describe('LatestOnly', () => {
  it('accepts only the newest ticket when several are out', () => {
    const latest = new LatestOnly()

    const first = latest.take()
    const second = latest.take()

    expect(latest.isNewest(first)).toBe(false)
    expect(latest.isNewest(second)).toBe(true)
  })

  it('accepts no ticket taken before dropAll', () => {
    const latest = new LatestOnly()
    const ticket = latest.take()

    latest.dropAll()

    expect(latest.isNewest(ticket)).toBe(false)
    expect(latest.isNewest(latest.take())).toBe(true)
  })
})
