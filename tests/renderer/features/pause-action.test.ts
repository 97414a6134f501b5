import { describe, expect, it } from 'vitest'
import { pauseAction } from '../../../src/renderer/src/features/watching/pause-action'

describe('pauseAction', () => {
  it('offers pause when a folder is watched and watching runs', () => {
    const watched = [
      { folder: '/dl', enabled: false },
      { folder: '/desk', enabled: true },
    ]

    expect(pauseAction(false, watched)).toBe('pause')
  })

  it('offers nothing when no folder is watched', () => {
    expect(pauseAction(false, [])).toBeNull()
  })

  it('offers nothing when every watched folder is switched off', () => {
    expect(pauseAction(false, [{ folder: '/dl', enabled: false }])).toBeNull()
  })

  it('offers resume while paused even when no folder is watched', () => {
    expect(pauseAction(true, [])).toBe('resume')
    expect(pauseAction(true, [{ folder: '/dl', enabled: true }])).toBe('resume')
  })
})
