/**
 * Moves files into category folders through a journal, so that a crash at any instant leaves
 * each file exactly once with its bytes, and every move can be undone, even after a restart.
 * It never overwrites: a taken name becomes "name (1).ext", identical content is left in place.
 */
import { lstat, mkdir, stat } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { AppError, type SerializedError } from '../../shared/errors'
import { createLogger, type Logger } from '../log/logger'
import { exists, fingerprint, isAbsent, type Fingerprint } from './file-ops'
import { destinationError, reasonOf, sourceError } from './move-errors'
import type { MoveJournal, MoveMethod, MoveRecord, NewMove } from './move-journal'
import { isOpenForWriting } from './open-writers'
import { settle } from './recovery'
import { TargetPicker } from './target-name'
import { transfer, UncertainMove, type NextCandidate, type TransferResult } from './transfer'

export interface MoverOptions {
  /** Copy even within one device, exactly as across devices; for tests of that path. */
  forceCopy?: boolean
}

export type MoveResult =
  | { status: 'moved'; moveId: number; from: string; to: string; hash: string; method: MoveMethod }
  /** An identical file is already in the folder; the source was left where it was. */
  | { status: 'duplicate'; from: string; duplicateOf: string; hash: string }

export interface RecoveryReport {
  completed: number[]
  rolledBack: number[]
  /** Rows where neither name holds the journaled bytes; marked failed, nothing touched. */
  failed: number[]
  /** Rows that could not be examined now (an I/O error); they stay pending for the next start. */
  deferred: { moveId: number; reason: string }[]
}

export interface UndoResult {
  moveId: number
  undoId: number
  /** Where the file was, and where it is back now. */
  from: string
  to: string
}

export interface BatchUndoReport {
  undone: UndoResult[]
  failed: (SerializedError & { moveId: number })[]
}

/**
 * A file changed this recently may belong to a writer that paused (see open-writers.ts). Older
 * files skip the check, which reads every process's open files: tens of milliseconds a move.
 */
const RECENT_WRITE_MS = 5 * 60_000

export class Mover {
  private readonly inFlight = new Set<number>()
  private readonly forceCopy: boolean

  constructor(
    private readonly journal: MoveJournal,
    private readonly logger: Logger = createLogger('sort'),
    options: MoverOptions = {},
  ) {
    this.forceCopy = options.forceCopy ?? false
  }

  /** Creates `destinationDir` (and its parents) on demand. */
  async move(
    source: string,
    destinationDir: string,
    options: { batchId?: string } = {},
  ): Promise<MoveResult> {
    const from = resolve(source)
    const dir = resolve(destinationDir)
    if (dirname(from) === dir) {
      throw new AppError('input/invalid', `"${from}" is already in "${dir}"`, { path: from })
    }
    const print = await inspectSource(from)
    if (Date.now() - print.mtimeMs < RECENT_WRITE_MS && (await isOpenForWriting(from))) {
      throw new AppError(
        'sort/io-failed',
        `"${from}" is still being written by another program; it was left where it was`,
        { path: from },
      )
    }
    await ensureFolder(from, dir)
    const picker = new TargetPicker(dir, basename(from), print)
    const pick: NextCandidate = () =>
      picker.next().catch((error: unknown) => Promise.reject(destinationError(from, dir, error)))
    const first = await pick()
    if (first.kind === 'duplicate') return this.duplicate(from, first.of, print)

    const row = this.begin({
      kind: 'move',
      batchId: options.batchId ?? null,
      undoes: null,
      source: from,
      target: first.target,
      hash: print.hash,
      size: print.size,
    })
    const result = await this.run(row, print, pick)
    if (result.kind === 'duplicate') {
      this.journal.finish(row.id, 'rolled-back', { error: `identical to "${result.of}"` })
      return this.duplicate(from, result.of, print)
    }
    this.journal.finish(row.id, 'done', { method: result.method })
    this.logger.info('file moved', {
      moveId: row.id,
      from,
      to: result.target,
      method: result.method,
    })
    return {
      status: 'moved',
      moveId: row.id,
      from,
      to: result.target,
      hash: print.hash,
      method: result.method,
    }
  }

  /**
   * Settles every move left pending by a crash. Run it at start-up, before new moves; rows this
   * instance is moving right now are skipped.
   */
  async recover(): Promise<RecoveryReport> {
    const report: RecoveryReport = { completed: [], rolledBack: [], failed: [], deferred: [] }
    for (const row of this.journal.pending()) {
      if (this.inFlight.has(row.id)) continue
      try {
        const outcome = await settle(this.journal, row, this.logger)
        if (outcome === 'completed') report.completed.push(row.id)
        else if (outcome === 'rolled-back') report.rolledBack.push(row.id)
        else report.failed.push(row.id)
      } catch (error) {
        this.logger.warn('interrupted move left for later', {
          moveId: row.id,
          reason: reasonOf(error),
        })
        report.deferred.push({ moveId: row.id, reason: reasonOf(error) })
      }
    }
    return report
  }

