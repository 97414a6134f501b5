/**
 * The extraction cache, keyed by the SHA-256 of a file's bytes: a file is extracted once however
 * often it is seen or renamed. Failures are cached with their code so a hostile file is not
 * parsed again on every scan. A success replaces a cached failure; a failure never replaces a
 * success (the same bytes were readable once, so the text stays).
 */
import type Database from 'better-sqlite3'
import type { ErrorCode } from '../../shared/errors'
import type { DocumentKind } from '../../shared/types'
import { assertHash } from './validate'

export interface ExtractedContent {
  text: string
  kind: DocumentKind
  pages: number | null
  title: string | null
  /** Empty for texts cached before traits were recorded. */
  traits: string[]
}

export interface FailedContent {
  errorCode: ErrorCode
  errorMessage: string
}

export type ContentInput = ExtractedContent | FailedContent

export type ContentRecord =
  | ({ hash: string; ok: true; chars: number; extractedAt: number } & ExtractedContent)
  | ({ hash: string; ok: false; extractedAt: number } & FailedContent)

interface ContentRow {
  hash: string
  text: string | null
  kind: DocumentKind | null
  pages: number | null
  title: string | null
  traits: string | null
  chars: number | null
  error_code: ErrorCode | null
  error_message: string | null
  extracted_at: number
}

export class ContentRepository {
  private readonly getStmt
  private readonly putStmt

  constructor(db: Database.Database) {
    this.getStmt = db.prepare<[string], ContentRow>('SELECT * FROM contents WHERE hash = ?')
    this.putStmt = db.prepare<[Omit<ContentRow, 'hash'> & { hash: string }]>(
      `INSERT INTO contents
         (hash, text, kind, pages, title, traits, chars, error_code, error_message, extracted_at)
       VALUES
         (@hash, @text, @kind, @pages, @title, @traits, @chars, @error_code, @error_message,
          @extracted_at)
       ON CONFLICT (hash) DO UPDATE SET
         text = excluded.text, kind = excluded.kind, pages = excluded.pages,
         title = excluded.title, traits = excluded.traits, chars = excluded.chars,
         error_code = excluded.error_code,
         error_message = excluded.error_message, extracted_at = excluded.extracted_at
       WHERE contents.text IS NULL OR excluded.text IS NOT NULL`,
    )
  }

  get(hash: string): ContentRecord | undefined {
    const row = this.getStmt.get(hash)
    if (row === undefined) return undefined
    if (row.text === null) {
      return {
        hash: row.hash,
        ok: false,
        errorCode: row.error_code as ErrorCode,
        errorMessage: row.error_message ?? '',
        extractedAt: row.extracted_at,
      }
    }
    return {
      hash: row.hash,
      ok: true,
      text: row.text,
      kind: row.kind as DocumentKind,
      pages: row.pages,
      title: row.title,
      traits: parseTraits(row.traits),
      chars: row.chars ?? row.text.length,
      extractedAt: row.extracted_at,
    }
  }

  put(hash: string, content: ContentInput, now = Date.now()): void {
    assertHash(hash)
    const empty = { text: null, kind: null, pages: null, title: null, traits: null, chars: null }
    const failure = { error_code: null, error_message: null }
    this.putStmt.run(
      'text' in content
        ? {
            ...failure,
            hash,
            text: content.text,
            kind: content.kind,
            pages: content.pages,
            title: content.title,
            traits: JSON.stringify(content.traits),
            chars: content.text.length,
            extracted_at: now,
          }
        : {
            ...empty,
            hash,
            error_code: content.errorCode,
            error_message: content.errorMessage,
            extracted_at: now,
          },
    )
  }
}

/** The stored JSON array of traits; anything else (NULL from before traits, damage) is none. */
export function parseTraits(json: string | null): string[] {
  if (json === null) return []
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}
