/**
 * Turns an untrusted (name, params) pair into a call of the matching handler and its outcome
 * into an envelope. Only AppErrors cross with their code; anything else is logged here and
 * crosses as a generic failure, so no stack or internal message reaches the page.
 */
import type { Envelope, Params, RequestName, Result } from '../../shared/api'
import { AppError, isAppError } from '../../shared/errors'
import type { Logger } from '../log/logger'
import { isRequestName, REQUEST_SCHEMAS } from './schemas'

export type Handlers = { [N in RequestName]: (params: Params<N>) => Promise<Result<N>> }

export async function dispatch(
  handlers: Handlers,
  name: string,
  params: unknown,
  logger: Logger,
): Promise<Envelope<unknown>> {
  try {
    if (!isRequestName(name)) {
      throw new AppError('input/invalid', `Unknown request "${name}"`)
    }
    const parsed = REQUEST_SCHEMAS[name].safeParse(params ?? {})
    if (!parsed.success) {
      const problems = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'params'}: ${issue.message}`)
        .join('; ')
      throw new AppError('input/invalid', `Invalid parameters for "${name}": ${problems}`)
    }
    const handler = handlers[name] as (p: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    if (isAppError(error)) {
      logger.debug('request refused', { request: name, code: error.code })
      return { ok: false, error: error.toJSON() }
    }
    logger.error('request failed', { request: name, error: String(error) })
    return {
      ok: false,
      error: { code: 'app/failed', message: `The request "${name}" failed unexpectedly` },
    }
  }
}
