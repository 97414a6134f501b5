/**
 * Opening and reading a file for extraction, with the checks that come before any parsing:
 * missing, not a regular file, over the size limit. Used by the Extractor (a cheap stat before a
 * worker is involved) and by the worker (which reads through one handle, so the checks hold).
 */
import { constants, type Stats } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { isAppError, type AppError } from '../../shared/errors'
import { extractError } from './extract-error'

export async function statForExtraction(path: string, maxBytes: number): Promise<Stats> {
  let stats: Stats
  try {
    stats = await stat(path)
  } catch (error) {
    throw fileSystemError(error, path)
  }
  assertReadableFile(stats, path, maxBytes)
  return stats
}

/**
 * Reads the whole file through one handle. O_NONBLOCK keeps open() from waiting forever on a
 * FIFO that appeared since the stat; for regular files it changes nothing.
 */
export async function readForExtraction(path: string, maxBytes: number): Promise<Buffer> {
  let handle
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    throw fileSystemError(error, path)
  }
  try {
    const stats = await handle.stat()
    assertReadableFile(stats, path, maxBytes)
    // The size at open time is what is read: a file still growing is read as it was then.
    const buffer = Buffer.allocUnsafe(stats.size)
    let filled = 0
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return buffer.subarray(0, filled)
  } catch (error) {
    throw isAppError(error) ? error : fileSystemError(error, path)
  } finally {
    await handle.close()
  }
}

function assertReadableFile(stats: Stats, path: string, maxBytes: number): void {
  if (stats.isDirectory()) {
    throw extractError('extract/unsupported', path, 'is a folder, not a document')
  }
  if (!stats.isFile()) {
    throw extractError(
      'extract/unsupported',
      path,
      'is not a regular file (a device, pipe or socket)',
    )
  }
  if (stats.size > maxBytes) {
    throw extractError(
      'extract/too-large',
      path,
      `is ${formatBytes(stats.size)}; Docsort reads files up to ${formatBytes(maxBytes)}`,
    )
  }
}

export function fileSystemError(error: unknown, path: string): AppError {
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return extractError(
        'extract/not-found',
        path,
        'does not exist (it may have been moved or deleted)',
        error,
      )
    case 'EISDIR':
      return extractError('extract/unsupported', path, 'is a folder, not a document', error)
    case 'EACCES':
    case 'EPERM':
      return extractError('extract/failed', path, 'cannot be opened: permission denied', error)
    default:
      return extractError(
        'extract/failed',
        path,
        `could not be read (${String(code ?? error)})`,
        error,
      )
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`
}
