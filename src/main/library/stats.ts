/** Counts for the `status` command: one query per table, zero-filled so every status is listed. */
import type Database from 'better-sqlite3'
import { MOVE_STATES, type MoveState } from '../sort/move-journal'
import { DOCUMENT_STATUSES, type DocumentStatus } from './documents'
import type { CategoryCount } from './labels'
import { SUGGESTION_STATUSES, type SuggestionStatus } from './suggestions'

export interface LibraryStats {
  documents: { total: number; byStatus: Record<DocumentStatus, number> }
  labelled: CategoryCount[]
  contents: { cached: number; failed: number; failuresByCode: Record<string, number> }
  suggestions: Record<SuggestionStatus, number>
  moves: Record<MoveState, number>
  activeModel: string | null
}

interface KeyCount {
  key: string
  count: number
}

export function readStats(db: Database.Database, labelled: CategoryCount[]): LibraryStats {
  const count = (sql: string): KeyCount[] => db.prepare<[], KeyCount>(sql).all()
  const documents = count('SELECT status AS key, COUNT(*) AS count FROM documents GROUP BY status')
  const failures = count(
    `SELECT error_code AS key, COUNT(*) AS count FROM contents
     WHERE error_code IS NOT NULL GROUP BY error_code ORDER BY error_code`,
  )
  const cached = db.prepare<[], { count: number }>('SELECT COUNT(*) AS count FROM contents').get()
  const active = db.prepare<[], { version: string }>('SELECT version FROM models WHERE active = 1')

  return {
    documents: {
      total: documents.reduce((sum, row) => sum + row.count, 0),
      byStatus: zeroFilled(DOCUMENT_STATUSES, documents),
    },
    labelled,
    contents: {
      cached: cached?.count ?? 0,
      failed: failures.reduce((sum, row) => sum + row.count, 0),
      failuresByCode: Object.fromEntries(failures.map((row) => [row.key, row.count])),
    },
    suggestions: zeroFilled(
      SUGGESTION_STATUSES,
      count('SELECT status AS key, COUNT(*) AS count FROM suggestions GROUP BY status'),
    ),
    moves: zeroFilled(
      MOVE_STATES,
      count('SELECT state AS key, COUNT(*) AS count FROM moves GROUP BY state'),
    ),
    activeModel: active.get()?.version ?? null,
  }
}

function zeroFilled<K extends string>(keys: readonly K[], rows: KeyCount[]): Record<K, number> {
  const result = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>
  for (const row of rows) {
    if ((keys as readonly string[]).includes(row.key)) result[row.key as K] = row.count
  }
  return result
}
