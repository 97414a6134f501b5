/**
 * The one-click retrain: one job at a time, in the training worker, with its progress and outcome
 * sent as events. The new model replaces the active one only if it scores at least as well on
 * its held-out documents, or if the categories changed (the old model cannot name a new one).
 */
import type { EpochPoint, TrainingOutcome, TrainingView } from '../../shared/api'
import { AppError, isAppError, type SerializedError } from '../../shared/errors'
import type { TrainingProgress } from '../../shared/types'
import type { Docsort } from '../app/docsort'
import type { ModelRecord } from '../library/models'
import type { Logger } from '../log/logger'
import type { TrainedModel } from '../train/training-client'
import type { EventBus } from './event-bus'
import { modelView } from './views'

// Held-out accuracy moves by a fraction of a point between runs on the same data; a new model
// within this margin of the active one counts as "as good", so retraining is not blocked by noise.
const ACCURACY_TOLERANCE = 0.005
// Batch progress arrives hundreds of times a second on small data; the UI needs a few per second.
const PROGRESS_INTERVAL_MS = 100

export class TrainingJob {
  private controller: AbortController | undefined
  private last: TrainingProgress | null = null
  private running: Promise<void> | undefined

  constructor(
    private readonly app: Docsort,
    private readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly onFinished: () => void,
  ) {}

  view(): TrainingView {
    return { running: this.controller !== undefined, progress: this.last }
  }

  /** Starts a retrain in the background; throws `train/busy` when one is running. */
  start(): void {
    if (this.controller) throw new AppError('train/busy', 'A training is already running')
    const controller = new AbortController()
    this.controller = controller
    this.last = null
    this.running = this.run(controller.signal)
  }

  cancel(): void {
    this.controller?.abort()
  }

  /** Resolves when the running job, if any, has ended. */
  async settled(): Promise<void> {
    await this.running
  }

  private async run(signal: AbortSignal): Promise<void> {
    const ended = await this.train(signal)
    // Not running any more by the time anyone hears how it ended.
    this.controller = undefined
    if (ended.ok) this.bus.emit('training:finished', ended.outcome)
    else this.bus.emit('training:failed', ended.error)
    this.onFinished()
  }

  private async train(
    signal: AbortSignal,
  ): Promise<{ ok: true; outcome: TrainingOutcome } | { ok: false; error: SerializedError }> {
    const curve: EpochPoint[] = []
    let sentAt = 0
    try {
      const previous = this.app.library.activeModel()?.version ?? null
      const trained = await this.app.train({
        signal,
        onProgress: (progress) => {
          this.last = progress
          if (progress.phase === 'evaluating') curve.push(epochPoint(progress))
          const now = Date.now()
          if (progress.phase !== 'training' || now - sentAt >= PROGRESS_INTERVAL_MS) {
            sentAt = now
            this.bus.emit('training:progressed', progress)
          }
        },
        shouldActivate,
        details: (candidate) => ({
          curve,
          backend: candidate.metadata.training.backend,
          documents:
            candidate.metadata.training.documents + candidate.metadata.training.validationDocuments,
        }),
      })
      const record = this.app.library
        .listModels()
        .find((m) => m.version === trained.metadata.version)
      if (!record) throw new AppError('model/not-found', 'The new model was not recorded')
      return {
        ok: true,
        outcome: { model: modelView(record), activated: trained.activated, previous },
      }
    } catch (error) {
      const appError = isAppError(error)
        ? error
        : new AppError('train/failed', `Training failed: ${String(error)}`, { cause: error })
      this.logger.warn('training ended without a model', { code: appError.code })
      return { ok: false, error: appError.toJSON() }
    }
  }
}

export function shouldActivate(candidate: TrainedModel, active: ModelRecord | undefined): boolean {
  if (!active) return true
  const labels = new Set(candidate.metadata.labels)
  if (labels.size !== active.labels.length || active.labels.some((l) => !labels.has(l))) {
    return true
  }
  const now = candidate.validation?.accuracy
  const before = active.metrics?.accuracy
  if (now === undefined || before === undefined) return true
  return now >= before - ACCURACY_TOLERANCE
}

function epochPoint(progress: TrainingProgress): EpochPoint {
  return {
    epoch: progress.epoch,
    loss: progress.loss ?? 0,
    accuracy: progress.accuracy ?? 0,
    valLoss: progress.valLoss,
    valAccuracy: progress.valAccuracy,
  }
}
