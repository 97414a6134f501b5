import type { SerializedError } from '../../../../shared/errors'
import { isErrorCode } from '../../../../shared/errors'
import { isApiError, isConnectionError } from '../client/api-error'
import type { Translator } from './translator'

/** Whatever a request threw, or an error a result carried, as one sentence for the user. */
export function describeFailure(translator: Translator, failure: unknown): string {
  if (isApiError(failure)) return translator.error(failure.error)
  if (isSerializedError(failure)) return translator.error(failure)
  if (isConnectionError(failure)) {
    return translator.t(failure.unauthorized ? 'error.unauthorized' : 'error.connection')
  }
  const message = failure instanceof Error ? failure.message : String(failure)
  return translator.t('error.unexpected', { message })
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
