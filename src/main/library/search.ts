/**
 * Finds documents by a piece of their name or text. Three characters or more go through the
 * trigram full-text index; shorter queries (a two-character Chinese word such as 发票) scan names
 * and the indexed part of the texts. Newest documents first.
 */
import type Database from 'better-sqlite3'
import type { DocumentStatus } from './documents'
import { SEARCH_CHARS } from './migrations'

export interface SearchHit {
  id: number
  path: string
  size: number
  status: DocumentStatus
  /** The category of the document's current label, if it has one. */
  category: string | null
  seenAt: number
}

interface HitRow {
  id: number
  path: string
  size: number
  status: DocumentStatus
  category: string | null
  seen_at: number
}

const SELECT = `SELECT d.id, d.path, d.size, d.status, c.name AS category, d.seen_at
  FROM documents d
  LEFT JOIN labels l ON l.id = (SELECT MAX(id) FROM labels WHERE document_hash = d.hash)
  LEFT JOIN categories c ON c.id = l.category_id`

export class DocumentSearch {
  private readonly fullTextStmt
  private readonly scanStmt

  constructor(db: Database.Database) {
    this.fullTextStmt = db.prepare<[string, string, number], HitRow>(
      `${SELECT}
       WHERE d.hash IN (
         SELECT t.hash FROM contents t
         WHERE t.rowid IN (SELECT rowid FROM contents_fts WHERE contents_fts MATCH ?)
       ) OR d.path LIKE ? ESCAPE '\\'
       ORDER BY d.seen_at DESC, d.id DESC LIMIT ?`,
    )
    this.scanStmt = db.prepare<[string, string, number], HitRow>(
      `${SELECT}
       WHERE d.path LIKE ? ESCAPE '\\'
          OR d.hash IN (
            SELECT hash FROM contents
            WHERE text IS NOT NULL AND instr(substr(text, 1, ${SEARCH_CHARS}), ?) > 0
          )
       ORDER BY d.seen_at DESC, d.id DESC LIMIT ?`,
    )
  }

  find(query: string, limit: number): SearchHit[] {
    const text = query.trim()
    if (text === '') return []
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    const rows =
      [...text].length >= 3
        ? this.fullTextStmt.all(`"${text.replace(/"/g, '""')}"`, like, limit)
        : this.scanStmt.all(like, text, limit)
    return rows.map((r) => ({
      id: r.id,
      path: r.path,
      size: r.size,
      status: r.status,
      category: r.category,
      seenAt: r.seen_at,
    }))
  }
}
