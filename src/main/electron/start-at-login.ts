/** Starting Docsort with the user's session, hidden in the tray, on each platform. */
import { app } from 'electron'
import { createLogger } from '../log/logger'
import { setLinuxAutostart } from './linux-autostart'

const log = createLogger('desktop')

/** Passed by a launch at login: start in the tray without showing the window. */
const HIDDEN_FLAG = '--hidden'

export function setStartAtLogin(enabled: boolean): void {
  // An unpackaged app would register the bare Electron binary, which starts nothing useful.
  if (!app.isPackaged) {
    log.info('start at login applies to the installed app only', { enabled })
    return
  }

  if (process.platform === 'linux') {
    // An AppImage is mounted at a new path each run; APPIMAGE names the file itself.
    setLinuxAutostart(enabled, [process.env.APPIMAGE ?? process.execPath, HIDDEN_FLAG])
  } else {
    // Windows hands args to the login launch; macOS reports wasOpenedAtLogin instead.
    app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_FLAG] })
  }
  log.info('start at login changed', { enabled })
}

export function isLaunchedAtLogin(): boolean {
  if (process.argv.includes(HIDDEN_FLAG)) return true
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin
}
