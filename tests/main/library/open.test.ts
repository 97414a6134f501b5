import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { Library } from '../../../src/main/library/library'
import { SCHEMA_VERSION } from '../../../src/main/library/migrations'

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`
  }
  return undefined
}

describe('Library.open', () => {
  let dir: string
  let file: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'docsort-library-'))
    file = join(dir, 'nested', 'library.db')
  })

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates the file with WAL, synchronous FULL, foreign keys and the schema version', () => {
    const library = Library.open(file)
    try {
      expect(library.db.pragma('journal_mode', { simple: true })).toBe('wal')
      expect(library.db.pragma('synchronous', { simple: true })).toBe(2)
      expect(library.db.pragma('foreign_keys', { simple: true })).toBe(1)
      expect(library.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
      const tables = library.db
        .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        .all()
        .map((row) => row.name)
      expect(tables.sort()).toEqual(
        [
          'categories',
          'contents',
          // The full-text index and the shadow tables FTS5 keeps for it.
          'contents_fts',
          'contents_fts_config',
          'contents_fts_data',
          'contents_fts_docsize',
          'contents_fts_idx',
          'documents',
          'labels',
          'models',
          'move_batches',
          'moves',
          'settings',
          'suggestions',
          'watched_folders',
        ].sort(),
      )
    } finally {
      library.close()
    }
  })

  it('keeps rows when the file is closed and opened again', () => {
    const first = Library.open(file)
    first.upsertCategory('Invoices', '/docs/invoices')
    first.close()

    const second = Library.open(file)
    expect(second.listCategories()).toEqual([
      { id: expect.any(Number) as number, name: 'Invoices', folder: '/docs/invoices' },
    ])
    second.close()
  })

  it('opens an empty file as a new library', () => {
    Library.open(file).close()
    rmSync(file)
    writeFileSync(file, '')

    const library = Library.open(file)
    expect(library.listCategories()).toEqual([])
    library.close()
  })

  it('refuses with library/newer-version when the schema version is ahead of the code', () => {
    Library.open(file).close()
    const raw = new Database(file)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()

    expect(codeOf(() => Library.open(file))).toBe('library/newer-version')
    expect(readdirSync(join(dir, 'nested')).some((name) => name.includes('.corrupt-'))).toBe(false)
  })

  it('copies a non-SQLite file aside and refuses with library/corrupt', () => {
    const bytes = Buffer.from('this is a text file, not a database\n'.repeat(100))
    Library.open(file).close()
    rmSync(file)
    writeFileSync(file, bytes)

    expect(codeOf(() => Library.open(file))).toBe('library/corrupt')
    const copies = readdirSync(join(dir, 'nested')).filter((name) => name.includes('.corrupt-'))
    expect(copies).toHaveLength(1)
    expect(copies[0]).toMatch(/^library\.db\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/)
    expect(readFileSync(join(dir, 'nested', copies[0]))).toEqual(bytes)
    // The user's file stays where it was, byte for byte.
    expect(readFileSync(file)).toEqual(bytes)
  })

  it('copies a SQLite file with damaged pages aside and refuses with library/corrupt', () => {
    const library = Library.open(file)
    library.transaction(() => {
      for (let i = 0; i < 2000; i++) library.upsertCategory(`Category ${i}`, `/docs/c${i}`)
    })
    library.db.pragma('wal_checkpoint(TRUNCATE)')
    library.close()
    const bytes = readFileSync(file)
    expect(bytes.length).toBeGreaterThan(8 * 4096)
    // Overwrite pages 3 to 6 (B-tree pages of the categories table and its index) with noise.
    for (let i = 2 * 4096; i < 6 * 4096; i++) bytes[i] = (i * 7919) % 251
    writeFileSync(file, bytes)

    expect(codeOf(() => Library.open(file))).toBe('library/corrupt')
    expect(existsSync(file)).toBe(true)
    expect(readdirSync(join(dir, 'nested')).filter((n) => n.includes('.corrupt-'))).toHaveLength(1)
  })
})
