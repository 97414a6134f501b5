/** The inbox's single-key shortcuts, as a pure mapping so the rules can be tested without a DOM. */
export type InboxCommand = 'next' | 'previous' | 'accept' | 'skip' | 'correct' | 'open'

/** Where the key was pressed: typing in a field, on a button or link, or anywhere else. */
export type KeyTarget = 'field' | 'control' | 'other'

export interface KeyPress {
  key: string
  /** Ctrl, Alt or Meta held: the key belongs to the system or the browser. */
  modified: boolean
  target: KeyTarget
}

export function inboxCommand(press: KeyPress): InboxCommand | null {
  if (press.modified || press.target === 'field') return null

  switch (press.key) {
    case 'j':
    case 'ArrowDown':
      return 'next'
    case 'k':
    case 'ArrowUp':
      return 'previous'
    // Enter on a focused button must press that button, not accept the selected file.
    case 'Enter':
      return press.target === 'control' ? null : 'accept'
    case 'a':
      return 'accept'
    case 's':
      return 'skip'
    case 'c':
      return 'correct'
    case 'o':
      return 'open'
    default:
      return null
  }
}
