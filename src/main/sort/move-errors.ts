/** Turns errno failures of the mover into AppErrors whose message says which file and why. */
import { AppError, type ErrorCode } from '../../shared/errors'
import { errnoOf } from './file-ops'

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'the folder does not exist',
  EEXIST: 'a file is in the way',
  EIO: 'an input/output error occurred',
  ECHANGED: 'the file changed while it was being moved',
}

const DESTINATION_UNAVAILABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EEXIST'])

export function reasonOf(error: unknown): string {
  const code = errnoOf(error)
  const reason = code === undefined ? undefined : REASONS[code]
  if (reason !== undefined) return `${reason} (${code})`
  return error instanceof Error ? error.message : String(error)
}

/** A failure while creating or writing in the destination folder. */
export function destinationError(source: string, dir: string, error: unknown): AppError {
  if (error instanceof AppError) return error
  const code = errnoOf(error)
  const appCode: ErrorCode =
    code !== undefined && DESTINATION_UNAVAILABLE.has(code)
      ? 'sort/destination-unavailable'
      : 'sort/io-failed'
  return new AppError(
    appCode,
    `Cannot move "${source}" to "${dir}": ${reasonOf(error)}; the file was left where it was`,
    { path: source, cause: error },
  )
}

/** A failure while reading or removing the source file. */
export function sourceError(source: string, error: unknown): AppError {
  if (error instanceof AppError) return error
  if (errnoOf(error) === 'ENOENT') {
    return new AppError('sort/source-missing', `Cannot move "${source}": the file does not exist`, {
      path: source,
      cause: error,
    })
  }
  return new AppError(
    'sort/io-failed',
    `Cannot move "${source}": ${reasonOf(error)}; the file was left where it was`,
    { path: source, cause: error },
  )
}
