/**
 * The move journal's contract. The mover writes a row before it touches a file and reads the
 * rows back after a crash; anything that keeps rows durably (the library's `moves` table, or a
 * map in a test) can serve.
 */
export const MOVE_STATES = ['pending', 'done', 'rolled-back', 'failed', 'undone'] as const

/**
 * pending: committed before the file is touched, not finished yet; done: the file is at
 * `target` only; rolled-back: the file stayed at `source`; failed: stopped with `error`, the file
 * is where the error says; undone: a done move that a later undo row reversed.
 */
export type MoveState = (typeof MOVE_STATES)[number]

export type MoveKind = 'move' | 'undo'

export type MoveMethod = 'link' | 'copy'

export type FinalState = Exclude<MoveState, 'pending' | 'undone'>

export interface MoveOutcome {
  method?: MoveMethod
  error?: string
}

export interface NewMove {
  kind: MoveKind
  batchId: string | null
  /** For an undo row, the id of the move it reverses. */
  undoes: number | null
  source: string
  /** The name being claimed; updated before each new attempt. */
  target: string
  /** SHA-256 (hex) and size of the bytes at `source` when the row was written. */
  hash: string
  size: number
}

export interface MoveRecord extends NewMove {
  id: number
  method: MoveMethod | null
  state: MoveState
  error: string | null
  createdAt: number
  finishedAt: number | null
}

export interface MoveJournal {
  /** Must be durable when it returns: the caller touches the file next. */
  begin(move: NewMove): MoveRecord
  /** Must be durable when it returns. */
  retarget(id: number, target: string): void
  /** Recorded before a copy starts, so that a reader knows a partial file may exist. */
  setMethod(id: number, method: MoveMethod): void
  finish(id: number, state: FinalState, outcome?: MoveOutcome): void
  /** Marks undo row `undoId` done and the move it reverses undone, atomically. */
  finishUndo(undoId: number, moveId: number, outcome?: MoveOutcome): void
  get(id: number): MoveRecord | undefined
  pending(): MoveRecord[]
  /** Rows of a batch in the order they were written. */
  batch(batchId: string): MoveRecord[]
  /** The batch of the newest 'move' row that has a batch id, or null. */
  lastBatchId(): string | null
}
