import type { TrainingProgress } from '../../../../shared/types'

/**
 * How far a training run is, 0..1, for one progress bar across its phases. Preparing and the
 * steps after the last epoch are short next to training, so they get the first and last 5 %.
 */
export function trainingFraction(progress: TrainingProgress | null): number {
  if (!progress) return 0
  switch (progress.phase) {
    case 'preparing':
      return 0
    case 'training': {
      if (progress.epochs <= 0) return 0.05
      const batchShare = progress.batches > 0 ? progress.batch / progress.batches : 0
      const epochs = Math.max(0, progress.epoch - 1) + Math.min(1, batchShare)
      return 0.05 + 0.9 * Math.min(1, epochs / progress.epochs)
    }
    case 'evaluating':
      return 0.96
    case 'saving':
      return 0.98
    case 'done':
      return 1
  }
}
