/**
 * The renderer's two failure kinds: the app answered with an error envelope (ApiError, carrying the
 * SerializedError with its closed code), or the app could not be reached at all (ConnectionError).
 */
import type { RequestName } from '../../../../shared/api'
import type { ErrorCode, SerializedError } from '../../../../shared/errors'

export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly request: RequestName
  readonly error: SerializedError

  constructor(request: RequestName, error: SerializedError) {
    super(`${request} failed: ${error.message}`)
    this.request = request
    this.error = error
  }

  get code(): ErrorCode {
    return this.error.code
  }
}

export class ConnectionError extends Error {
  override readonly name = 'ConnectionError'
  readonly request: RequestName
  /** Docsort answered but refused this page's token: a restarted server has a new one. */
  readonly unauthorized: boolean

  constructor(request: RequestName, cause: unknown) {
    super(`${request} could not reach Docsort: ${describeCause(cause)}`, { cause })
    this.request = request
    this.unauthorized = cause instanceof UnauthorizedError
  }
}

/** Thrown by the HTTP transport when the server refuses the token (HTTP 401). */
export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError'

  constructor() {
    super('The server refused the session token')
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}

export function isConnectionError(value: unknown): value is ConnectionError {
  return value instanceof ConnectionError
}

function describeCause(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause)
}
