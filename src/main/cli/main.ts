/**
 * Entry point of the `docsort` command line: parses arguments, sets up logging into the data
 * folder, runs one command and turns errors into a message and an exit code.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import packageJson from '../../../package.json'
import { AppError, isAppError } from '../../shared/errors'
import { Docsort } from '../app/docsort'
import { dataPaths } from '../app/data-dir'
import { configureLogging } from '../log/logger'
import { createConsoleSink, createFileSink } from '../log/sinks'
import {
  classifyCommand,
  correctCommand,
  evalCommand,
  learnCommand,
  sortCommand,
  statusCommand,
  trainCommand,
  undoCommand,
  watchCommand,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './commands'
import { Output } from './output'
import { parsePort, serveCommand } from './serve'

const VERSION = packageJson.version

const USAGE = `Usage: docsort <command> [options]

Commands:
  learn <folder>...        Learn categories from folders: each subfolder is a category
                           (a folder without subfolders is one category)
  train                    Train a model on every learned document
  classify <file>...       Show the predicted category, confidence and runners-up
  correct <category> <file>...
                           Say the files belong to a category; the model uses it at once
  sort <inbox> [--apply]   Plan (or with --apply, make) the moves of an inbox's files
  watch <folder>...        Sort each finished download as it arrives (Ctrl+C stops)
  undo                     Move the files of the last sort back
  eval --test <dir> [--train <dir>]
                           Accuracy, macro precision/recall/F1, per-class table, confusion
  status                   The library, its categories and the active model
  serve [--port <n>] [--allow <folder>]...
                           The desktop UI in a browser on this computer (Ctrl+C stops);
                           --allow names a folder the UI may use (default: your home)
  help                     Show this help

Options:
  --data-dir <dir>         Where the library and models live (default: the OS data folder)
  --threshold <0..1>       Confidence below which a file is left for review
  --epochs <n>             Upper bound on training epochs
  --port <n>               The port serve listens on (default 0: any free port)
  --json                   Print one JSON document instead of text
  --verbose                Log details to the console
  --version                Show the version
  -h, --help               Show this help
`

// electron-vite builds this file to out/main/cli.js and the renderer to out/renderer.
const RENDERER_DIR = join(import.meta.dirname, '../renderer')

const COMMANDS: Record<string, (ctx: CommandContext) => CommandResult> = {
  learn: learnCommand,
  train: trainCommand,
  classify: classifyCommand,
  correct: correctCommand,
  sort: sortCommand,
  watch: watchCommand,
  undo: undoCommand,
  eval: evalCommand,
  status: statusCommand,
}

export async function runCli(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        threshold: { type: 'string' },
        epochs: { type: 'string' },
        train: { type: 'string' },
        test: { type: 'string' },
        port: { type: 'string' },
        allow: { type: 'string', multiple: true },
        apply: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    process.stderr.write(`docsort: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [name, ...rest] = positionals
  if (values.version) {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }
  if (values.help || name === 'help' || name === undefined) {
    process.stdout.write(USAGE)
    return name === undefined && !values.help ? 2 : 0
  }
  const command = COMMANDS[name]
  if (!command && name !== 'serve') {
    process.stderr.write(`docsort: unknown command "${name}"\n\n${USAGE}`)
    return 2
  }

  const out = new Output(values.json)
  const threshold = parseNumber(values.threshold, 0, 1)
  if (threshold === null) {
    out.error('--threshold takes a number from 0 to 1, e.g. --threshold=0.7')
    return 2
  }
  const epochs = parseNumber(values.epochs, 1, 1000)
  if (epochs === null) {
    out.error('--epochs takes a whole number from 1 to 1000')
    return 2
  }
  const port = parsePort(values.port)
  if (port === null) {
    out.error('--port takes a whole number from 0 to 65535 (0 picks a free port)')
    return 2
  }

  const paths = dataPaths(values['data-dir'])
  const notAFolder = existingNonFolder(paths.root)
  if (notAFolder) {
    const error = new AppError('input/invalid', `The data folder ${paths.root} ${notAFolder}`, {
      path: paths.root,
    })
    out.result({ error: error.toJSON() })
    out.error(`${error.message} [${error.code}]`)
    return 1
  }
  // The CLI reports failures itself; the console gets log records only with --verbose.
  configureLogging([
    createFileSink({ file: join(paths.logs, 'docsort.log'), level: 'debug' }),
    ...(values.verbose ? [createConsoleSink('debug')] : []),
  ])

  const controller = new AbortController()
  const stop = (): void => controller.abort()
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  let app: Docsort | undefined
  try {
    // serve opens the application service for the UI, not the CLI's own Docsort.
    if (!command) {
      return await serveCommand({
        out,
        dataDir: paths.root,
        port: port ?? 0,
        allow: values.allow ?? [],
        rendererDir: RENDERER_DIR,
        signal: controller.signal,
      })
    }
    app = await Docsort.open({ dataDir: paths.root })
    const code = await command({
      app,
      out,
      positionals: rest,
      flags: {
        apply: values.apply,
        ...(threshold === undefined ? {} : { threshold }),
        ...(epochs === undefined ? {} : { epochs: Math.round(epochs) }),
        ...(values.train ? { train: values.train } : {}),
        ...(values.test ? { test: values.test } : {}),
      },
      signal: controller.signal,
    })
    return code ?? 0
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(error.message)
      return 2
    }
    if (isAppError(error)) {
      out.result({ error: error.toJSON() })
      out.error(`${error.message} [${error.code}]`)
      return 1
    }
    out.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
    return 1
  } finally {
    await app?.close()
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}

/** Why `path` cannot be a data folder because something else is in the way, else null. */
function existingNonFolder(path: string): string | null {
  try {
    return statSync(path).isDirectory() ? null : 'is a file, not a folder'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return 'lies inside a file'
    // Absent (it is created on first use) or unreadable (the open reports that with its reason).
    return null
  }
}

/** undefined when absent, null when present but invalid. */
function parseNumber(
  value: string | undefined,
  min: number,
  max: number,
): number | undefined | null {
  if (value === undefined) return undefined
  const number = Number(value)
  return Number.isFinite(number) && number >= min && number <= max ? number : null
}

// A reader that stops early (`docsort status | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
process.exitCode = await runCli(process.argv.slice(2))
