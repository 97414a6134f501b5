/** Files the app has seen, by path, with the hash of their bytes and where they are in the flow. */
import type Database from 'better-sqlite3'
import { DOCUMENT_STATES, type DocumentState } from '../../shared/api'
import { AppError } from '../../shared/errors'
import { assertAbsolutePath, assertHash, assertOneOf } from './validate'

/** The states a document passes through; the API shows them to the window as they are. */
export const DOCUMENT_STATUSES = DOCUMENT_STATES

export type DocumentStatus = DocumentState

export interface DocumentInput {
  path: string
  hash: string
  size: number
  mtimeMs: number
  status: DocumentStatus
}

export interface DocumentRecord extends DocumentInput {
  id: number
  seenAt: number
}

interface DocumentRow {
  id: number
  path: string
  hash: string
  size: number
  mtime_ms: number
  status: DocumentStatus
  seen_at: number
}

const COLUMNS = 'id, path, hash, size, mtime_ms, status, seen_at'

export class DocumentRepository {
  private readonly upsertStmt
  private readonly byPathStmt
  private readonly byIdStmt
  private readonly listStmt
  private readonly listByStatusStmt
  private readonly setStatusStmt
  private readonly deleteByPathStmt
  private readonly setPathStmt

  constructor(private readonly db: Database.Database) {
    this.upsertStmt = db.prepare<[string, string, number, number, string, number], DocumentRow>(
      `INSERT INTO documents (path, hash, size, mtime_ms, status, seen_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (path) DO UPDATE SET hash = excluded.hash, size = excluded.size,
         mtime_ms = excluded.mtime_ms, status = excluded.status, seen_at = excluded.seen_at
       RETURNING ${COLUMNS}`,
    )
    this.byPathStmt = db.prepare<[string], DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE path = ?`,
    )
    this.byIdStmt = db.prepare<[number], DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE id = ?`,
    )
    this.listStmt = db.prepare<[], DocumentRow>(`SELECT ${COLUMNS} FROM documents ORDER BY id`)
    this.listByStatusStmt = db.prepare<[string], DocumentRow>(
      `SELECT ${COLUMNS} FROM documents WHERE status = ? ORDER BY id`,
    )
    this.setStatusStmt = db.prepare<[string, number]>(
      'UPDATE documents SET status = ? WHERE id = ?',
    )
    this.deleteByPathStmt = db.prepare<[string, number]>(
      'DELETE FROM documents WHERE path = ? AND id <> ?',
    )
    this.setPathStmt = db.prepare<[string, string, number]>(
      'UPDATE documents SET path = ?, status = ? WHERE id = ?',
    )
  }

  upsert(input: DocumentInput, now = Date.now()): DocumentRecord {
    assertAbsolutePath('document path', input.path)
    assertHash(input.hash)
    assertOneOf('document status', input.status, DOCUMENT_STATUSES)
    const row = this.upsertStmt.get(
      input.path,
      input.hash,
      input.size,
      input.mtimeMs,
      input.status,
      now,
    )
    return toRecord(row as DocumentRow)
  }

  getByPath(path: string): DocumentRecord | undefined {
    const row = this.byPathStmt.get(path)
    return row === undefined ? undefined : toRecord(row)
  }

  get(id: number): DocumentRecord | undefined {
    const row = this.byIdStmt.get(id)
    return row === undefined ? undefined : toRecord(row)
  }

  list(status?: DocumentStatus): DocumentRecord[] {
    const rows = status === undefined ? this.listStmt.all() : this.listByStatusStmt.all(status)
    return rows.map(toRecord)
  }

  setStatus(id: number, status: DocumentStatus): void {
    assertOneOf('document status', status, DOCUMENT_STATUSES)
    if (this.setStatusStmt.run(status, id).changes === 0) throw unknownDocument(id)
  }

  /**
   * Records that a document now lives at `path` (after a move or an undo). A stale row for a file
   * that used to sit at that path is dropped: the mover only lands on names it claimed itself.
   */
  relocate(id: number, path: string, status: DocumentStatus): void {
    assertAbsolutePath('document path', path)
    assertOneOf('document status', status, DOCUMENT_STATUSES)
    this.db.transaction(() => {
      this.deleteByPathStmt.run(path, id)
      if (this.setPathStmt.run(path, status, id).changes === 0) throw unknownDocument(id)
    })()
  }
}

function unknownDocument(id: number): AppError {
  return new AppError('input/invalid', `No document with id ${id} in the library`)
}

function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    path: row.path,
    hash: row.hash,
    size: row.size,
    mtimeMs: row.mtime_ms,
    status: row.status,
    seenAt: row.seen_at,
  }
}
