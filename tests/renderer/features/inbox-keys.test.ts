import { describe, expect, it } from 'vitest'
import { inboxCommand } from '../../../src/renderer/src/features/inbox/inbox-keys'

describe('inboxCommand', () => {
  const press = (key: string, extra: Partial<Parameters<typeof inboxCommand>[0]> = {}) =>
    inboxCommand({ key, modified: false, target: 'other', ...extra })

  it('maps j/k and the arrows to moving, and the letters to actions', () => {
    expect(
      ['j', 'ArrowDown', 'k', 'ArrowUp', 'Enter', 'a', 's', 'c', 'o'].map((k) => press(k)),
    ).toEqual([
      'next',
      'next',
      'previous',
      'previous',
      'accept',
      'accept',
      'skip',
      'correct',
      'open',
    ])
  })

  it('leaves keys alone while typing in a field', () => {
    expect(press('a', { target: 'field' })).toBeNull()
    expect(press('ArrowDown', { target: 'field' })).toBeNull()
  })

  it('leaves Enter to a focused button but still takes letters', () => {
    expect(press('Enter', { target: 'control' })).toBeNull()
    expect(press('s', { target: 'control' })).toBe('skip')
  })

  it('leaves shortcuts with Ctrl, Alt or Meta to the system', () => {
    expect(press('a', { modified: true })).toBeNull()
  })

  it('ignores other keys', () => {
    expect(press('x')).toBeNull()
    expect(press('A')).toBeNull()
  })
})
