/**
 * The one app window: a sandboxed renderer with only the preload's `window.docsort` to talk
 * through.
 */
import { join } from 'node:path'
import { BrowserWindow, type NativeImage } from 'electron'
import { createLogger, errorFields } from '../log/logger'
import type { RendererLocation } from './renderer-location'

const log = createLogger('window')

export interface MainWindowOptions {
  location: RendererLocation
  /** Where the built preload lies: out/preload of the app. */
  preload: string
  icon: NativeImage
  /** False for a launch at login, which starts in the tray. */
  show: boolean
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 820,
    minHeight: 560,
    title: 'Docsort',
    icon: options.icon,
    // Shown once the first paint is ready, so that the user never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A file dropped on the window would otherwise replace the app with that file.
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  })
  // Without a menu bar there is no reload or DevTools shortcut in the installed app (Windows and
  // Linux; macOS keeps its app menu for copy and paste).
  if (options.location.kind === 'file') window.removeMenu()
  // The page's <title> would otherwise replace the window title.
  window.on('page-title-updated', (event) => event.preventDefault())
  if (options.show) window.once('ready-to-show', () => window.show())

  const { location } = options
  const loading =
    location.kind === 'dev' ? window.loadURL(location.entry) : window.loadFile(location.entry)
  loading.catch((error: unknown) => {
    log.error('renderer failed to load', { entry: location.entry, ...errorFields(error) })
  })
  return window
}

export function preloadPath(appPath: string): string {
  return join(appPath, 'out', 'preload', 'index.cjs')
}

/** Brings the window to the front, from the tray, a notification or a second launch. */
export function revealWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
