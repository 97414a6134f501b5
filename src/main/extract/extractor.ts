/**
 * Text extraction service. Each file is read in a worker thread with a time limit and memory caps,
 * so that a hostile or broken file costs one failed extraction and never the process. Every
 * failure is an AppError naming the file; nothing here decides what to do with the file.
 */
import { extname } from 'node:path'
import { AppError, isAppError } from '../../shared/errors'
import type { ExtractedDocument } from '../../shared/types'
import { createLogger, errorFields, type Logger } from '../log/logger'
import { describeError, extractError } from './extract-error'
import type { ExtractJob, ExtractOutcome } from './extract-job'
import workerPath from './extract-worker?modulePath'
import { statForExtraction } from './file-access'
import { WorkerFailure, WorkerPool } from './worker-pool'

export interface ExtractorOptions {
  /** Per file, default 60 000. A file that takes longer fails with `extract/timeout`. */
  timeoutMs?: number
  /** V8 heap cap of each worker, default 512. */
  maxHeapMb?: number
  /** Default 100 MiB; a larger file fails with `extract/too-large` before it is read. */
  maxFileBytes?: number
  /** Text is truncated to this many characters (not an error), default 2 000 000. */
  maxTextChars?: number
  /** Number of worker threads, default 1. */
  concurrency?: number
}

const DEFAULT_OPTIONS: Required<ExtractorOptions> = {
  timeoutMs: 60_000,
  maxHeapMb: 512,
  maxFileBytes: 100 * 1024 * 1024,
  maxTextChars: 2_000_000,
  concurrency: 1,
}

/**
 * Memory outside the V8 heap (typed arrays, inflated streams) is not covered by the heap cap; a
 * worker may grow the process by as much again as its heap cap before it is ended. A PDF with a
 * JBIG2 bomb in its content stream grows RSS by about 100 MB/s with the heap nearly empty, while
 * the largest legitimate growth seen on the test corpus was about 210 MB (an 872-page DOCX).
 */
const RSS_ALLOWANCE_PER_HEAP = 1

const SUPPORTED_EXTENSIONS: ReadonlySet<string> = new Set(['.pdf', '.docx', '.txt', '.md', '.csv'])

/** Whether Docsort tries to read files with this name. The content decides the format later. */
export function isSupportedPath(path: string): boolean {
  return SUPPORTED_EXTENSIONS.has(extname(path).toLowerCase())
}

export class Extractor {
  readonly #options: Required<ExtractorOptions>
  readonly #pool: WorkerPool<ExtractJob, ExtractOutcome>
  readonly #log: Logger
  #closed = false

  constructor(options: ExtractorOptions = {}, logger: Logger = createLogger('extract')) {
    this.#options = validateOptions({ ...DEFAULT_OPTIONS, ...options })
    this.#log = logger
    const { concurrency, maxHeapMb, timeoutMs } = this.#options
    this.#pool = new WorkerPool({
      workerPath,
      size: concurrency,
      timeoutMs,
      maxHeapMb,
      maxRssGrowthMb: RSS_ALLOWANCE_PER_HEAP * maxHeapMb * concurrency,
    })
  }

  async extract(path: string): Promise<ExtractedDocument> {
    const log = this.#log.child({ path })
    const started = performance.now()
    try {
      const outcome = await this.#run(path)
      this.#logOutcome(log, outcome, performance.now() - started)
      return outcome.document
    } catch (error) {
      const failure = this.#toAppError(error, path)
      // A file that vanished between an event and the read is normal for a watched folder.
      if (failure.code === 'extract/not-found') log.debug('file is gone', { code: failure.code })
      else log.error('extraction failed', { code: failure.code, ...errorFields(failure) })
      throw failure
    }
  }

  /** Terminates the workers; extractions still running fail with `extract/failed`. */
  async close(): Promise<void> {
    this.#closed = true
    await this.#pool.close()
  }

  async #run(path: string): Promise<ExtractOutcome> {
    if (this.#closed) {
      throw extractError('extract/failed', path, 'was not read: the extractor is closed')
    }
    const { maxFileBytes, maxTextChars } = this.#options
    // Cheap answers (missing, folder, too large) without waking a worker.
    await statForExtraction(path, maxFileBytes)
    return this.#pool.run({ path, maxFileBytes, maxTextChars })
  }

  #toAppError(error: unknown, path: string): AppError {
    if (isAppError(error)) return error
    if (!(error instanceof WorkerFailure)) {
      return extractError(
        'extract/failed',
        path,
        `could not be read (${describeError(error)})`,
        error,
      )
    }
    switch (error.kind) {
      case 'timeout':
        return extractError(
          'extract/timeout',
          path,
          `took longer than ${formatSeconds(this.#options.timeoutMs)} to read; ` +
            'Docsort stopped reading it',
          error,
        )
      case 'out-of-memory':
        return extractError(
          'extract/out-of-memory',
          path,
          'needs more memory to read than Docsort allows for one file',
          error,
        )
      case 'crashed':
        return extractError(
          'extract/failed',
          path,
          `could not be read: the reader stopped unexpectedly (${error.message})`,
          error,
        )
      case 'closed':
        return extractError('extract/failed', path, 'was not read: the extractor was closed', error)
    }
  }

  #logOutcome(log: Logger, outcome: ExtractOutcome, ms: number): void {
    const { document, notes } = outcome
    if (notes.extensionMismatch) {
      log.info('content is a different format than the extension says', { kind: document.kind })
    }
    if (notes.pdfPagesFailed > 0) {
      log.warn('some PDF pages could not be read', {
        pagesRead: notes.pdfPagesRead,
        pagesFailed: notes.pdfPagesFailed,
      })
    }
    log.debug('extracted', {
      kind: document.kind,
      chars: document.text.length,
      truncated: notes.truncated,
      pages: document.pages,
      pagesRead: notes.pdfPagesRead,
      encoding: document.encoding,
      ms: Math.round(ms),
    })
  }
}

function validateOptions(options: Required<ExtractorOptions>): Required<ExtractorOptions> {
  for (const [name, value] of Object.entries(options)) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new AppError(
        'input/invalid',
        `Extractor option ${name} must be a positive number, got ${value}`,
      )
    }
  }
  if (!Number.isInteger(options.concurrency)) {
    throw new AppError(
      'input/invalid',
      `Extractor option concurrency must be a whole number, got ${options.concurrency}`,
    )
  }
  return options
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`
}
