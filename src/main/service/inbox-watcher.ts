/**
 * Runs the watched folders: each finished file is read, classified and either moved at once (at
 * or above the auto-sort threshold) or left in the Inbox as a suggestion. Files arrive on a queue
 * handled one at a time, so a burst of downloads never runs more than the extractor's own pool.
 * It keeps the recent files and their status for the Watching screen. Files that came before any
 * model existed wait, and are classified once one is trained. A file that cannot be read or
 * moved for a passing reason (locked, busy, permissions being set) is retried with backoff for
 * as long as it exists; it is never forgotten.
 */
import { existsSync } from 'node:fs'
import { basename } from 'node:path'
import type { SeenFileView, SeenStatus, SettingsView } from '../../shared/api'
import { AppError, isAppError, type ErrorCode, type SerializedError } from '../../shared/errors'
import type { Docsort } from '../app/docsort'
import type { SortEntry } from '../app/sort-planner'
import type { Logger } from '../log/logger'
import { networkFileSystem } from '../watch/network-fs'
import { FolderWatcher, type FolderWatcherOptions, type WatchedFile } from '../watch/watcher'
import type { EventBus } from './event-bus'
import { moveView } from './views'

const RECENT_LIMIT = 200
// Errors that say nothing about the file's content: the same file may well work a moment later.
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['extract/failed', 'sort/io-failed'])

export interface InboxWatcherOptions {
  /** Passed to each FolderWatcher; tests shorten the stability window. */
  watcher?: Omit<FolderWatcherOptions, 'logger' | 'ignoreInitial'>
  /** Backoff of the retry queue in ms: the first delay, doubled per attempt up to the cap. */
  retry?: { firstMs: number; maxMs: number }
}

const DEFAULT_RETRY = { firstMs: 2_000, maxMs: 5 * 60_000 }

export class InboxWatcher {
  private watchers: FolderWatcher[] = []
  private readonly recent: SeenFileView[] = []
  private readonly waiting = new Set<string>()
  private readonly retries = new Map<string, { attempt: number; timer: NodeJS.Timeout }>()
  private queue: Promise<void> = Promise.resolve()
  private closed = false

  constructor(
    private readonly app: Docsort,
    private readonly bus: EventBus,
    private readonly settings: () => SettingsView,
    private readonly logger: Logger,
    private readonly options: InboxWatcherOptions = {},
  ) {}

  /**
   * Watches exactly `folders` from now on (none while paused); files already there are handled.
   * Folders on network file systems are polled, as no change notification reaches this machine.
   * Category folders inside a watched folder are never watched: their files are already sorted.
   */
  async watch(folders: string[]): Promise<void> {
    await Promise.all(this.watchers.map((w) => w.close()))
    this.watchers = []
    if (folders.length === 0 || this.closed) return
    const local: string[] = []
    const network: string[] = []
    for (const folder of folders) {
      const kind = await networkFileSystem(folder)
      if (kind) this.logger.info('network folder, polling it', { folder, fileSystem: kind })
      ;(kind ? network : local).push(folder)
    }
    for (const [group, usePolling] of [
      [local, false],
      [network, true],
    ] as const) {
      if (group.length === 0) continue
      const watcher = new FolderWatcher(group, {
        ...this.options.watcher,
        usePolling,
        // Polling a share every 100 ms would load the server; once a second is enough for files.
        ...(usePolling ? { interval: Math.max(1000, this.options.watcher?.interval ?? 0) } : {}),
        ignoreInitial: false,
        exclude: () => this.app.library.listCategories().map((c) => c.folder),
        logger: this.logger,
      })
      watcher.on('file', (file) => this.enqueue(file.path, file))
      watcher.on('error', (error) => this.logger.warn('watching failed', { error: error.message }))
      this.watchers.push(watcher)
    }
    await Promise.all(this.watchers.map((w) => w.whenReady()))
    this.logger.info('watching folders', { local: local.length, network: network.length })
  }

  recentFiles(limit: number): SeenFileView[] {
    return this.recent.slice(0, limit)
  }

  /** Classifies the files that arrived before there was a model. */
  retryWaiting(): void {
    const paths = [...this.waiting]
    this.waiting.clear()
    for (const path of paths) this.enqueue(path)
  }

  /** Paths waiting in the retry queue, with the attempts made so far. */
  retrying(): { path: string; attempts: number }[] {
    return [...this.retries].map(([path, r]) => ({ path, attempts: r.attempt }))
  }

  async close(): Promise<void> {
    this.closed = true
    for (const retry of this.retries.values()) clearTimeout(retry.timer)
    this.retries.clear()
    await Promise.all(this.watchers.map((w) => w.close()))
    this.watchers = []
    await this.queue
  }

