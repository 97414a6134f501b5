/**
 * Entry point of the training worker thread: trains on the examples it is sent, saves the model
 * and reports progress, log records and the outcome as messages. Training never runs on the
 * thread that serves the UI or the CLI's output.
 */
import { parentPort } from 'node:worker_threads'
import { AppError, isAppError } from '../../shared/errors'
import { initBackend } from '../classify/backend'
import { saveModel } from '../classify/model-store'
import { configureLogging, createLogger } from '../log/logger'
import type { FromTrainingWorker, ToTrainingWorker } from './messages'
import { trainingProgress } from '../../shared/training-progress'
import { trainClassifier } from './trainer'

const port = parentPort
if (!port) throw new Error('train-worker must run in a worker thread')

const post = (message: FromTrainingWorker): void => port.postMessage(message)
configureLogging([{ level: 'debug', write: (record) => post({ type: 'log', record }) }])
const log = createLogger('train')
const controller = new AbortController()

port.on('message', (message: ToTrainingWorker) => {
  switch (message.type) {
    case 'cancel':
      controller.abort()
      return
    case 'train':
      void run(message)
      return
  }
})

async function run(message: Extract<ToTrainingWorker, { type: 'train' }>): Promise<void> {
  try {
    const backend = await initBackend()
    const outcome = await trainClassifier(message.examples, {
      ...message.options,
      backend,
      signal: controller.signal,
      // Done means saved here: the trainer's own 'done' would come before 'saving'.
      onProgress: (progress) => {
        if (progress.phase !== 'done') post({ type: 'progress', progress })
      },
    })
    post({
      type: 'progress',
      progress: trainingProgress({
        phase: 'saving',
        epoch: outcome.history.length,
        epochs: outcome.history.length,
      }),
    })
    const { classifier } = outcome
    const metadata = await saveModel(
      message.modelDir,
      classifier.metadata,
      await classifier.network.weights(),
      classifier.idf,
      classifier.prototypes,
    )
    classifier.dispose()
    log.info('model saved', { dir: message.modelDir, labels: metadata.labels.length })
    post({
      type: 'progress',
      progress: trainingProgress({
        phase: 'done',
        epoch: outcome.history.length,
        epochs: outcome.history.length,
      }),
    })
    post({ type: 'done', modelDir: message.modelDir, metadata, validation: outcome.validation })
  } catch (error) {
    const appError = isAppError(error)
      ? error
      : new AppError(
          'train/failed',
          `Training failed: ${error instanceof Error ? error.message : String(error)}`,
          {
            cause: error,
          },
        )
    post({ type: 'failed', error: appError.toJSON() })
  }
}
