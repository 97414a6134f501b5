/** Messages between the training worker and the thread that started it. */
import type { SerializedError } from '../../shared/errors'
import type { ModelMetadata } from '../../shared/model-metadata'
import type { EvaluationMetrics, TrainingProgress } from '../../shared/types'
import type { LogRecord } from '../log/logger'
import type { TrainingExample, TrainingOptions } from './trainer'

export type SerializableTrainingOptions = Omit<TrainingOptions, 'onProgress' | 'signal'>

export type ToTrainingWorker =
  | {
      type: 'train'
      examples: TrainingExample[]
      options: SerializableTrainingOptions
      /** The model is written to this directory, which must not exist yet. */
      modelDir: string
    }
  | { type: 'cancel' }

export type FromTrainingWorker =
  | { type: 'progress'; progress: TrainingProgress }
  | { type: 'log'; record: LogRecord }
  | {
      type: 'done'
      modelDir: string
      metadata: ModelMetadata
      validation: EvaluationMetrics | null
    }
  | { type: 'failed'; error: SerializedError }
