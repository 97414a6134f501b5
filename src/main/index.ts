/**
 * Composition root of the desktop app: configures logging, then hands the Electron shell a way to
 * open the service with the desktop bridge. DOCSORT_DATA_DIR names another data folder (read by
 * dataPaths); the end-to-end test points it at a temp folder.
 */
import { join } from 'node:path'
import { dataPaths } from './app/data-dir'
import { runShell } from './electron/app-lifecycle'
import { createDesktopBridge } from './electron/desktop-bridge'
import { configureLogging } from './log/logger'
import { createConsoleSink, createFileSink } from './log/sinks'
import { DocsortService } from './service/docsort-service'

const paths = dataPaths()
configureLogging([
  createFileSink({ file: join(paths.logs, 'docsort.log') }),
  createConsoleSink(process.env.NODE_ENV === 'development' ? 'debug' : 'warn'),
])

await runShell({
  profileDir: join(paths.root, 'electron'),
  openService: () => DocsortService.open({ dataDir: paths.root, desktop: createDesktopBridge() }),
})
