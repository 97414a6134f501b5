/**
 * The move journal on the library's `moves` table. Each write is its own autocommit statement;
 * with WAL and synchronous=FULL (set by the library) it is on disk when the call returns.
 */
import type Database from 'better-sqlite3'
import type {
  FinalState,
  MoveJournal,
  MoveMethod,
  MoveOutcome,
  MoveRecord,
  MoveState,
  NewMove,
} from './move-journal'

interface MoveRow {
  id: number
  kind: MoveRecord['kind']
  batch_id: string | null
  undoes: number | null
  source: string
  target: string
  hash: string
  size: number
  method: MoveMethod | null
  state: MoveState
  error: string | null
  created_at: number
  finished_at: number | null
}

export class SqliteMoveJournal implements MoveJournal {
  private readonly insertStmt
  private readonly retargetStmt
  private readonly methodStmt
  private readonly finishStmt
  private readonly byIdStmt
  private readonly pendingStmt
  private readonly batchStmt
  private readonly lastBatchStmt

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare<[NewMove & { createdAt: number }], MoveRow>(
      `INSERT INTO moves (kind, batch_id, undoes, source, target, hash, size, state, created_at)
       VALUES (@kind, @batchId, @undoes, @source, @target, @hash, @size, 'pending', @createdAt)
       RETURNING *`,
    )
    this.retargetStmt = db.prepare<[string, number]>(
      `UPDATE moves SET target = ? WHERE id = ? AND state = 'pending'`,
    )
    this.methodStmt = db.prepare<[string, number]>('UPDATE moves SET method = ? WHERE id = ?')
    this.finishStmt = db.prepare<[string, string | null, string | null, number, number]>(
      `UPDATE moves SET state = ?, method = coalesce(?, method), error = ?, finished_at = ?
       WHERE id = ?`,
    )
    this.byIdStmt = db.prepare<[number], MoveRow>('SELECT * FROM moves WHERE id = ?')
    this.pendingStmt = db.prepare<[], MoveRow>(
      `SELECT * FROM moves WHERE state = 'pending' ORDER BY id`,
    )
    this.batchStmt = db.prepare<[string], MoveRow>(
      'SELECT * FROM moves WHERE batch_id = ? ORDER BY id',
    )
    this.lastBatchStmt = db.prepare<[], { batch_id: string }>(
      `SELECT batch_id FROM moves WHERE kind = 'move' AND batch_id IS NOT NULL
       ORDER BY id DESC LIMIT 1`,
    )
  }

  begin(move: NewMove): MoveRecord {
    return toRecord(this.insertStmt.get({ ...move, createdAt: Date.now() }) as MoveRow)
  }

  retarget(id: number, target: string): void {
    this.retargetStmt.run(target, id)
  }

  setMethod(id: number, method: MoveMethod): void {
    this.methodStmt.run(method, id)
  }

  finish(id: number, state: FinalState, outcome: MoveOutcome = {}): void {
    this.finishStmt.run(state, outcome.method ?? null, outcome.error ?? null, Date.now(), id)
  }

  finishUndo(undoId: number, moveId: number, outcome: MoveOutcome = {}): void {
    this.db.transaction(() => {
      const now = Date.now()
      this.finishStmt.run('done', outcome.method ?? null, null, now, undoId)
      this.finishStmt.run('undone', null, null, now, moveId)
    })()
  }

  get(id: number): MoveRecord | undefined {
    const row = this.byIdStmt.get(id)
    return row === undefined ? undefined : toRecord(row)
  }

  pending(): MoveRecord[] {
    return this.pendingStmt.all().map(toRecord)
  }

  batch(batchId: string): MoveRecord[] {
    return this.batchStmt.all(batchId).map(toRecord)
  }

  lastBatchId(): string | null {
    return this.lastBatchStmt.get()?.batch_id ?? null
  }
}

function toRecord(row: MoveRow): MoveRecord {
  return {
    id: row.id,
    kind: row.kind,
    batchId: row.batch_id,
    undoes: row.undoes,
    source: row.source,
    target: row.target,
    hash: row.hash,
    size: row.size,
    method: row.method,
    state: row.state,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  }
}
