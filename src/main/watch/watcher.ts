/**
 * Watches inbox folders and reports each file once it has finished arriving, with its size and
 * mtime. A folder that arrives after watching began is walked, and its files are reported once
 * they are stable. It does not read, hash or move files; a scan of files already present is done
 * elsewhere unless `ignoreInitial` is turned off.
 */
import { EventEmitter } from 'node:events'
import type { Stats } from 'node:fs'
import { lstat } from 'node:fs/promises'
import { basename, isAbsolute, relative, resolve, sep } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { watch, type FSWatcher } from 'chokidar'
import { AppError } from '../../shared/errors'
import { createLogger, type Logger } from '../log/logger'
import { walkFiles } from './folder-walk'
import { isIgnoredName } from './ignore'

export interface WatchedFile {
  path: string
  size: number
  mtimeMs: number
}

export interface FolderWatcherOptions {
  /** Skip files already present when watching starts. Default true. */
  ignoreInitial?: boolean
  /** How long, in ms, a file's size must stay unchanged before it counts as finished. */
  stabilityThreshold?: number
  /** How often, in ms, the size is checked while waiting for it to settle. */
  pollInterval?: number
  /** Poll instead of using OS events; needed on network folders. */
  usePolling?: boolean
  /** Polling interval in ms when `usePolling` is on. */
  interval?: number
  /** Subfolder levels to watch: 0 means the folder itself only. Default 0. */
  depth?: number
  /**
   * Folders inside the watched ones whose files are never reported (the category folders); asked
   * each time, so that a category added later is excluded too.
   */
  exclude?: () => readonly string[]
  logger?: Logger
}

/** Listen for 'error': as with any EventEmitter, an 'error' without a listener throws. */
export interface FolderWatcherEvents {
  ready: []
  file: [file: WatchedFile]
  error: [error: Error]
}

// Measured with chokidar 5 (notes/stack.md §5): 2 s of unchanged size lets a download that
// stalls briefly finish, and adds about 2.1 s of latency per file.
const DEFAULTS = { stabilityThreshold: 2000, pollInterval: 100, interval: 100, depth: 0 }

export class FolderWatcher extends EventEmitter<FolderWatcherEvents> {
  private readonly watcher: FSWatcher
  private readonly logger: Logger
  private readonly roots: Set<string>
  /** Size and mtime last reported per path: a repeated event for the same state is dropped. */
  private readonly reported = new Map<string, string>()
  private readonly ready: Promise<void>
  private readyTimer: NodeJS.Timeout | undefined
  private readonly exclude: () => readonly string[]
  private readonly stabilityMs: number
  private isReady = false
  private closed = false

  constructor(folders: string | string[], options: FolderWatcherOptions = {}) {
    super()
    const roots = (Array.isArray(folders) ? folders : [folders]).map((folder) => resolve(folder))
    validate(roots, options)
    this.roots = new Set(roots)
    this.exclude = options.exclude ?? (() => [])
    this.stabilityMs = options.stabilityThreshold ?? DEFAULTS.stabilityThreshold
    this.logger = options.logger ?? createLogger('watch')
    this.watcher = watch(roots, {
      ignoreInitial: options.ignoreInitial ?? true,
      followSymlinks: false,
      usePolling: options.usePolling ?? false,
      interval: options.interval ?? DEFAULTS.interval,
      binaryInterval: options.interval ?? DEFAULTS.interval,
      depth: options.depth ?? DEFAULTS.depth,
      awaitWriteFinish: {
        stabilityThreshold: options.stabilityThreshold ?? DEFAULTS.stabilityThreshold,
        pollInterval: options.pollInterval ?? DEFAULTS.pollInterval,
      },
      ignored: (path) => this.isIgnored(path),
    })
    // With polling, chokidar is ready before fs.watchFile has taken its first stat of a folder,
    // and a file created in between is missed until the folder changes again (measured: 6 of 8
    // runs with a 100 ms interval). Waiting two intervals lets a caller that scans existing files
    // after 'ready' cover that gap.
    const settleMs = options.usePolling === true ? 2 * (options.interval ?? DEFAULTS.interval) : 0
    this.ready = new Promise((resolveReady) => {
      this.watcher.once('ready', () => {
        this.isReady = true
        this.readyTimer = setTimeout(() => {
          this.emit('ready')
          resolveReady()
        }, settleMs)
      })
    })
    this.watcher
      // Firefox renames its finished .part over an empty placeholder: that arrives as 'change'.
      .on('add', (path) => void this.report(path))
      .on('change', (path) => void this.report(path))
      .on('unlink', (path) => this.reported.delete(path))
      .on('addDir', (path) => {
        if (this.isReady && !this.roots.has(path)) void this.walk(path)
      })
      .on('error', (error) => this.fail(error))
  }