  /** Moves the file of a done move back to where it came from; journaled like a move. */
  async undo(moveId: number): Promise<UndoResult> {
    const move = this.journal.get(moveId)
    if (move === undefined || move.kind !== 'move' || move.state !== 'done') {
      const state = move === undefined ? 'unknown' : `${move.kind}, ${move.state}`
      throw new AppError('sort/nothing-to-undo', `Move ${moveId} cannot be undone (${state})`)
    }
    const back = move.source
    const current = move.target
    const print = await this.undoable(move)
    await ensureFolder(current, dirname(back))

    const row = this.begin({
      kind: 'undo',
      batchId: move.batchId,
      undoes: move.id,
      source: current,
      target: back,
      hash: print.hash,
      size: print.size,
    })
    const blocked: NextCandidate = () =>
      Promise.reject(undoBlocked(move, `"${back}" was taken while undoing`))
    const result = await this.run(row, print, blocked)
    const method = result.kind === 'moved' ? result.method : undefined
    this.journal.finishUndo(row.id, move.id, { method })
    this.logger.info('move undone', { moveId, undoId: row.id, from: current, to: back })
    return { moveId, undoId: row.id, from: current, to: back }
  }

  /** Undoes the batch's done moves, newest first; a blocked move does not stop the others. */
  async undoBatch(batchId: string): Promise<BatchUndoReport> {
    const moves = this.journal
      .batch(batchId)
      .filter((row) => row.kind === 'move' && row.state === 'done')
      .reverse()
    if (moves.length === 0) {
      throw new AppError('sort/nothing-to-undo', `Batch "${batchId}" has no moves to undo`)
    }
    return this.undoMany(moves.map((move) => move.id))
  }

  /**
   * Undoes the moves newest first, so that a file moved twice goes back step by step; a move
   * that cannot be undone is reported and the others still are.
   */
  async undoMany(moveIds: readonly number[]): Promise<BatchUndoReport> {
    const report: BatchUndoReport = { undone: [], failed: [] }
    for (const moveId of [...moveIds].sort((a, b) => b - a)) {
      try {
        report.undone.push(await this.undo(moveId))
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        report.failed.push({ moveId, ...error.toJSON() })
      }
    }
    return report
  }

  /** The newest batch and its moves (any state), or null when no move had a batch id. */
  lastBatch(): { batchId: string; moves: MoveRecord[] } | null {
    const batchId = this.journal.lastBatchId()
    if (batchId === null) return null
    return { batchId, moves: this.journal.batch(batchId).filter((row) => row.kind === 'move') }
  }

  private async run(
    row: MoveRecord,
    print: Fingerprint,
    next: NextCandidate,
  ): Promise<TransferResult> {
    const context = { journal: this.journal, logger: this.logger, forceCopy: this.forceCopy }
    this.inFlight.add(row.id)
    try {
      return await transfer(context, row, print, next)
    } catch (error) {
      if (error instanceof UncertainMove) {
        // The row stays pending on purpose: recover() decides from what is on disk.
        this.logger.error('move interrupted, left for recovery', {
          moveId: row.id,
          error: error.message,
        })
        throw new AppError('sort/io-failed', error.message, { path: row.source, cause: error })
      }
      const appError = error instanceof AppError ? error : sourceError(row.source, error)
      this.journal.finish(row.id, 'failed', { error: appError.message })
      this.logger.error('move failed', { moveId: row.id, code: appError.code, path: row.source })
      throw appError
    } finally {
      this.inFlight.delete(row.id)
    }
  }

  private async undoable(move: MoveRecord): Promise<Fingerprint> {
    if (await exists(move.source)) throw undoBlocked(move, `"${move.source}" is taken`)
    let print: Fingerprint
    try {
      print = await fingerprint(move.target)
    } catch (error) {
      if (isAbsent(error)) throw undoBlocked(move, `"${move.target}" no longer exists`)
      throw sourceError(move.target, error)
    }
    if (print.hash !== move.hash) throw undoBlocked(move, `"${move.target}" changed since the move`)
    return print
  }

  /** The journal row must be durable before the file is touched; without it nothing moves. */
  private begin(move: NewMove): MoveRecord {
    try {
      return this.journal.begin(move)
    } catch (error) {
      throw new AppError(
        'sort/io-failed',
        `Cannot move "${move.source}": the move journal could not be written ` +
          `(${reasonOf(error)}); the file was left where it was`,
        { path: move.source, cause: error },
      )
    }
  }

  private duplicate(from: string, of: string, print: Fingerprint): MoveResult {
    this.logger.info('duplicate left in place', { from, duplicateOf: of })
    return { status: 'duplicate', from, duplicateOf: of, hash: print.hash }
  }
}

function undoBlocked(move: MoveRecord, reason: string): AppError {
  return new AppError('sort/undo-blocked', `Cannot undo move ${move.id}: ${reason}`, {
    path: move.target,
  })
}

async function inspectSource(from: string): Promise<Fingerprint> {
  try {
    const info = await lstat(from)
    if (!info.isFile()) {
      throw new AppError('input/invalid', `"${from}" is not a regular file`, { path: from })
    }
    return await fingerprint(from)
  } catch (error) {
    throw sourceError(from, error)
  }
}

/** Category folders are created on demand; a folder that cannot be created is an error. */
async function ensureFolder(from: string, dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true })
    if (!(await stat(dir)).isDirectory()) {
      throw Object.assign(new Error(`"${dir}" is not a folder`), { code: 'ENOTDIR' })
    }
  } catch (error) {
    throw destinationError(from, dir, error)
  }
}
