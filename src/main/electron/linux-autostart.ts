/**
 * Start at login on Linux, where Electron's app.setLoginItemSettings does nothing: a desktop entry
 * in the XDG autostart folder, which GNOME, KDE, Xfce and most other desktops read.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { AppError } from '../../shared/errors'

export function setLinuxAutostart(enabled: boolean, command: string[]): void {
  // The XDG spec: an unset, empty or relative XDG_CONFIG_HOME means ~/.config.
  const base = process.env.XDG_CONFIG_HOME
  const folder = join(base && isAbsolute(base) ? base : join(homedir(), '.config'), 'autostart')
  const file = join(folder, 'docsort.desktop')
  try {
    if (enabled) {
      mkdirSync(folder, { recursive: true })
      writeFileSync(file, desktopEntry(command))
    } else {
      rmSync(file, { force: true })
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new AppError('input/unavailable', `Could not change ${file}: ${reason}`, {
      path: file,
      cause: error,
    })
  }
}

function desktopEntry(command: string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Docsort',
    `Exec=${command.map(execArgument).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/**
 * The desktop entry spec quotes an argument and escapes ", `, $ and \ inside the quotes; the
 * string-value escaping then doubles every backslash once more, and % is doubled for Exec.
 * Newline, tab and carriage return become \n, \t and \r, so that no path can end the Exec line
 * and start another key.
 */
function execArgument(arg: string): string {
  const quoted = `"${arg.replace(/[\\"`$]/g, (char) => `\\${char}`)}"`
  return quoted
    .replace(/\\/g, '\\\\')
    .replace(/%/g, '%%')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r')
}
