/** Maps library records to the plain views of the API contract. */
import { basename, dirname } from 'node:path'
import type {
  CategoryView,
  LearnResult,
  ModelView,
  MoveView,
  SuggestionView,
} from '../../shared/api'
import { isErrorCode, type SerializedError } from '../../shared/errors'
import type { LearnReport } from '../app/docsort'
import type { TextClassifier } from '../classify/classifier'
import { topTerms } from '../classify/explain'
import type { HistoryRow } from '../library/desk-state'
import type { Library } from '../library/library'
import type { ModelRecord } from '../library/models'
import type { Suggestion } from '../library/suggestions'

const SNIPPET_CHARS = 320

export function categoryViews(library: Library): CategoryView[] {
  const counts = new Map(library.countsByCategory().map((c) => [c.category, c.count]))
  return library
    .listCategories()
    .map((c) => ({ name: c.name, folder: c.folder, documents: counts.get(c.name) ?? 0 }))
}

/**
 * The words behind each suggestion, per classifier: they cost a tokenization of the document, and
 * the Inbox is listed again on every change while files arrive. A new model starts a new cache.
 */
export class ReasonCache {
  private readonly byClassifier = new WeakMap<TextClassifier, Map<number, string[]>>()

  get(classifier: TextClassifier, suggestion: Suggestion, text: string): string[] {
    let cache = this.byClassifier.get(classifier)
    if (!cache) {
      cache = new Map()
      this.byClassifier.set(classifier, cache)
    }
    let reasons = cache.get(suggestion.id)
    if (!reasons) {
      reasons = suggestion.category ? topTerms(classifier, text, suggestion.category) : []
      cache.set(suggestion.id, reasons)
    }
    return reasons
  }
}

export function suggestionView(
  library: Library,
  suggestion: Suggestion,
  classifier: TextClassifier | undefined,
  reasons: ReasonCache,
): SuggestionView {
  const document = library.getDocument(suggestion.documentId)
  const content = document ? library.getContent(document.hash) : undefined
  const text = content?.ok ? content.text : ''
  return {
    id: suggestion.id,
    path: suggestion.path,
    name: basename(suggestion.path),
    kind: content?.ok ? content.kind : null,
    size: document?.size ?? 0,
    snippet: text.replace(/\s+/gu, ' ').trim().slice(0, SNIPPET_CHARS),
    category: suggestion.category,
    confidence: suggestion.confidence,
    unsure: suggestion.unsure,
    runnersUp: suggestion.runnersUp,
    reasons: classifier && text ? reasons.get(classifier, suggestion, text) : [],
    createdAt: suggestion.createdAt,
  }
}

export function moveView(row: HistoryRow, library: Library): MoveView {
  const folder = dirname(row.target)
  return {
    id: row.id,
    batchId: row.batchId,
    from: row.source,
    to: row.target,
    category: library.listCategories().find((c) => c.folder === folder)?.name ?? null,
    at: row.createdAt,
    undone: row.undone,
    automatic: row.automatic,
  }
}

export function modelView(record: ModelRecord): ModelView {
  return {
    version: record.version,
    createdAt: record.createdAt,
    active: record.active,
    labels: record.labels,
    documents: record.details?.documents ?? record.metrics?.documents ?? 0,
    backend: record.details?.backend ?? 'unknown',
    metrics: record.metrics,
    curve: record.details?.curve ?? [],
  }
}

export function learnResult(report: LearnReport, library: Library): LearnResult {
  const names = new Set(report.categories.map((c) => c.name))
  return {
    categories: categoryViews(library).filter((c) => names.has(c.name)),
    documents: report.documents,
    failed: report.failed.map((f): SerializedError => ({
      code: isErrorCode(f.code) ? f.code : 'extract/failed',
      message: f.message,
      path: f.path,
    })),
  }
}
