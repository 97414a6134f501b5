/**
 * The renderer is treated as untrusted: it loads only its own files, gets no permissions, cannot
 * navigate, open windows or embed web views, and every response carries a strict CSP. Follows
 * Electron's security checklist; the window's own webPreferences are set in main-window.ts.
 */
import type { Session, WebContents } from 'electron'
import { createLogger } from '../log/logger'
import { isAllowedRequest, type RendererLocation } from './renderer-location'

const log = createLogger('security')

/** The same policy as the meta tag in src/renderer/index.html, plus what only a header can say. */
function contentSecurityPolicy(location: RendererLocation): string {
  // Vite's client talks to the dev server over a WebSocket for hot reloading.
  const devSocket = location.kind === 'dev' ? ` ${location.origin.replace(/^http/, 'ws')}` : ''
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${devSocket}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

export function hardenSession(session: Session, location: RendererLocation): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(location, details.url)
    if (!allowed) log.warn('request blocked', { url: details.url, type: details.resourceType })
    callback({ cancel: !allowed })
  })

  const policy = contentSecurityPolicy(location)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    })
  })

  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('permission denied', { permission })
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
}

/** Applied to every WebContents the app creates, so that none is left with defaults. */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    log.warn('navigation blocked', { url })
    event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    log.warn('web view blocked')
    event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('new window blocked', { url })
    return { action: 'deny' }
  })
}
