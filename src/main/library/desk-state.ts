/**
 * The desktop app's own rows: settings as JSON values by key, the watched folders with their
 * switches, and which move batches were made automatically. Validation of values is the caller's.
 */
import type Database from 'better-sqlite3'
import { assertAbsolutePath } from './validate'

export interface WatchedFolder {
  folder: string
  enabled: boolean
  addedAt: number
}

export interface HistoryRow {
  id: number
  batchId: string | null
  source: string
  target: string
  createdAt: number
  undone: boolean
  automatic: boolean
}

export class DeskStateRepository {
  private readonly getSettingStmt
  private readonly putSettingStmt
  private readonly listWatchedStmt
  private readonly addWatchedStmt
  private readonly removeWatchedStmt
  private readonly enableWatchedStmt
  private readonly addBatchStmt
  private readonly historyStmt

  constructor(db: Database.Database) {
    this.getSettingStmt = db.prepare<[string], { value: string }>(
      'SELECT value FROM settings WHERE key = ?',
    )
    this.putSettingStmt = db.prepare<[string, string]>(
      `INSERT INTO settings (key, value) VALUES (?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    )
    this.listWatchedStmt = db.prepare<[], { folder: string; enabled: number; added_at: number }>(
      'SELECT folder, enabled, added_at FROM watched_folders ORDER BY added_at, folder',
    )
    this.addWatchedStmt = db.prepare<[string, number]>(
      `INSERT INTO watched_folders (folder, enabled, added_at) VALUES (?, 1, ?)
       ON CONFLICT (folder) DO NOTHING`,
    )
    this.removeWatchedStmt = db.prepare<[string]>('DELETE FROM watched_folders WHERE folder = ?')
    this.enableWatchedStmt = db.prepare<[number, string]>(
      'UPDATE watched_folders SET enabled = ? WHERE folder = ?',
    )
    this.addBatchStmt = db.prepare<[string, number, number]>(
      `INSERT INTO move_batches (batch_id, automatic, created_at) VALUES (?, ?, ?)
       ON CONFLICT (batch_id) DO NOTHING`,
    )
    this.historyStmt = db.prepare<
      [number | null, number | null, number],
      {
        id: number
        batch_id: string | null
        source: string
        target: string
        created_at: number
        state: string
        automatic: number | null
      }
    >(
      `SELECT m.id, m.batch_id, m.source, m.target, m.created_at, m.state, b.automatic
       FROM moves m LEFT JOIN move_batches b ON b.batch_id = m.batch_id
       WHERE m.kind = 'move' AND m.state IN ('done', 'undone') AND (? IS NULL OR m.id < ?)
       ORDER BY m.id DESC LIMIT ?`,
    )
  }

  getSetting(key: string): unknown {
    const row = this.getSettingStmt.get(key)
    return row === undefined ? undefined : (JSON.parse(row.value) as unknown)
  }

  putSetting(key: string, value: unknown): void {
    this.putSettingStmt.run(key, JSON.stringify(value))
  }

  listWatched(): WatchedFolder[] {
    return this.listWatchedStmt
      .all()
      .map((r) => ({ folder: r.folder, enabled: r.enabled === 1, addedAt: r.added_at }))
  }

  addWatched(folder: string, now = Date.now()): void {
    assertAbsolutePath('watched folder', folder)
    this.addWatchedStmt.run(folder, now)
  }

  /** False when the folder was not watched. */
  removeWatched(folder: string): boolean {
    return this.removeWatchedStmt.run(folder).changes > 0
  }

  /** False when the folder is not watched. */
  setWatchedEnabled(folder: string, enabled: boolean): boolean {
    return this.enableWatchedStmt.run(enabled ? 1 : 0, folder).changes > 0
  }

  recordBatch(batchId: string, automatic: boolean, now = Date.now()): void {
    this.addBatchStmt.run(batchId, automatic ? 1 : 0, now)
  }

  /** Finished moves (not undo rows), newest first, optionally only those older than `before`. */
  history(limit: number, before: number | null = null): HistoryRow[] {
    return this.historyStmt.all(before, before, limit).map((r) => ({
      id: r.id,
      batchId: r.batch_id,
      source: r.source,
      target: r.target,
      createdAt: r.created_at,
      undone: r.state === 'undone',
      automatic: r.automatic === 1,
    }))
  }
}
