export const SCREENS = ['inbox', 'categories', 'watching', 'model', 'history'] as const
export type Screen = (typeof SCREENS)[number]

/** `#/model` → 'model'; anything unknown opens the inbox. */
export function parseScreen(hash: string): Screen {
  const name = hash.replace(/^#\/?/, '')
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : 'inbox'
}

export function screenHash(screen: Screen): string {
  return `#/${screen}`
}
