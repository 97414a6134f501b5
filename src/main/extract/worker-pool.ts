/**
 * A fixed-size pool of worker_threads workers that run one job at a time each. It owns the
 * limits a job must stay within (time, V8 heap, process memory) and replaces a worker that broke
 * one; it knows nothing about what the jobs do. The worker side is `serveJobs` in pool-worker.ts.
 */
import { Worker } from 'node:worker_threads'
import { fromSerialized } from '../../shared/errors'
import type { FromWorkerMessage, ToWorkerMessage } from './pool-worker'

export type WorkerFailureKind = 'timeout' | 'out-of-memory' | 'crashed' | 'closed'

/** Why a job got no answer from its worker. Errors the job itself reported arrive as AppError. */
export class WorkerFailure extends Error {
  override readonly name = 'WorkerFailure'
  readonly kind: WorkerFailureKind

  constructor(kind: WorkerFailureKind, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause })
    this.kind = kind
  }
}

export interface WorkerPoolOptions {
  /** Path of the worker entry, as an electron-vite `?modulePath` import gives it. */
  workerPath: string
  /** Number of workers; each runs one job at a time. */
  size: number
  /** Per job, counted from when the worker is ready to take it (module loading excluded). */
  timeoutMs: number
  /** V8 old-generation cap of each worker (`resourceLimits.maxOldGenerationSizeMb`). */
  maxHeapMb: number
  /**
   * Growth of the whole process's RSS since a job started that is tolerated while it runs.
   * Buffers outside the V8 heap (typed arrays, inflated streams) are not covered by `maxHeapMb`,
   * so this is the only cap on them. RSS is process-wide: size this for all workers together.
   * It bounds one job, not a series: memory the allocator keeps after an ended worker is reused
   * by the next job without RSS moving, so each further runaway job can add up to this again.
   */
  maxRssGrowthMb: number
  /** How often RSS is sampled while any job runs. */
  rssSampleMs?: number
  workerData?: unknown
}

interface QueuedJob<TJob, TResult> {
  id: number
  job: TJob
  resolve: (value: TResult) => void
  reject: (reason: unknown) => void
}

interface RunningJob<TJob, TResult> extends QueuedJob<TJob, TResult> {
  timer: NodeJS.Timeout
  rssAtStart: number
  /** Process RSS in bytes above which this job's worker is ended. */
  rssCeiling: number
}

interface Slot<TJob, TResult> {
  worker: Worker
  /** Set when the worker has loaded its modules and said so. */
  ready: boolean
  running: RunningJob<TJob, TResult> | null
  /** Set once the worker is terminated or gone; its late events are ignored. */
  retired: boolean
}

const MIB = 1024 * 1024
/** A worker that has not loaded its modules by then is treated as hung (at least this long). */
const MIN_STARTUP_TIMEOUT_MS = 30_000

export class WorkerPool<TJob, TResult> {
  readonly #options: Required<Omit<WorkerPoolOptions, 'workerData'>> & { workerData: unknown }
  readonly #slots = new Set<Slot<TJob, TResult>>()
  readonly #queue: QueuedJob<TJob, TResult>[] = []
  #nextId = 1
  #closed = false
  #watchdog: NodeJS.Timeout | null = null

