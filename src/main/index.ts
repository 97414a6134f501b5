/** Composition root of the desktop app: builds the services and hands them to the shell. */
import { join } from 'node:path'
import { Docsort } from './app/docsort'
import { dataPaths } from './app/data-dir'
import { runShell } from './electron/shell'
import { configureLogging } from './log/logger'
import { createConsoleSink, createFileSink } from './log/sinks'

const paths = dataPaths()
configureLogging([
  createFileSink({ file: join(paths.logs, 'docsort.log') }),
  createConsoleSink(process.env.NODE_ENV === 'development' ? 'debug' : 'warn'),
])
await runShell(await Docsort.open({ dataDir: paths.root }))
