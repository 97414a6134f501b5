/**
 * Runs training in a worker thread and turns its messages into a promise plus progress
 * callbacks. If the worker dies (out of memory, crash) the promise rejects with `train/failed`
 * instead of waiting forever.
 */
import { Worker } from 'node:worker_threads'
import { AppError, fromSerialized } from '../../shared/errors'
import type { ModelMetadata } from '../../shared/model-metadata'
import type { EvaluationMetrics, TrainingProgress } from '../../shared/types'
import { createLogger } from '../log/logger'
import type { FromTrainingWorker, SerializableTrainingOptions, ToTrainingWorker } from './messages'
import type { TrainingExample } from './trainer'
import workerPath from './train-worker?modulePath'

export interface TrainedModel {
  modelDir: string
  metadata: ModelMetadata
  validation: EvaluationMetrics | null
}

export interface TrainInWorkerOptions extends SerializableTrainingOptions {
  onProgress?: (progress: TrainingProgress) => void
  signal?: AbortSignal
  /** Heap cap of the worker in MB. */
  maxHeapMb?: number
}

const log = createLogger('train')

export function trainInWorker(
  examples: TrainingExample[],
  modelDir: string,
  options: TrainInWorkerOptions = {},
): Promise<TrainedModel> {
  const { onProgress, signal, maxHeapMb, ...serializable } = options
  const worker = new Worker(workerPath, {
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb ?? 4096 },
  })
  const send = (message: ToTrainingWorker): void => worker.postMessage(message)

  return new Promise<TrainedModel>((resolve, reject) => {
    let settled = false
    const finish = (action: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', cancel)
      action()
      void worker.terminate()
    }
    const cancel = (): void => send({ type: 'cancel' })
    signal?.addEventListener('abort', cancel)

    worker.on('message', (message: FromTrainingWorker) => {
      switch (message.type) {
        case 'progress':
          onProgress?.(message.progress)
          return
        case 'log': {
          const { record } = message
          log[record.level](record.msg, record.fields)
          return
        }
        case 'done':
          finish(() =>
            resolve({
              modelDir: message.modelDir,
              metadata: message.metadata,
              validation: message.validation,
            }),
          )
          return
        case 'failed':
          finish(() => reject(fromSerialized(message.error)))
          return
      }
    })
    worker.on('error', (error: Error) =>
      finish(() =>
        reject(
          new AppError('train/failed', `The training worker crashed: ${error.message}`, {
            cause: error,
          }),
        ),
      ),
    )
    worker.on('exit', (code) =>
      finish(() =>
        reject(
          new AppError('train/failed', `The training worker exited unexpectedly (code ${code})`),
        ),
      ),
    )
    send({ type: 'train', examples, options: serializable, modelDir })
  })
}
