/**
 * The Electron shell: one window with a sandboxed renderer, and the typed request handlers. The
 * only module that imports `electron`.
 */
import { join } from 'node:path'
import { app, BrowserWindow, ipcMain } from 'electron'
import { AppError, isAppError } from '../../shared/errors'
import { REQUEST_NAMES, type Envelope, type RequestName, type Requests } from '../../shared/api'
import type { Docsort } from '../app/docsort'
import { libraryStatus } from '../app/library-status'

type Handlers = {
  [N in RequestName]: (params: Requests[N]['params']) => Promise<Requests[N]['result']>
}

export async function runShell(docsort: Docsort): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  const handlers: Handlers = {
    'library:status': () => Promise.resolve(libraryStatus(docsort)),
  }
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(name, async (_event, params: unknown): Promise<Envelope<unknown>> => {
      try {
        return { ok: true, value: await handlers[name](params as Requests[typeof name]['params']) }
      } catch (error) {
        const appError = isAppError(error) ? error : new AppError('input/invalid', String(error))
        return { ok: false, error: appError.toJSON() }
      }
    })
  }

  await app.whenReady()
  const window = new BrowserWindow({
    width: 1100,
    height: 720,
    title: 'Docsort',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.mjs'),
      contextIsolation: true,
      sandbox: false,
      nodeIntegration: false,
    },
  })
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  await window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  app.on('window-all-closed', () => {
    void docsort.close().then(() => app.quit())
  })
}
