import { describe, expect, it } from 'vitest'
import { parseScreen, screenHash } from '../../../src/renderer/src/lib/navigation'

describe('parseScreen', () => {
  it('reads the screen from the hash', () => {
    expect(parseScreen('#/model')).toBe('model')
    expect(parseScreen('#history')).toBe('history')
    expect(parseScreen(screenHash('watching'))).toBe('watching')
  })

  it('opens the inbox for an empty or unknown hash', () => {
    expect(parseScreen('')).toBe('inbox')
    expect(parseScreen('#/settings')).toBe('inbox')
  })
})
