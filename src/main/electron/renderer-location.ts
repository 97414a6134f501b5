/**
 * Where the renderer comes from, and which URLs count as the renderer's own: the built files under
 * out/renderer, or the dev server in `electron-vite dev`. Every other URL is foreign content.
 * Imports no electron so that the policy can be checked under plain Node.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type RendererLocation =
  | { kind: 'file'; entry: string; isOwnUrl: (url: string) => boolean }
  | { kind: 'dev'; entry: string; origin: string; isOwnUrl: (url: string) => boolean }

/**
 * `devServerUrl` is honoured only for an unpackaged app: an environment variable must never point
 * an installed app at content from elsewhere.
 */
export function rendererLocation(options: {
  appPath: string
  isPackaged: boolean
  devServerUrl: string | undefined
  platform?: NodeJS.Platform
}): RendererLocation {
  if (!options.isPackaged && options.devServerUrl) {
    const origin = new URL(options.devServerUrl).origin
    return {
      kind: 'dev',
      entry: options.devServerUrl,
      origin,
      isOwnUrl: (url) => hasOrigin(url, origin),
    }
  }

  const folder = join(options.appPath, 'out', 'renderer')
  // Windows drive letters and folder names compare without case; Chromium may spell them either
  // way.
  const fold = (options.platform ?? process.platform) === 'win32' ? toLowerCase : identity
  const prefix = fold(`${pathToFileURL(folder).href}/`)
  return {
    kind: 'file',
    entry: join(folder, 'index.html'),
    isOwnUrl: (url) => {
      const parsed = parseUrl(url)
      // The parsed path has `..` resolved, so a URL cannot climb out of the folder.
      return (
        parsed?.protocol === 'file:' &&
        fold(`file://${parsed.host}${parsed.pathname}`).startsWith(prefix)
      )
    },
  }
}

/** Requests a renderer may make at all: its own files or dev server, inline images, DevTools. */
export function isAllowedRequest(location: RendererLocation, url: string): boolean {
  if (location.isOwnUrl(url)) return true
  if (url.startsWith('data:') || url.startsWith('devtools:')) return true
  // Vite's client keeps a WebSocket to the dev server for hot reloading.
  return location.kind === 'dev' && hasOrigin(url.replace(/^ws(s?):/, 'http$1:'), location.origin)
}

function hasOrigin(url: string, origin: string): boolean {
  return parseUrl(url)?.origin === origin
}

function parseUrl(url: string): URL | null {
  return URL.canParse(url) ? new URL(url) : null
}

function toLowerCase(value: string): string {
  return value.toLowerCase()
}

function identity(value: string): string {
  return value
}
