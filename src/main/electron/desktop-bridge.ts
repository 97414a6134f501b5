/**
 * What only the desktop can do for the service: a native folder picker, opening and showing files.
 */
import { BrowserWindow, dialog, shell } from 'electron'
import { AppError } from '../../shared/errors'
import type { DesktopBridge } from '../api/host'
import { setStartAtLogin } from './start-at-login'

export function createDesktopBridge(): DesktopBridge {
  return {
    async pickFolder() {
      const options: Electron.OpenDialogOptions = {
        properties: ['openDirectory', 'createDirectory'],
      }
      // Parented to the window the user is looking at, so that the dialog is modal to it.
      const parent = BrowserWindow.getFocusedWindow()
      const picked = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options)
      return picked.canceled ? null : (picked.filePaths[0] ?? null)
    },

    async openPath(path) {
      // shell.openPath resolves with an error message rather than rejecting; '' means it opened.
      const failure = await shell.openPath(path)
      if (failure !== '') {
        throw new AppError('input/unavailable', `Could not open ${path}: ${failure}`, { path })
      }
    },

    revealPath(path) {
      shell.showItemInFolder(path)
    },

    setStartAtLogin,
  }
}
