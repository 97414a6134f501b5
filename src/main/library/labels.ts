/**
 * Labels attach to content (a hash), so renaming or moving a file keeps its label. The newest
 * row for a hash is its label, except that an 'imported' label never replaces a 'corrected' one:
 * a folder scan must not undo what the user fixed by hand.
 */
import type Database from 'better-sqlite3'
import type { LabelSource } from '../../shared/types'
import { AppError } from '../../shared/errors'
import { parseTraits } from './contents'
import { assertHash, assertOneOf, isForeignKeyError } from './validate'

export const LABEL_SOURCES: readonly LabelSource[] = ['imported', 'accepted', 'corrected']

/** 'added': a new label row; 'unchanged': the label was already this; 'kept-corrected': refused. */
export type LabelOutcome = 'added' | 'unchanged' | 'kept-corrected'

export interface Label {
  hash: string
  categoryId: number | null
  category: string | null
  source: LabelSource
  createdAt: number
}

export interface LabelledExample {
  hash: string
  text: string
  traits: string[]
  category: string
}

type ExampleRow = Omit<LabelledExample, 'traits'> & { traits: string | null }

export interface CategoryCount {
  category: string
  count: number
}

// The latest label per hash: labels has an index on (document_hash, id).
const LATEST = `SELECT l.* FROM labels l
  WHERE l.id = (SELECT MAX(id) FROM labels WHERE document_hash = l.document_hash)`

interface LabelRow {
  document_hash: string
  category_id: number | null
  category: string | null
  source: LabelSource
  created_at: number
}

export class LabelRepository {
  private readonly latestStmt
  private readonly insertStmt
  private readonly examplesStmt
  private readonly countsStmt
  private readonly sinceStmt

  constructor(private readonly db: Database.Database) {
    this.latestStmt = db.prepare<[string], LabelRow>(
      `SELECT l.document_hash, l.category_id, c.name AS category, l.source, l.created_at
       FROM labels l LEFT JOIN categories c ON c.id = l.category_id
       WHERE l.document_hash = ? ORDER BY l.id DESC LIMIT 1`,
    )
    this.insertStmt = db.prepare<[string, number, string, number]>(
      'INSERT INTO labels (document_hash, category_id, source, created_at) VALUES (?, ?, ?, ?)',
    )
    this.examplesStmt = db.prepare<[], ExampleRow>(
      `SELECT latest.document_hash AS hash, t.text AS text, t.traits AS traits, c.name AS category
       FROM (${LATEST}) latest
       JOIN categories c ON c.id = latest.category_id
       JOIN contents t ON t.hash = latest.document_hash AND t.text IS NOT NULL
       ORDER BY latest.document_hash`,
    )
    this.sinceStmt = db.prepare<[number], ExampleRow & { source: LabelSource }>(
      `SELECT latest.document_hash AS hash, t.text AS text, t.traits AS traits, c.name AS category,
         latest.source
       FROM (${LATEST}) latest
       JOIN categories c ON c.id = latest.category_id
       JOIN contents t ON t.hash = latest.document_hash AND t.text IS NOT NULL
       WHERE latest.created_at >= ?
       ORDER BY latest.id`,
    )
    this.countsStmt = db.prepare<[], CategoryCount>(
      `SELECT c.name AS category, COUNT(latest.id) AS count
       FROM categories c LEFT JOIN (${LATEST}) latest ON latest.category_id = c.id
       GROUP BY c.id ORDER BY c.name`,
    )
  }

  get(hash: string): Label | undefined {
    const row = this.latestStmt.get(hash)
    if (row === undefined) return undefined
    return {
      hash: row.document_hash,
      categoryId: row.category_id,
      category: row.category,
      source: row.source,
      createdAt: row.created_at,
    }
  }

  set(hash: string, categoryId: number, source: LabelSource, now = Date.now()): LabelOutcome {
    assertHash(hash)
    assertOneOf('label source', source, LABEL_SOURCES)
    return this.db.transaction((): LabelOutcome => {
      const current = this.latestStmt.get(hash)
      if (current !== undefined) {
        if (source === 'imported' && current.source === 'corrected') return 'kept-corrected'
        // Repeated scans would otherwise add a row per scan for the same answer.
        if (current.category_id === categoryId && current.source === source) return 'unchanged'
      }
      try {
        this.insertStmt.run(hash, categoryId, source, now)
      } catch (error) {
        if (isForeignKeyError(error)) {
          throw new AppError('input/invalid', `No category with id ${categoryId} in the library`, {
            cause: error,
          })
        }
        throw error
      }
      return 'added'
    })()
  }

  /** Documents whose current label was set at or after `since` (ms), oldest first. */
  labelledSince(since: number): (LabelledExample & { source: LabelSource })[] {
    return this.sinceStmt.all(since).map((row) => ({ ...row, traits: parseTraits(row.traits) }))
  }

  /** Training data: hashes whose latest label names an existing category and that have text. */
  examples(): LabelledExample[] {
    return this.examplesStmt.all().map((row) => ({ ...row, traits: parseTraits(row.traits) }))
  }

  /** Every category with the number of hashes whose latest label is that category (0 included). */
  countsByCategory(): CategoryCount[] {
    return this.countsStmt.all()
  }
}
