/**
 * Where log records go: JSON lines to a size-rotated file in the data folder, and readable lines
 * on stderr. Writes are synchronous so that the last records before a crash are on disk.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import type { LogLevel, LogSink } from './logger'

export interface FileSinkOptions {
  file: string
  level?: LogLevel
  maxBytes?: number
  keep?: number
}

export function createFileSink(options: FileSinkOptions): LogSink {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024
  const keep = options.keep ?? 3
  mkdirSync(dirname(options.file), { recursive: true })
  let size = fileSize(options.file)

  const rotate = (): void => {
    rmSync(`${options.file}.${keep}`, { force: true })
    for (let i = keep - 1; i >= 1; i--) {
      renameIfExists(`${options.file}.${i}`, `${options.file}.${i + 1}`)
    }
    renameIfExists(options.file, `${options.file}.1`)
    size = 0
  }

  return {
    level: options.level ?? 'debug',
    write(record) {
      const { time, level, scope, msg } = record
      const line = `${JSON.stringify({ ...record.fields, time, level, scope, msg })}\n`
      if (size + line.length > maxBytes) rotate()
      appendFileSync(options.file, line)
      size += Buffer.byteLength(line)
    },
  }
}

export function createConsoleSink(
  level: LogLevel,
  stream: NodeJS.WritableStream = process.stderr,
): LogSink {
  return {
    level,
    write(record) {
      const fields = Object.entries(record.fields)
        .map(
          ([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
        )
        .join(' ')
      stream.write(
        `${record.level.padEnd(5)} [${record.scope}] ${record.msg}${fields ? ` ${fields}` : ''}\n`,
      )
    },
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

function renameIfExists(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}
