/** Trained model versions: where each is on disk, its labels and metrics, and which is active. */
import { existsSync } from 'node:fs'
import { basename, isAbsolute, join, relative } from 'node:path'
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import type { EpochPoint } from '../../shared/api'
import type { EvaluationMetrics } from '../../shared/types'
import { assertAbsolutePath, assertName } from './validate'

export interface ModelInput {
  version: string
  /** Absolute folder holding the weights and metadata.json. */
  dir: string
  /** Labels in the model's output index order. */
  labels: string[]
  metrics: EvaluationMetrics | null
  details?: ModelDetails | null
}

/** How a model was trained, for the UI: its curve per epoch, the backend and the data size. */
export interface ModelDetails {
  curve: EpochPoint[]
  backend: string
  documents: number
}

export interface ModelRecord extends ModelInput {
  createdAt: number
  active: boolean
}

interface ModelRow {
  version: string
  dir: string
  labels: string
  metrics: string | null
  details: string | null
  created_at: number
  active: number
}

export class ModelRepository {
  private readonly insertStmt
  private readonly activeStmt
  private readonly listStmt
  private readonly clearActiveStmt
  private readonly setActiveStmt
  private readonly renameStmt

  /**
   * `root` is the folder of the library file. A model folder inside it is stored relative to it,
   * so that the whole data folder can be moved or copied with its models.
   */
  constructor(
    private readonly db: Database.Database,
    private readonly root: string,
  ) {
    this.insertStmt = db.prepare<[string, string, string, string | null, string | null, number]>(
      `INSERT INTO models (version, dir, labels, metrics, details, created_at, active)
       VALUES (?, ?, ?, ?, ?, ?, 0)`,
    )
    this.activeStmt = db.prepare<[], ModelRow>('SELECT * FROM models WHERE active = 1')
    this.listStmt = db.prepare<[], ModelRow>(
      'SELECT * FROM models ORDER BY created_at DESC, rowid DESC',
    )
    this.clearActiveStmt = db.prepare('UPDATE models SET active = 0 WHERE active = 1')
    this.setActiveStmt = db.prepare<[string]>('UPDATE models SET active = 1 WHERE version = ?')
    this.renameStmt = db.prepare<[string, string | null, string]>(
      'UPDATE models SET labels = ?, metrics = ? WHERE version = ?',
    )
  }

  /** Records a new version, inactive until `setActive`: a model is activated once it has loaded. */
  record(input: ModelInput, now = Date.now()): ModelRecord {
    assertName('model version', input.version)
    assertAbsolutePath('model folder', input.dir)
    const metrics = input.metrics === null ? null : JSON.stringify(input.metrics)
    try {
      const details = input.details ? JSON.stringify(input.details) : null
      this.insertStmt.run(
        input.version,
        storedPath(this.root, input.dir),
        JSON.stringify(input.labels),
        metrics,
        details,
        now,
      )
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error
      throw new AppError('input/invalid', `Model version "${input.version}" is already recorded`, {
        cause: error,
      })
    }
    return { ...input, createdAt: now, active: false }
  }

  active(): ModelRecord | undefined {
    const row = this.activeStmt.get()
    return row === undefined ? undefined : toRecord(row, this.root)
  }

  list(): ModelRecord[] {
    return this.listStmt.all().map((row) => toRecord(row, this.root))
  }

  /** Renames a label in every model's labels and metrics, which name categories. */
  renameLabel(name: string, to: string): void {
    const rename = (label: string): string => (label === name ? to : label)
    for (const model of this.list()) {
      if (!model.labels.includes(name)) continue
      const metrics = model.metrics && {
        ...model.metrics,
        labels: model.metrics.labels.map(rename),
        perClass: model.metrics.perClass.map((c) => ({ ...c, label: rename(c.label) })),
      }
      this.renameStmt.run(
        JSON.stringify(model.labels.map(rename)),
        metrics ? JSON.stringify(metrics) : null,
        model.version,
      )
    }
  }

  setActive(version: string): void {
    this.db.transaction(() => {
      this.clearActiveStmt.run()
      if (this.setActiveStmt.run(version).changes === 0) {
        throw new AppError('model/not-found', `Model version "${version}" is not in the library`)
      }
    })()
  }
}

function toRecord(row: ModelRow, root: string): ModelRecord {
  return {
    version: row.version,
    dir: resolvedPath(root, row.dir),
    labels: JSON.parse(row.labels) as string[],
    metrics: row.metrics === null ? null : (JSON.parse(row.metrics) as EvaluationMetrics),
    details: row.details === null ? null : (JSON.parse(row.details) as ModelDetails),
    createdAt: row.created_at,
    active: row.active === 1,
  }
}

function storedPath(root: string, dir: string): string {
  const inside = relative(root, dir)
  return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside) ? inside : dir
}

/**
 * A relative folder lies in `root`. An absolute one written before paths were stored relative
 * points into the data folder's old place when the folder was moved since: when it is gone and
 * `root/models` holds a folder of its name, that one is meant.
 */
function resolvedPath(root: string, stored: string): string {
  if (!isAbsolute(stored)) return join(root, stored)
  if (existsSync(stored)) return stored
  const moved = join(root, 'models', basename(stored))
  return existsSync(moved) ? moved : stored
}
