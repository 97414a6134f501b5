/**
 * The training job as the UI sees it, app-wide so that progress keeps arriving while another screen
 * is open. Events override the app snapshot until the next `state:changed`, whichever came last.
 */
import type { TrainingOutcome, TrainingView } from '../../../../shared/api'
import type { SerializedError } from '../../../../shared/errors'
import { trainingProgress } from '../../../../shared/training-progress'
import type { AppStore } from '../../lib/app-state.svelte'
import type { DocsortClient } from '../../lib/client/docsort-client'
import { advanceFraction, trainingFraction } from './training-fraction'

const IDLE: TrainingView = { running: false, progress: null }

/** Shown between the click and the job's first event, so the bar appears at once. */
const PREPARING = trainingProgress({ phase: 'preparing' })

export class TrainingStore {
  outcome: TrainingOutcome | null = $state.raw(null)
  failure: SerializedError | null = $state.raw(null)
  requestError: unknown = $state.raw(null)
  busy = $state(false)
  #live: TrainingView | null = $state.raw(null)
  /** The furthest the running job's bar got, so that it only moves forward. */
  #peak = $state(0)
  readonly #client: DocsortClient
  readonly view: TrainingView
  readonly running: boolean
  /** 0..1 across all phases, for one progress bar. */
  readonly fraction: number

  constructor(client: DocsortClient, app: AppStore) {
    this.#client = client
    this.view = $derived(this.#live ?? app.state?.training ?? IDLE)
    this.running = $derived(this.view.running)
    this.fraction = $derived(
      this.running
        ? Math.max(this.#peak, trainingFraction(this.view.progress))
        : trainingFraction(this.view.progress),
    )
  }

  connect(): () => void {
    const offs = [
      this.#client.on('state:changed', () => {
        this.#live = null
      }),
      // Running until the outcome arrives: the worker reports saving after the trainer's done.
      this.#client.on('training:progressed', (progress) => {
        this.#live = { running: true, progress }
        this.#peak = advanceFraction(this.#peak, progress)
      }),
      this.#client.on('training:finished', (outcome) => {
        this.#live = { running: false, progress: this.view.progress }
        this.outcome = outcome
        this.failure = null
      }),
      this.#client.on('training:failed', (error) => {
        this.#live = { running: false, progress: this.view.progress }
        this.failure = error
      }),
    ]
    return () => offs.forEach((off) => off())
  }

  retrain = async (): Promise<void> => {
    const before = this.#live
    this.outcome = null
    this.failure = null
    // Before the request, not after: the job's first events can arrive before its answer.
    this.#live = { running: true, progress: PREPARING }
    this.#peak = 0
    const started = await this.#run(() => this.#client.request('model:retrain', {}))
    if (!started) this.#live = before
  }

  cancel = async (): Promise<void> => {
    await this.#run(() => this.#client.request('model:cancel', {}))
  }

  /** False when the request failed; the failure is in requestError. */
  async #run(action: () => Promise<unknown>): Promise<boolean> {
    this.busy = true
    this.requestError = null
    try {
      await action()
      return true
    } catch (failure) {
      this.requestError = failure
      return false
    } finally {
      this.busy = false
    }
  }
}