  constructor(options: WorkerPoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) {
      throw new RangeError(`Worker pool size must be a positive integer, got ${options.size}`)
    }
    this.#options = { rssSampleMs: 200, workerData: undefined, ...options }
  }

  run(job: TJob): Promise<TResult> {
    if (this.#closed) {
      return Promise.reject(new WorkerFailure('closed', 'The worker pool is closed'))
    }
    return new Promise<TResult>((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, job, resolve, reject })
      this.#dispatch()
    })
  }

  /** Rejects queued and running jobs with a `closed` failure and terminates every worker. */
  async close(): Promise<void> {
    this.#closed = true
    this.#stopWatchdog()
    for (const queued of this.#queue.splice(0)) {
      queued.reject(new WorkerFailure('closed', 'The worker pool was closed before the job ran'))
    }
    const exits: Promise<number>[] = []
    for (const slot of this.#slots) {
      exits.push(slot.worker.terminate())
      this.#retire(slot, new WorkerFailure('closed', 'The worker pool was closed during the job'))
    }
    await Promise.all(exits)
  }

  #dispatch(): void {
    while (!this.#closed) {
      const queued = this.#queue[0]
      if (queued === undefined) break
      let slot = this.#idleSlot()
      if (slot === null) {
        if (this.#slots.size >= this.#options.size) break
        try {
          slot = this.#spawn()
        } catch (error) {
          this.#queue.shift()
          const reason = error instanceof Error ? error.message : String(error)
          queued.reject(new WorkerFailure('crashed', `The worker could not start: ${reason}`))
          continue
        }
      }
      this.#queue.shift()
      this.#start(slot, queued)
    }
    this.#updateWatchdog()
  }

  #idleSlot(): Slot<TJob, TResult> | null {
    for (const slot of this.#slots) if (slot.running === null) return slot
    return null
  }

  #spawn(): Slot<TJob, TResult> {
    const worker = new Worker(this.#options.workerPath, {
      workerData: this.#options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.#options.maxHeapMb },
    })
    const slot: Slot<TJob, TResult> = { worker, ready: false, running: null, retired: false }
    worker.on('message', (message: FromWorkerMessage<TResult>) => this.#onMessage(slot, message))
    worker.on('error', (error: Error) => {
      const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY'
      this.#fail(slot, outOfMemory ? 'out-of-memory' : 'crashed', error.message, error)
    })
    worker.on('messageerror', (error: Error) => {
      this.#fail(slot, 'crashed', `The worker sent a message that could not be read`, error)
    })
    worker.on('exit', (code: number) => {
      this.#fail(slot, 'crashed', `The worker exited unexpectedly with code ${code}`)
    })
    this.#slots.add(slot)
    return slot
  }

  #start(slot: Slot<TJob, TResult>, queued: QueuedJob<TJob, TResult>): void {
    const rssAtStart = process.memoryUsage.rss()
    const timer = this.#armTimer(slot)
    const rssCeiling = rssAtStart + this.#options.maxRssGrowthMb * MIB
    const running = { ...queued, timer, rssAtStart, rssCeiling }
    slot.running = running
    // An idle worker is unref'd so that a caller who forgets close() does not keep Node alive.
    slot.worker.ref()
    try {
      slot.worker.postMessage({
        type: 'job',
        id: queued.id,
        job: queued.job,
      } satisfies ToWorkerMessage<TJob>)
    } catch (error) {
      clearTimeout(running.timer)
      slot.running = null
      slot.worker.unref()
      queued.reject(error)
    }
  }

  /** Until the worker is ready only a generous start-up limit runs; then the job's own. */
  #armTimer(slot: Slot<TJob, TResult>): NodeJS.Timeout {
    const { timeoutMs } = this.#options
    if (!slot.ready) {
      const startupMs = Math.max(timeoutMs, MIN_STARTUP_TIMEOUT_MS)
      return setTimeout(() => {
        this.#fail(slot, 'timeout', `The worker did not start within ${startupMs} ms`)
      }, startupMs)
    }
    return setTimeout(() => {
      this.#fail(slot, 'timeout', `The job took longer than ${timeoutMs} ms`)
    }, timeoutMs)
  }

  #onMessage(slot: Slot<TJob, TResult>, message: FromWorkerMessage<TResult>): void {
    if (slot.retired) return
    if (message.type === 'ready') {
      slot.ready = true
      if (slot.running !== null) {
        clearTimeout(slot.running.timer)
        slot.running.timer = this.#armTimer(slot)
      }
      return
    }

    const running = slot.running
    if (running === null || message.id !== running.id) return
    clearTimeout(running.timer)
    slot.running = null
    slot.worker.unref()
    if (message.ok) running.resolve(message.value)
    else running.reject(fromSerialized(message.error))
    this.#dispatch()
  }

  /** Ends a worker that broke its job (or died idle), rejects that job, lets a new one start. */
  #fail(slot: Slot<TJob, TResult>, kind: WorkerFailureKind, message: string, cause?: unknown) {
    if (slot.retired) return
    this.#retire(slot, new WorkerFailure(kind, message, { cause }))
    void slot.worker.terminate()
    this.#dispatch()
  }

  #retire(slot: Slot<TJob, TResult>, failure: WorkerFailure): void {
    slot.retired = true
    this.#slots.delete(slot)
    const running = slot.running
    slot.running = null
    if (running === null) return
    clearTimeout(running.timer)
    running.reject(failure)
  }

  #updateWatchdog(): void {
    const busy = [...this.#slots].some((slot) => slot.running !== null)
    if (!busy) {
      this.#stopWatchdog()
      return
    }
    if (this.#watchdog !== null) return
    this.#watchdog = setInterval(() => this.#checkMemory(), this.#options.rssSampleMs)
    this.#watchdog.unref()
  }

  #stopWatchdog(): void {
    if (this.#watchdog === null) return
    clearInterval(this.#watchdog)
    this.#watchdog = null
  }

  /**
   * RSS cannot be attributed to one thread, so when a ceiling is passed the job that started
   * lowest (usually the one that started first) is the one ended. With one worker that is exact;
   * with several an innocent job can be hit, which the caller reports like any failure.
   */
  #checkMemory(): void {
    const rss = process.memoryUsage.rss()
    let culprit: { slot: Slot<TJob, TResult>; running: RunningJob<TJob, TResult> } | null = null
    for (const slot of this.#slots) {
      const running = slot.running
      if (running === null || rss <= running.rssCeiling) continue
      if (culprit === null || running.rssAtStart < culprit.running.rssAtStart) {
        culprit = { slot, running }
      }
    }
    if (culprit === null) return
    const grown = Math.round((rss - culprit.running.rssAtStart) / MIB)
    const limit = this.#options.maxRssGrowthMb
    const message = `Process memory grew by ${grown} MiB during the job (allowance ${limit} MiB)`
    this.#fail(culprit.slot, 'out-of-memory', message)
  }
}
