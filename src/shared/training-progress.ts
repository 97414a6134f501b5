/** Builds TrainingProgress records for the trainer, its worker and the window alike. */
import type { TrainingProgress } from './types'

/** A progress record with the fields not given left at zero or null. */
export function trainingProgress(
  partial: Partial<TrainingProgress> & Pick<TrainingProgress, 'phase'>,
): TrainingProgress {
  return {
    epoch: 0,
    epochs: 0,
    batch: 0,
    batches: 0,
    loss: null,
    accuracy: null,
    valLoss: null,
    valAccuracy: null,
    ...partial,
  }
}
