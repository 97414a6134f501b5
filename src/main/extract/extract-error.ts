import { basename } from 'node:path'
import { AppError, type ErrorCode } from '../../shared/errors'

/**
 * Builds the AppError for a file that could not be read. `reason` continues a sentence that
 * starts with the file's name, e.g. `is encrypted with a password; Docsort cannot read it`.
 */
export function extractError(
  code: ErrorCode,
  path: string,
  reason: string,
  cause?: unknown,
): AppError {
  return new AppError(code, `${basename(path)} ${reason}`, { path, cause })
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
