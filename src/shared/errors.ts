/**
 * The one error type that crosses module and process boundaries. Codes form a closed union so
 * that the UI and the CLI can map every failure to text without string matching.
 */
export const ERROR_CODES = [
  'extract/not-found',
  'extract/unsupported',
  'extract/encrypted',
  'extract/corrupt',
  'extract/empty',
  'extract/no-text',
  'extract/too-large',
  'extract/timeout',
  'extract/out-of-memory',
  /** Reading failed for a reason outside the file's content: permissions, I/O, a crashed worker. */
  'extract/failed',
  'model/not-found',
  'model/incompatible',
  'model/not-trained',
  'train/not-enough-data',
  'train/failed',
  'train/cancelled',
  /** A training job is already running; one at a time. */
  'train/busy',
  'library/corrupt',
  'library/newer-version',
  'library/not-found',
  'library/category-exists',
  'library/category-not-found',
  'library/suggestion-not-found',
  'sort/target-exists',
  'sort/source-missing',
  'sort/destination-unavailable',
  'sort/io-failed',
  'sort/nothing-to-undo',
  'sort/undo-blocked',
  'input/invalid',
  /** A path from the UI outside the configured folders, or one that is not plainly written. */
  'input/path-refused',
  /** The request needs the desktop shell (a native dialog, opening a file) and this is not it. */
  'input/unavailable',
  /** A failure inside Docsort itself, not caused by the input; details are in the log. */
  'app/failed',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface SerializedError {
  code: ErrorCode
  message: string
  path?: string
}

export class AppError extends Error {
  override readonly name = 'AppError'
  readonly code: ErrorCode
  readonly path: string | undefined

  constructor(code: ErrorCode, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.code = code
    this.path = options.path
  }

  toJSON(): SerializedError {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path }
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}

/** Rebuilds an AppError from its serialized form, e.g. after a worker or IPC hop. */
export function fromSerialized(error: SerializedError): AppError {
  return new AppError(
    error.code,
    error.message,
    error.path === undefined ? {} : { path: error.path },
  )
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`)
}
