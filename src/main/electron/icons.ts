/**
 * The app's images under resources/icons, packaged beside out/. A missing file gives an empty
 * image, which Electron shows as a blank icon rather than failing, so it is logged here.
 */
import { join } from 'node:path'
import { nativeImage, type NativeImage } from 'electron'
import { createLogger } from '../log/logger'

const log = createLogger('window')

export function appIcon(appPath: string): NativeImage {
  return load(appPath, 'icon.png')
}

/**
 * macOS wants a black template image that it tints for light and dark menu bars; Linux panels are
 * about 22 to 32 px tall; Windows draws tray icons at 16 px. Each file has an @2x sibling that
 * nativeImage picks up for high-density screens.
 */
export function trayIcon(appPath: string): NativeImage {
  if (process.platform === 'darwin') return load(appPath, 'trayTemplate.png')
  return load(appPath, process.platform === 'win32' ? 'tray-16.png' : 'tray-32.png')
}

function load(appPath: string, name: string): NativeImage {
  const file = join(appPath, 'resources', 'icons', name)
  const image = nativeImage.createFromPath(file)
  if (image.isEmpty()) log.warn('icon missing', { file })
  return image
}
