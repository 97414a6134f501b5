/**
 * What the classifier proposed for a document and what the user did with it. Adding a suggestion
 * drops the document's earlier pending ones: nobody acted on them and a newer model has spoken.
 */
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { ScoredLabel } from '../../shared/types'
import { assertOneOf, isForeignKeyError } from './validate'

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'corrected', 'skipped', 'moved'] as const

export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]

export interface SuggestionInput {
  documentId: number
  /** Null when the model's label has no category (any more). */
  categoryId: number | null
  confidence: number
  runnersUp: ScoredLabel[]
  unsure: boolean
  modelVersion: string | null
}

export interface Suggestion extends SuggestionInput {
  id: number
  /** The category's name, null when the category was removed. */
  category: string | null
  /** The document's current path. */
  path: string
  status: SuggestionStatus
  createdAt: number
}

interface SuggestionRow {
  id: number
  document_id: number
  category_id: number | null
  category: string | null
  path: string
  confidence: number
  runners_up: string
  unsure: number
  status: SuggestionStatus
  model_version: string | null
  created_at: number
}

const SELECT = `SELECT s.id, s.document_id, s.category_id, c.name AS category, d.path,
    s.confidence, s.runners_up, s.unsure, s.status, s.model_version, s.created_at
  FROM suggestions s
  JOIN documents d ON d.id = s.document_id
  LEFT JOIN categories c ON c.id = s.category_id`

export class SuggestionRepository {
  private readonly dropPendingStmt
  private readonly insertStmt
  private readonly byIdStmt
  private readonly listStmt
  private readonly listByStatusStmt
  private readonly setStatusStmt
  private readonly countStmt
  private readonly settlePendingStmt

  constructor(private readonly db: Database.Database) {
    this.dropPendingStmt = db.prepare<[number]>(
      `DELETE FROM suggestions WHERE document_id = ? AND status = 'pending'`,
    )
    this.insertStmt = db.prepare<
      [number, number | null, number, string, number, string | null, number]
    >(
      `INSERT INTO suggestions
         (document_id, category_id, confidence, runners_up, unsure, status, model_version,
          created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`,
    )
    this.byIdStmt = db.prepare<[number], SuggestionRow>(`${SELECT} WHERE s.id = ?`)
    this.listStmt = db.prepare<[], SuggestionRow>(`${SELECT} ORDER BY s.id`)
    this.listByStatusStmt = db.prepare<[string], SuggestionRow>(
      `${SELECT} WHERE s.status = ? ORDER BY s.id`,
    )
    this.setStatusStmt = db.prepare<[string, number]>(
      'UPDATE suggestions SET status = ? WHERE id = ?',
    )
    this.countStmt = db.prepare<[string], { count: number }>(
      'SELECT COUNT(*) AS count FROM suggestions WHERE status = ?',
    )
    this.settlePendingStmt = db.prepare<[string, number]>(
      `UPDATE suggestions SET status = ? WHERE document_id = ? AND status = 'pending'`,
    )
  }

  add(input: SuggestionInput, now = Date.now()): Suggestion {
    if (!(input.confidence >= 0 && input.confidence <= 1)) {
      throw new AppError(
        'input/invalid',
        `Expected a confidence in [0, 1], got ${input.confidence}`,
      )
    }
    const id = this.db.transaction(() => {
      this.dropPendingStmt.run(input.documentId)
      try {
        return this.insertStmt.run(
          input.documentId,
          input.categoryId,
          input.confidence,
          JSON.stringify(input.runnersUp),
          input.unsure ? 1 : 0,
          input.modelVersion,
          now,
        ).lastInsertRowid
      } catch (error) {
        if (!isForeignKeyError(error)) throw error
        throw new AppError(
          'input/invalid',
          `No document ${input.documentId} or category ${String(input.categoryId)} in the library`,
          { cause: error },
        )
      }
    })()
    return this.get(Number(id)) as Suggestion
  }

  get(id: number): Suggestion | undefined {
    const row = this.byIdStmt.get(id)
    return row === undefined ? undefined : toSuggestion(row)
  }

  list(status?: SuggestionStatus): Suggestion[] {
    const rows = status === undefined ? this.listStmt.all() : this.listByStatusStmt.all(status)
    return rows.map(toSuggestion)
  }

  count(status: SuggestionStatus): number {
    return this.countStmt.get(status)?.count ?? 0
  }

  /** Gives the document's pending suggestions `status`, e.g. once the file was moved. */
  settlePending(documentId: number, status: SuggestionStatus): void {
    assertOneOf('suggestion status', status, SUGGESTION_STATUSES)
    this.settlePendingStmt.run(status, documentId)
  }

  /** The suggestion keeps the model's category; the user's choice is recorded as a label. */
  setStatus(id: number, status: SuggestionStatus): void {
    assertOneOf('suggestion status', status, SUGGESTION_STATUSES)
    if (this.setStatusStmt.run(status, id).changes === 0) {
      throw new AppError('input/invalid', `No suggestion with id ${id} in the library`)
    }
  }
}

function toSuggestion(row: SuggestionRow): Suggestion {
  return {
    id: row.id,
    documentId: row.document_id,
    categoryId: row.category_id,
    category: row.category,
    path: row.path,
    confidence: row.confidence,
    runnersUp: JSON.parse(row.runners_up) as ScoredLabel[],
    unsure: row.unsure === 1,
    status: row.status,
    modelVersion: row.model_version,
    createdAt: row.created_at,
  }
}
