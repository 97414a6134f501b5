/**
 * The library: one SQLite file holding categories, the extraction cache, documents, labels,
 * suggestions, trained models and the move journal. This class opens it and exposes the
 * repositories as small typed methods; each table group's SQL lives in its own file.
 */
import { dirname, resolve } from 'node:path'
import type Database from 'better-sqlite3'
import type { LabelSource } from '../../shared/types'
import { createLogger, type Logger } from '../log/logger'
import { CategoryRepository, type Category } from './categories'
import { DeskStateRepository } from './desk-state'
import { DocumentSearch } from './search'
import { ContentRepository, type ContentInput, type ContentRecord } from './contents'
import {
  DocumentRepository,
  type DocumentInput,
  type DocumentRecord,
  type DocumentStatus,
} from './documents'
import {
  LabelRepository,
  type CategoryCount,
  type Label,
  type LabelledExample,
  type LabelOutcome,
} from './labels'
import { ModelRepository, type ModelInput, type ModelRecord } from './models'
import { openDatabase } from './open-database'
import { readStats, type LibraryStats } from './stats'
import {
  SuggestionRepository,
  type Suggestion,
  type SuggestionInput,
  type SuggestionStatus,
} from './suggestions'

export class Library {
  private readonly categories: CategoryRepository
  private readonly contents: ContentRepository
  private readonly documents: DocumentRepository
  private readonly labels: LabelRepository
  private readonly suggestions: SuggestionRepository
  private readonly models: ModelRepository
  /** Settings, watched folders and move batches of the desktop app. */
  readonly desk: DeskStateRepository
  readonly search: DocumentSearch

  /**
   * Opens or creates the library at `file`. Throws `library/corrupt` (after copying the file
   * aside) when it is not an intact SQLite database, and `library/newer-version` when a newer
   * Docsort wrote it.
   */
  static open(file: string, logger: Logger = createLogger('library')): Library {
    return new Library(file, openDatabase(file, logger))
  }

  private constructor(
    readonly file: string,
    /** The connection, for the move journal, which shares this file. */
    readonly db: Database.Database,
  ) {
    this.categories = new CategoryRepository(db)
    this.contents = new ContentRepository(db)
    this.documents = new DocumentRepository(db)
    this.labels = new LabelRepository(db)
    this.suggestions = new SuggestionRepository(db)
    this.models = new ModelRepository(db, dirname(resolve(file)))
    this.desk = new DeskStateRepository(db)
    this.search = new DocumentSearch(db)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  /** Runs `work` in one transaction: all of its writes land, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  upsertCategory(name: string, folder: string): Category {
    return this.categories.upsert(name, folder)
  }

  listCategories(): Category[] {
    return this.categories.list()
  }

  getCategory(name: string): Category | undefined {
    return this.categories.get(name)
  }

  getCategoryById(id: number): Category | undefined {
    return this.categories.getById(id)
  }

  /** Also renames the label in every recorded model, so predictions keep their category. */
  renameCategory(name: string, to: string): Category | undefined {
    return this.transaction(() => {
      const renamed = this.categories.rename(name, to)
      if (renamed) this.models.renameLabel(name, to)
      return renamed
    })
  }

  removeCategory(name: string): boolean {
    return this.categories.remove(name)
  }

  getContent(hash: string): ContentRecord | undefined {
    return this.contents.get(hash)
  }

  putContent(hash: string, content: ContentInput): void {
    this.contents.put(hash, content)
  }

  upsertDocument(input: DocumentInput): DocumentRecord {
    return this.documents.upsert(input)
  }

  getDocument(id: number): DocumentRecord | undefined {
    return this.documents.get(id)
  }

  getDocumentByPath(path: string): DocumentRecord | undefined {
    return this.documents.getByPath(path)
  }

  listDocuments(status?: DocumentStatus): DocumentRecord[] {
    return this.documents.list(status)
  }

  setDocumentStatus(id: number, status: DocumentStatus): void {
    this.documents.setStatus(id, status)
  }

  relocateDocument(id: number, path: string, status: DocumentStatus): void {
    this.documents.relocate(id, path, status)
  }

  setLabel(hash: string, categoryId: number, source: LabelSource): LabelOutcome {
    return this.labels.set(hash, categoryId, source)
  }

  getLabel(hash: string): Label | undefined {
    return this.labels.get(hash)
  }

  labelledSince(since: number): (LabelledExample & { source: LabelSource })[] {
    return this.labels.labelledSince(since)
  }

  labelledExamples(): LabelledExample[] {
    return this.labels.examples()
  }

  countsByCategory(): CategoryCount[] {
    return this.labels.countsByCategory()
  }

  addSuggestion(input: SuggestionInput): Suggestion {
    return this.suggestions.add(input)
  }

  getSuggestion(id: number): Suggestion | undefined {
    return this.suggestions.get(id)
  }

  listSuggestions(status?: SuggestionStatus): Suggestion[] {
    return this.suggestions.list(status)
  }

  countSuggestions(status: SuggestionStatus): number {
    return this.suggestions.count(status)
  }

  settlePendingSuggestions(documentId: number, status: SuggestionStatus): void {
    this.suggestions.settlePending(documentId, status)
  }

  setSuggestionStatus(id: number, status: SuggestionStatus): void {
    this.suggestions.setStatus(id, status)
  }

  recordModel(input: ModelInput): ModelRecord {
    return this.models.record(input)
  }

  activeModel(): ModelRecord | undefined {
    return this.models.active()
  }

  listModels(): ModelRecord[] {
    return this.models.list()
  }

  setActiveModel(version: string): void {
    this.models.setActive(version)
  }

  stats(): LibraryStats {
    return readStats(this.db, this.labels.countsByCategory())
  }
}
