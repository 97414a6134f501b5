/**
 * Opens the library file: checks that it is an intact SQLite database, sets the durability
 * pragmas and brings the schema up to date. A broken file is copied aside, never deleted.
 */
import {
  closeSync,
  copyFileSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
} from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { Logger } from '../log/logger'
import { MIGRATIONS, SCHEMA_VERSION } from './migrations'

const SQLITE_HEADER = 'SQLite format 3\0'

export function openDatabase(file: string, logger: Logger): Database.Database {
  mkdirSync(dirname(file), { recursive: true })
  if (!hasSqliteHeader(file)) {
    throw corrupt(file, 'the file does not start with the SQLite header', logger)
  }

  let db: Database.Database
  try {
    db = new Database(file)
  } catch (error) {
    if (isCorruption(error)) throw corrupt(file, describe(error), logger, error)
    throw error
  }

  try {
    // WAL plus synchronous=FULL makes every commit durable before it returns, so a journal row
    // written just before a file operation survives kill -9 and power loss.
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new IntegrityFailure(`quick_check reported "${String(check)}"`)
    migrate(db, file, logger)
    return db
  } catch (error) {
    db.close()
    if (error instanceof IntegrityFailure) throw corrupt(file, error.message, logger)
    if (isCorruption(error)) throw corrupt(file, describe(error), logger, error)
    throw error
  }
}

class IntegrityFailure extends Error {}

/** An empty or absent file is a new library; anything else must carry the SQLite magic string. */
function hasSqliteHeader(file: string): boolean {
  if (!existsSync(file)) return true
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length)
    const read = readSync(fd, header, 0, header.length, 0)
    return read === 0 || header.toString('latin1', 0, read) === SQLITE_HEADER
  } finally {
    closeSync(fd)
  }
}

function migrate(db: Database.Database, file: string, logger: Logger): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > SCHEMA_VERSION) {
    throw new AppError(
      'library/newer-version',
      `The library "${file}" has schema version ${current}, but this version of Docsort knows ` +
        `only up to ${SCHEMA_VERSION}; update Docsort to open it`,
      { path: file },
    )
  }

  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue
    // user_version lives in the database header and is written inside the same transaction, so
    // a migration is applied completely or not at all.
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
    logger.info('library schema migrated', { file, version: migration.version })
  }
}

function corrupt(file: string, reason: string, logger: Logger, cause?: unknown): AppError {
  const copy = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
  copyFileSync(file, copy, constants.COPYFILE_EXCL)
  // Committed pages that were not yet checkpointed live in the WAL; keep it beside the copy
  // under the name SQLite expects, so that the copy opens with them.
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`, constants.COPYFILE_EXCL)
  logger.error('library is corrupt', { file, copy, reason })
  return new AppError(
    'library/corrupt',
    `The library "${file}" is not a usable SQLite database (${reason}); ` +
      `a copy was saved as "${copy}"`,
    { path: file, cause },
  )
}

/** SQLite reports damage as SQLITE_CORRUPT (and its extended codes) or SQLITE_NOTADB. */
function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message
}
