import type { TrainingProgress } from '../../../../shared/types'

/** Preparing is short next to training; so are the steps after the last epoch. */
const TRAINING_START = 0.05
const TRAINING_END = 0.95
const SAVING = 0.98

/**
 * How far a training run is, 0..1, for one progress bar across its phases. Preparing gets the
 * first 5 %, the epochs the middle, saving and done the end. The trainer reports `evaluating`
 * after every epoch, not once at the end, so it marks the end of that epoch.
 */
export function trainingFraction(progress: TrainingProgress | null): number {
  if (!progress) return 0
  switch (progress.phase) {
    case 'preparing':
      return 0
    case 'training': {
      const batchShare = progress.batches > 0 ? progress.batch / progress.batches : 0
      return epochSpan(progress, Math.max(0, progress.epoch - 1) + Math.min(1, batchShare))
    }
    case 'evaluating':
      return epochSpan(progress, progress.epoch)
    case 'saving':
      return SAVING
    case 'done':
      return 1
  }
}

/**
 * The bar's next value: never below the last one within a run, as progress events can arrive out
 * of phase order (a run that stops early jumps ahead; saving may follow done). `preparing`
 * starts a new run.
 */
export function advanceFraction(previous: number, progress: TrainingProgress): number {
  const next = trainingFraction(progress)
  return progress.phase === 'preparing' ? next : Math.max(previous, next)
}

/** `epochs` is the number of whole epochs done, fractional within the current one. */
function epochSpan(progress: TrainingProgress, epochs: number): number {
  if (progress.epochs <= 0) return TRAINING_START
  const share = Math.min(1, epochs / progress.epochs)
  return TRAINING_START + (TRAINING_END - TRAINING_START) * share
}