  private enqueue(path: string, file?: WatchedFile): void {
    if (this.isKnown(path, file)) return
    this.note(path, 'queued')
    this.queue = this.queue
      .then(() => (this.closed ? undefined : this.handle(path)))
      .catch((error: unknown) => {
        this.logger.error('file not handled', { file: basename(path), error: String(error) })
        this.note(path, 'failed', { error: toSerialized(error, path) })
      })
  }

  /** A file already classified with the same size and mtime is not classified again. */
  private isKnown(path: string, file: WatchedFile | undefined): boolean {
    if (!file) return false
    const known = this.app.library.getDocumentByPath(path)
    return (
      known !== undefined &&
      known.size === file.size &&
      known.mtimeMs === file.mtimeMs &&
      ['suggested', 'unsure', 'skipped', 'failed'].includes(known.status)
    )
  }

  private async handle(path: string): Promise<void> {
    if (!this.app.library.activeModel()) {
      this.waiting.add(path)
      this.note(path, 'queued', { error: notTrained() })
      return
    }
    this.note(path, 'reading')
    const [entry] = await this.app.planFiles([path])
    if (!entry) return
    if (entry.error?.code === 'extract/not-found') {
      // Moved or deleted since it was queued: a later event already said what became of it.
      this.logger.debug('file gone before it was handled', { file: basename(path) })
      this.forgetRetry(path)
      return
    }
    if (entry.error && TRANSIENT.has(entry.error.code)) {
      this.retryLater(path, entry.error)
      return
    }
    this.forgetRetry(path)
    if (entry.error) {
      this.note(path, 'failed', { error: entry.error })
      this.bus.emit('inbox:changed', { count: this.app.library.countSuggestions('pending') })
      return
    }
    if (this.shouldMoveAlone(entry)) {
      await this.moveAlone(entry)
      return
    }
    this.note(path, 'suggested')
    this.bus.emit('inbox:changed', { count: this.app.library.countSuggestions('pending') })
  }

  private shouldMoveAlone(entry: SortEntry): boolean {
    const threshold = this.settings().autoSortThreshold
    return entry.category !== null && threshold < 1 && (entry.confidence ?? 0) >= threshold
  }

  private async moveAlone(entry: SortEntry): Promise<void> {
    const [result] = await this.app.applySort([entry], undefined, { automatic: true })
    if (result?.error && TRANSIENT.has(result.error.code)) {
      this.retryLater(entry.path, result.error)
      return
    }
    if (!result || result.error) {
      this.note(entry.path, 'failed', { error: result?.error ?? null })
      return
    }
    if (result.duplicateOf) {
      this.note(entry.path, 'duplicate', { movedTo: result.duplicateOf })
      return
    }
    this.note(entry.path, 'moved', { movedTo: result.movedTo })
    const [row] = this.app.library.desk.history(1)
    if (row) this.bus.emit('file:moved', moveView(row, this.app.library))
    this.bus.emit('history:changed', { latest: row?.id ?? null })
  }

  private retryLater(path: string, error: SerializedError): void {
    const { firstMs, maxMs } = this.options.retry ?? DEFAULT_RETRY
    const attempt = (this.retries.get(path)?.attempt ?? 0) + 1
    const delay = Math.min(maxMs, firstMs * 2 ** (attempt - 1))
    const timer = setTimeout(() => {
      if (!existsSync(path)) {
        this.logger.debug('file gone before its retry', { file: basename(path) })
        this.retries.delete(path)
        return
      }
      this.enqueue(path)
    }, delay)
    this.retries.set(path, { attempt, timer })
    this.logger.info('file busy, retrying later', { file: basename(path), attempt, delay })
    this.note(path, 'queued', { error })
  }

  private forgetRetry(path: string): void {
    clearTimeout(this.retries.get(path)?.timer)
    this.retries.delete(path)
  }

  /** Records what became of a file, for the recent list and the `file:seen` event. */
  note(
    path: string,
    status: SeenStatus,
    extra: { movedTo?: string | null; error?: SerializedError | null } = {},
  ): void {
    const view: SeenFileView = {
      path,
      name: basename(path),
      status,
      at: Date.now(),
      movedTo: extra.movedTo ?? null,
      error: extra.error ?? null,
    }
    const index = this.recent.findIndex((f) => f.path === path)
    if (index >= 0) this.recent.splice(index, 1)
    this.recent.unshift(view)
    this.recent.length = Math.min(this.recent.length, RECENT_LIMIT)
    this.bus.emit('file:seen', view)
  }
}

function notTrained(): SerializedError {
  return {
    code: 'model/not-trained',
    message: 'Waiting for a trained model: learn from your category folders, then train',
  }
}

function toSerialized(error: unknown, path: string): SerializedError {
  if (isAppError(error)) return error.toJSON()
  return new AppError('app/failed', `"${basename(path)}" could not be handled`, { path }).toJSON()
}
