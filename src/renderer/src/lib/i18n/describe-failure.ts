import type { ErrorCode, SerializedError } from '../../../../shared/errors'
import { isErrorCode } from '../../../../shared/errors'
import { isApiError, isConnectionError } from '../client/api-error'
import type { Translator } from './translator'

/** A failure in words: the localized summary, and the server's own reason where it adds one. */
export interface FailureText {
  summary: string
  /** The server's message (English) for codes whose localized text cannot name the reason. */
  detail: string | null
}

/**
 * Codes whose localized sentence is a summary: one code covers many reasons (a missing folder, a
 * relative path, a crashed worker), and only the server's message says which one it was.
 */
const DETAILED: ReadonlySet<ErrorCode> = new Set([
  'input/invalid',
  'input/path-refused',
  'extract/failed',
  'sort/io-failed',
  'train/failed',
])

/** Whatever a request threw, or an error a result carried, as a summary and its detail. */
export function explainFailure(translator: Translator, failure: unknown): FailureText {
  if (isApiError(failure)) return explainError(translator, failure.error)
  if (isSerializedError(failure)) return explainError(translator, failure)
  if (isConnectionError(failure)) {
    const key = failure.unauthorized ? 'error.unauthorized' : 'error.connection'
    return { summary: translator.t(key), detail: null }
  }
  const message = failure instanceof Error ? failure.message : String(failure)
  return { summary: translator.t('error.unexpected', { message }), detail: null }
}

/** The same as one sentence (or two), for a toast or a line of text. */
export function describeFailure(translator: Translator, failure: unknown): string {
  const { summary, detail } = explainFailure(translator, failure)
  if (detail === null) return summary
  // Chinese full stops carry their own spacing; a Latin sentence needs a space after the stop.
  return /[。！？：]$/.test(summary) ? `${summary}${detail}` : `${summary} ${detail}`
}

function explainError(translator: Translator, error: SerializedError): FailureText {
  const summary = translator.error(error)
  const message = error.message.trim()
  if (!DETAILED.has(error.code) || message === '' || saysTheSame(summary, message)) {
    return { summary, detail: null }
  }
  return { summary, detail: /[.!?]$/.test(message) ? message : `${message}.` }
}

/** True when the localized sentence already contains the server's words, as English ones can. */
function saysTheSame(summary: string, message: string): boolean {
  const words = (text: string): string =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  return words(summary).includes(words(message))
}

function isSerializedError(value: unknown): value is SerializedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    isErrorCode(value.code) &&
    'message' in value &&
    typeof value.message === 'string'
  )
}