  /**
   * Resolves once the initial scan is done and changes are being watched. A scan for files that
   * are already present belongs after this point, so that no file falls between the two.
   */
  whenReady(): Promise<void> {
    return this.ready
  }

  async close(): Promise<void> {
    this.closed = true
    clearTimeout(this.readyTimer)
    await this.watcher.close()
    this.reported.clear()
  }

  private isIgnored(path: string): boolean {
    if (this.exclude().some((folder) => isInside(resolve(folder), path))) return true
    // A watched folder may itself be hidden (~/.inbox); only what is inside it is filtered.
    return !this.roots.has(path) && isIgnoredName(basename(path))
  }

  /**
   * Reports the files of a folder that arrived after watching began, below the watched depth. A
   * folder being copied in gains files and its files grow, so it is listed until the list stops
   * changing, and each file waits until it is stable.
   */
  private async walk(dir: string): Promise<void> {
    this.logger.debug('walking a folder that arrived', { path: dir })
    let listed = await this.list(dir)
    for (;;) {
      await sleep(this.stabilityMs)
      if (this.closed) return
      const again = await this.list(dir)
      if (again.join('\n') === listed.join('\n')) break
      listed = again
    }
    for (const path of listed) void this.reportWhenStable(path)
  }

  private async list(dir: string): Promise<string[]> {
    const paths: string[] = []
    for await (const path of walkFiles(dir, (p) => this.isIgnored(p))) paths.push(path)
    return paths
  }

  private async reportWhenStable(path: string): Promise<void> {
    let before = await lstat(path).catch(() => null)
    while (before?.isFile() && !this.closed) {
      await sleep(this.stabilityMs)
      const after = await lstat(path).catch(() => null)
      if (after && after.size === before.size && after.mtimeMs === before.mtimeMs) {
        await this.report(path)
        return
      }
      before = after
    }
  }

  /** Re-stats at emit time: chokidar's stats can be stale, and the file may be gone already. */
  private async report(path: string): Promise<void> {
    let info: Stats
    try {
      // lstat: a symlink is not followed, even to a file, so nothing outside the watched
      // folders is read through one.
      info = await lstat(path)
    } catch (error) {
      const code = (error as { code?: unknown }).code
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        this.logger.debug('file vanished before it was reported', { path })
        return
      }
      this.fail(error)
      return
    }
    if (info.isSymbolicLink()) {
      this.logger.debug('symlink skipped', { path })
      return
    }
    if (!info.isFile()) return
    // Firefox's placeholder is empty until the download is renamed over it.
    if (info.size === 0) {
      this.logger.debug('empty file skipped', { path })
      return
    }
    const state = `${info.size}:${info.mtimeMs}`
    if (this.reported.get(path) === state) {
      this.logger.debug('repeated event skipped', { path })
      return
    }
    this.reported.set(path, state)
    this.emit('file', { path, size: info.size, mtimeMs: info.mtimeMs })
  }

  private fail(error: unknown): void {
    const wrapped = error instanceof Error ? error : new Error(String(error))
    this.logger.warn('watcher error', { error: wrapped.message })
    this.emit('error', wrapped)
  }
}

function validate(roots: string[], options: FolderWatcherOptions): void {
  if (roots.length === 0) throw new AppError('input/invalid', 'Expected at least one folder')
  const counts = {
    stabilityThreshold: options.stabilityThreshold,
    pollInterval: options.pollInterval,
    interval: options.interval,
    depth: options.depth,
  }
  for (const [name, value] of Object.entries(counts)) {
    if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
      throw new AppError(
        'input/invalid',
        `Expected ${name} to be a whole number >= 0, got ${value}`,
      )
    }
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}
