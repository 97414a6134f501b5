/** The user's categories: a unique name and the absolute folder its files are moved to. */
import type Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { assertAbsolutePath, assertName } from './validate'

export interface Category {
  id: number
  name: string
  folder: string
}

export class CategoryRepository {
  private readonly upsertStmt
  private readonly listStmt
  private readonly getStmt
  private readonly getByIdStmt
  private readonly removeStmt
  private readonly renameStmt

  constructor(db: Database.Database) {
    this.upsertStmt = db.prepare<[string, string], Category>(
      `INSERT INTO categories (name, folder) VALUES (?, ?)
       ON CONFLICT (name) DO UPDATE SET folder = excluded.folder
       RETURNING id, name, folder`,
    )
    this.listStmt = db.prepare<[], Category>(
      'SELECT id, name, folder FROM categories ORDER BY name',
    )
    this.getStmt = db.prepare<[string], Category>(
      'SELECT id, name, folder FROM categories WHERE name = ?',
    )
    this.getByIdStmt = db.prepare<[number], Category>(
      'SELECT id, name, folder FROM categories WHERE id = ?',
    )
    this.removeStmt = db.prepare<[string]>('DELETE FROM categories WHERE name = ?')
    this.renameStmt = db.prepare<[string, string], Category>(
      'UPDATE categories SET name = ? WHERE name = ? RETURNING id, name, folder',
    )
  }

  upsert(name: string, folder: string): Category {
    assertName('category name', name)
    assertAbsolutePath('category folder', folder)
    return this.upsertStmt.get(name, folder) as Category
  }

  list(): Category[] {
    return this.listStmt.all()
  }

  get(name: string): Category | undefined {
    return this.getStmt.get(name)
  }

  getById(id: number): Category | undefined {
    return this.getByIdStmt.get(id)
  }

  /** Labels follow by id. Undefined when `name` does not exist; throws when `to` is taken. */
  rename(name: string, to: string): Category | undefined {
    assertName('category name', to)
    try {
      return this.renameStmt.get(to, name)
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error
      throw new AppError('library/category-exists', `A category named "${to}" already exists`, {
        cause: error,
      })
    }
  }

  /** Labels and suggestions keep their rows with a NULL category; returns false if absent. */
  remove(name: string): boolean {
    return this.removeStmt.run(name).changes > 0
  }
}
