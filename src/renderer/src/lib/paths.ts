/** Path display helpers. Paths come from main as written by the OS: either separator may appear. */

export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '')
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'))
  return cut === -1 ? trimmed : trimmed.slice(cut + 1)
}

export function parentFolder(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '')
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'))
  if (cut <= 0) return cut === 0 ? trimmed.slice(0, 1) : ''
  return trimmed.slice(0, cut)
}

/**
 * A made-up folder in a home folder of the computer whose folders are sorted, for placeholders;
 * `platform` is that computer's process.platform. Unixes other than macOS get Linux's /home.
 */
export function exampleFolder(platform: string, names: readonly string[]): string {
  if (platform === 'win32') return ['C:\\Users\\me', ...names].join('\\')
  const home = platform === 'darwin' ? '/Users/me' : '/home/me'
  return [home, ...names].join('/')
}
