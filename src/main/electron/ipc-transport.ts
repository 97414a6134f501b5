/**
 * Carries the API over Electron IPC: requests on IPC_INVOKE answered by the host, events pushed on
 * IPC_EVENT. Only the main window's own top frame, showing the app's own page, is answered.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { IPC_EVENT, IPC_INVOKE, type Envelope } from '../../shared/api'
import type { ApiHost } from '../api/host'
import { createLogger } from '../log/logger'
import type { RendererLocation } from './renderer-location'

const log = createLogger('ipc')

/** Returns a function that stops both directions. */
export function connectIpc(
  host: ApiHost,
  window: BrowserWindow,
  location: RendererLocation,
): () => void {
  ipcMain.handle(IPC_INVOKE, (event, name: unknown, params: unknown) => {
    if (!isFromAppPage(event, window, location)) {
      log.warn('request from a foreign frame refused', { url: event.senderFrame?.url ?? null })
      return Promise.reject(new Error('Docsort answers only its own window'))
    }
    if (typeof name !== 'string') return Promise.resolve(invalidName(name))
    return host.invoke(name, params)
  })

  const unsubscribe = host.subscribe((message) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT, message)
  })

  return () => {
    ipcMain.removeHandler(IPC_INVOKE)
    unsubscribe()
  }
}

function isFromAppPage(
  event: IpcMainInvokeEvent,
  window: BrowserWindow,
  location: RendererLocation,
): boolean {
  const frame = event.senderFrame
  // senderFrame is null once the frame navigated away or was destroyed.
  return (
    !window.isDestroyed() &&
    event.sender === window.webContents &&
    frame !== null &&
    frame.parent === null &&
    location.isOwnUrl(frame.url)
  )
}

function invalidName(name: unknown): Envelope<never> {
  return {
    ok: false,
    error: { code: 'input/invalid', message: `Expected a request name, got ${typeof name}` },
  }
}
