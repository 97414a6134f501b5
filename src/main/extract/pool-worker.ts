/**
 * The worker side of WorkerPool and the messages both sides exchange. A worker entry calls
 * `serveJobs` once with its handler; the pool owns timeouts, memory limits and restarts.
 */
import { parentPort } from 'node:worker_threads'
import { AppError, type SerializedError } from '../../shared/errors'

export type ToWorkerMessage<TJob> = { type: 'job'; id: number; job: TJob }

export type FromWorkerMessage<TResult> =
  | { type: 'ready' }
  | { type: 'done'; id: number; ok: true; value: TResult }
  | { type: 'done'; id: number; ok: false; error: SerializedError }

/**
 * Turns whatever a handler threw into something that can cross the thread boundary. Only an
 * AppError carries a code; anything else is a bug in the worker, so it becomes the fallback.
 */
export type ErrorSerializer<TJob> = (error: unknown, job: TJob) => SerializedError

export function serveJobs<TJob, TResult>(
  handle: (job: TJob) => Promise<TResult>,
  serializeError: ErrorSerializer<TJob>,
): void {
  const port = parentPort
  if (port === null) throw new Error('serveJobs must run inside a worker thread')

  port.on('message', (message: ToWorkerMessage<TJob>) => {
    const { id, job } = message
    handle(job).then(
      (value) => port.postMessage({ type: 'done', id, ok: true, value }),
      (error: unknown) =>
        port.postMessage({ type: 'done', id, ok: false, error: serializeError(error, job) }),
    )
  })
  port.postMessage({ type: 'ready' } satisfies FromWorkerMessage<TResult>)
}

/** An ErrorSerializer that keeps AppErrors and maps anything else to one code and message. */
export function appErrorSerializer<TJob>(
  fallback: (error: unknown, job: TJob) => AppError,
): ErrorSerializer<TJob> {
  return (error, job) => (error instanceof AppError ? error : fallback(error, job)).toJSON()
}
