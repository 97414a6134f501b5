/**
 * The shell's life: one instance per data folder, the service opened beside Electron's start, the
 * window, tray, IPC and notifications wired to it, and an orderly quit that closes the service
 * before the process exits. The service itself knows nothing of Electron.
 */
import { app, dialog, session, type BrowserWindow } from 'electron'
import type { AppState } from '../../shared/api'
import type { ApiHost } from '../api/host'
import { createLogger, errorFields } from '../log/logger'
import { ActivityDigest } from './activity-digest'
import { appIcon, trayIcon } from './icons'
import { connectIpc } from './ipc-transport'
import { createMainWindow, preloadPath, revealWindow } from './main-window'
import { Notifier } from './notifications'
import { rendererLocation } from './renderer-location'
import { hardenSession, hardenWebContents } from './security'
import { shellText } from './shell-text'
import { isLaunchedAtLogin } from './start-at-login'
import { AppTray } from './tray'

const log = createLogger('shell')

/** A service that has not closed by then is abandoned, so that quitting never hangs. */
const CLOSE_TIMEOUT_MS = 15_000

/** What the shell needs from the service: the API, the tray's pause, and closing on quit. */
export interface ShellService extends ApiHost {
  readonly paused: boolean
  /** Announces the change with a 'state:changed' event, which relabels the tray. */
  setPaused(paused: boolean): Promise<void> | void
  close(): Promise<void>
}

export interface ShellOptions {
  openService: () => Promise<ShellService>
  /**
   * Chromium's profile folder. Electron's single-instance lock is held per profile, so keeping it
   * inside the data folder makes the lock guard the data folder: two data folders, two instances.
   */
  profileDir: string
}

export async function runShell(options: ShellOptions): Promise<void> {
  app.setPath('userData', options.profileDir)
  if (!app.requestSingleInstanceLock()) {
    log.info('Docsort already runs on this data folder; that window comes forward instead')
    app.quit()
    return
  }
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))

  // The quit handler is in place before the service opens, so that even an early quit closes it.
  const opening = options.openService()
  const stops: (() => void)[] = []
  const lifetime: Lifetime = {
    onStop: (stop) => stops.push(stop),
    isQuitting: handleQuit(async () => {
      for (const stop of stops.splice(0).reverse()) {
        try {
          stop()
        } catch (error) {
          log.warn('a part of the shell failed to stop', errorFields(error))
        }
      }
      // A service that failed to open has nothing to close; failStart reported it.
      const service = await opening.catch(() => null)
      if (service) await closeService(service)
    }),
  }

  let service: ShellService
  try {
    ;[service] = await Promise.all([opening, app.whenReady()])
  } catch (error) {
    await failStart(error)
    return
  }
  if (!lifetime.isQuitting()) await startDesktop(service, lifetime)
}

interface Lifetime {
  /** Registers what to undo on quit, before the service closes; undone in reverse order. */
  onStop: (stop: () => void) => void
  isQuitting: () => boolean
}

async function startDesktop(service: ShellService, lifetime: Lifetime): Promise<void> {
  const appPath = app.getAppPath()
  const location = rendererLocation({
    appPath,
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
  })
  hardenSession(session.defaultSession, location)

  const initial = await appState(service)
  if (lifetime.isQuitting()) return
  const systemLocale = app.getLocale()
  let text = shellText(initial?.settings.locale ?? null, systemLocale)

  const icon = appIcon(appPath)
  const window = createMainWindow({
    location,
    preload: preloadPath(appPath),
    icon,
    show: !isLaunchedAtLogin(),
  })
  keepInTray(window, lifetime.isQuitting)
  lifetime.onStop(connectIpc(service, window, location))

  const tray = new AppTray(
    trayIcon(appPath),
    {
      open: () => revealWindow(window),
      setPaused: (paused) => {
        Promise.resolve(service.setPaused(paused)).catch((error: unknown) => {
          log.error('pause from the tray failed', { paused, ...errorFields(error) })
        })
      },
      quit: () => app.quit(),
    },
    { paused: service.paused, text },
  )
  const refreshTray = (): void => tray.update({ paused: service.paused, text })
  lifetime.onStop(() => tray.destroy())

  const notifier = new Notifier({
    icon,
    isWindowFocused: () => !window.isDestroyed() && window.isVisible() && window.isFocused(),
    onClick: () => revealWindow(window),
  })
  const digest = new ActivityDigest((found) => notifier.show(found, text), {
    initialInbox: initial?.inbox ?? 0,
  })
  lifetime.onStop(() => notifier.dispose())
  lifetime.onStop(() => digest.dispose())
  lifetime.onStop(
    service.subscribe((event) => {
      if (event.name === 'state:changed') {
        text = shellText(event.payload.settings.locale, systemLocale)
        refreshTray()
      }
      digest.observe(event)
    }),
  )

  app.on('second-instance', () => revealWindow(window))
  app.on('activate', () => revealWindow(window))
  log.info('desktop shell started', { renderer: location.kind, packaged: app.isPackaged })
}

/**
 * Closing the window hides it; the tray, a second launch or the dock brings it back. Where a Linux
 * desktop shows no tray icons, a second launch is the way back.
 */
function keepInTray(window: BrowserWindow, isQuitting: () => boolean): void {
  window.on('close', (event) => {
    if (isQuitting()) return
    event.preventDefault()
    window.hide()
  })
}

/**
 * Holds the first quit until `shutdown` finished, then quits for real. Returns whether a quit is
 * under way, which lets the window close instead of hiding.
 */
function handleQuit(shutdown: () => Promise<void>): () => boolean {
  let phase: 'running' | 'closing' | 'closed' = 'running'
  app.on('before-quit', (event) => {
    if (phase === 'closed') return
    event.preventDefault()
    if (phase === 'closing') return

    phase = 'closing'
    log.info('quitting')
    void shutdown().finally(() => {
      phase = 'closed'
      app.quit()
    })
  })
  return () => phase !== 'running'
}

async function closeService(service: ShellService): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), CLOSE_TIMEOUT_MS)
  })
  try {
    const outcome = await Promise.race([service.close().then(() => 'closed' as const), timeout])
    if (outcome === 'timeout') log.warn('service did not close in time', { ms: CLOSE_TIMEOUT_MS })
  } catch (error) {
    log.error('service failed to close', errorFields(error))
  } finally {
    clearTimeout(timer)
  }
}

/** The app state at start, for the tray's language and the inbox size notifications count from. */
async function appState(service: ShellService): Promise<AppState | null> {
  const answer = await service.invoke('app:state', {})
  if (answer.ok) return answer.value as AppState
  log.warn('app state unavailable at start', { code: answer.error.code })
  return null
}

async function failStart(error: unknown): Promise<void> {
  log.error('service failed to open', errorFields(error))
  await app.whenReady()
  dialog.showErrorBox(
    shellText(null, app.getLocale()).startFailed,
    error instanceof Error ? error.message : String(error),
  )
  app.exit(1)
}
