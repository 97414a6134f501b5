/**
 * Classifies files and turns predictions into moves. A file below the confidence threshold, or
 * one that cannot be read, stays where it is with the reason; the rest move to their category's
 * folder through the journaled mover, as one batch that can be undone together.
 */
import { randomUUID } from 'node:crypto'
import { isAppError, type SerializedError } from '../../shared/errors'
import type { ScoredLabel } from '../../shared/types'
import type { TextClassifier } from '../classify/classifier'
import type { ContentRecord } from '../library/contents'
import type { Library } from '../library/library'
import { createLogger } from '../log/logger'
import type { Mover } from '../sort/mover'
import type { IngestedFile, Ingestor } from './ingest'
import { mapPool } from './run-pool'

export interface SortEntry {
  path: string
  /** The category the file goes to; null when the model is unsure or the file unreadable. */
  category: string | null
  /** The model's best guess, even when it is unsure. */
  predicted: string | null
  confidence: number | null
  runnersUp: ScoredLabel[]
  movedTo: string | null
  /** Set when identical content already sits in the category folder; the file stayed. */
  duplicateOf: string | null
  error: SerializedError | null
}

export interface SortProgress {
  done: number
  total: number
  path?: string
}

const log = createLogger('sort')

export class SortPlanner {
  constructor(
    private readonly library: Library,
    private readonly mover: Mover,
    private readonly ingestor: Ingestor,
    private readonly classifier: () => Promise<TextClassifier>,
  ) {}

  /** Predictions for the files, with no threshold applied and nothing moved. */
  async classify(paths: string[], onProgress?: (p: SortProgress) => void): Promise<SortEntry[]> {
    const classifier = await this.classifier()
    let done = 0
    const ingested = await mapPool(paths, 2, async (path) => {
      const file = await this.ingest(path)
      done += 1
      onProgress?.({ done, total: paths.length, path })
      return file
    })

    const readable = ingested.filter(
      (f): f is IngestedFile & { content: Extract<ContentRecord, { ok: true }> } =>
        !isError(f) && f.content.ok,
    )
    const predictions = classifier.predict(readable.map((f) => f.content))
    const byPath = new Map(readable.map((f, i) => [f.path, predictions[i]]))

    return ingested.map((file, i): SortEntry => {
      const path = paths[i] ?? ''
      const base: SortEntry = {
        path,
        category: null,
        predicted: null,
        confidence: null,
        runnersUp: [],
        movedTo: null,
        duplicateOf: null,
        error: null,
      }
      if (isError(file)) return { ...base, error: file }
      if (!file.content.ok)
        return {
          ...base,
          error: { code: file.content.errorCode, message: file.content.errorMessage, path },
        }
      const prediction = byPath.get(file.path)
      if (!prediction) return base
      return {
        ...base,
        category: prediction.label,
        predicted: prediction.label,
        confidence: prediction.confidence,
        runnersUp: prediction.runnersUp,
      }
    })
  }

  /** Classifies and records a suggestion per file; `category` stays null below the threshold. */
  async plan(
    paths: string[],
    options: { threshold?: number; onProgress?: (p: SortProgress) => void } = {},
  ): Promise<SortEntry[]> {
    const classifier = await this.classifier()
    const threshold = options.threshold ?? classifier.metadata.threshold
    const entries = await this.classify(paths, options.onProgress)
    return entries.map((entry) => {
      const unsure = entry.confidence !== null && entry.confidence < threshold
      this.record(entry, unsure, classifier.metadata.version)
      return unsure ? { ...entry, category: null } : entry
    })
  }

  /** Moves every entry that has a category, as one undoable batch. */
  async apply(
    entries: SortEntry[],
    onProgress?: (p: SortProgress) => void,
    options: { automatic?: boolean } = {},
  ): Promise<SortEntry[]> {
    const batchId = randomUUID()
    if (entries.some((e) => e.category && !e.error)) {
      this.library.desk.recordBatch(batchId, options.automatic ?? false)
    }
    const result: SortEntry[] = []
    let done = 0
    for (const entry of entries) {
      result.push(await this.applyOne(entry, batchId))
      done += 1
      onProgress?.({ done, total: entries.length, path: entry.path })
    }
    return result
  }

  private async applyOne(entry: SortEntry, batchId: string): Promise<SortEntry> {
    if (!entry.category || entry.error) return entry
    const category = this.library.getCategory(entry.category)
    if (!category) {
      return {
        ...entry,
        category: null,
        error: {
          code: 'sort/destination-unavailable',
          message: `Category "${entry.category}" no longer exists`,
          path: entry.path,
        },
      }
    }
    try {
      const outcome = await this.mover.move(entry.path, category.folder, { batchId })
      const doc = this.library.getDocumentByPath(entry.path)
      if (outcome.status === 'duplicate') return { ...entry, duplicateOf: outcome.duplicateOf }
      if (doc) {
        this.library.relocateDocument(doc.id, outcome.to, 'moved')
        this.library.settlePendingSuggestions(doc.id, 'moved')
      }
      log.info('file moved', { from: outcome.from, to: outcome.to, category: category.name })
      return { ...entry, movedTo: outcome.to }
    } catch (error) {
      if (!isAppError(error)) throw error
      log.error('file not moved', { file: entry.path, code: error.code })
      return { ...entry, error: error.toJSON() }
    }
  }

  private async ingest(path: string): Promise<IngestedFile | SerializedError> {
    try {
      const file = await this.ingestor.ingest(path)
      const { hash, size, mtimeMs } = file
      this.library.upsertDocument({ path, hash, size, mtimeMs, status: 'new' })
      return file
    } catch (error) {
      if (isAppError(error)) return error.toJSON()
      throw error
    }
  }

  private record(entry: SortEntry, unsure: boolean, modelVersion: string): void {
    const existing = this.library.getDocumentByPath(entry.path)
    if (!existing) return
    if (entry.error) {
      this.library.setDocumentStatus(existing.id, 'failed')
      return
    }
    const category = entry.predicted ? this.library.getCategory(entry.predicted) : undefined
    this.library.setDocumentStatus(existing.id, unsure ? 'unsure' : 'suggested')
    this.library.addSuggestion({
      documentId: existing.id,
      categoryId: category?.id ?? null,
      confidence: entry.confidence ?? 0,
      runnersUp: entry.runnersUp,
      unsure,
      modelVersion,
    })
  }
}

function isError(value: IngestedFile | SerializedError): value is SerializedError {
  return 'code' in value
}
