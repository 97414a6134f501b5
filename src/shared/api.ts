/**
 * The contract between the renderer and the main process: request names with their parameters
 * and results, event names with their payloads, and the two IPC channels that carry them. Channel
 * strings appear nowhere else. Main validates every request's params (src/main/api/schemas.ts).
 */
import type { SerializedError } from './errors'
import type { DocumentKind, EvaluationMetrics, ScoredLabel, TrainingProgress } from './types'

export const LOCALES = ['en', 'zh-CN'] as const
export type Locale = (typeof LOCALES)[number]

export interface CategoryView {
  name: string
  folder: string
  /** Labelled documents of this category in the library. */
  documents: number
}

export interface WatchedFolderView {
  folder: string
  enabled: boolean
}

export interface SettingsView {
  /** Files at or above this confidence move without asking; 1 means always ask. */
  autoSortThreshold: number
  /** Null follows the system language. */
  locale: Locale | null
  startAtLogin: boolean
  /** Watching is paused as a whole (the tray's pause), whatever each folder's switch says. */
  paused: boolean
}

export interface SuggestionView {
  id: number
  path: string
  name: string
  kind: DocumentKind | null
  size: number
  /** The first few hundred characters of the extracted text, whitespace collapsed. */
  snippet: string
  /** The predicted category; null when it was removed since. */
  category: string | null
  confidence: number
  /** Below the model's own threshold. */
  unsure: boolean
  runnersUp: ScoredLabel[]
  /** The words that weighed most for the predicted category, strongest first. */
  reasons: string[]
  createdAt: number
}

export const SEEN_STATUSES = [
  'queued',
  'reading',
  'suggested',
  'moved',
  'duplicate',
  'failed',
] as const
export type SeenStatus = (typeof SEEN_STATUSES)[number]

/** A file a watched folder received, and what became of it. */
export interface SeenFileView {
  path: string
  name: string
  status: SeenStatus
  at: number
  movedTo: string | null
  error: SerializedError | null
}

export const DOCUMENT_STATES = [
  'new',
  'labelled',
  'suggested',
  'moved',
  'unsure',
  'failed',
  'skipped',
] as const
export type DocumentState = (typeof DOCUMENT_STATES)[number]

/** A document of the library found by `library:search`. */
export interface DocumentHit {
  id: number
  path: string
  name: string
  size: number
  status: DocumentState
  /** The category of its label (imported, accepted or corrected); null when it has none. */
  category: string | null
  seenAt: number
}

export interface MoveView {
  id: number
  batchId: string | null
  from: string
  to: string
  /** The category folder's category name, when it still matches one. */
  category: string | null
  at: number
  undone: boolean
  /** Moved by the watcher above the auto-sort threshold, without a click. */
  automatic: boolean
}

export interface EpochPoint {
  epoch: number
  loss: number
  accuracy: number
  valLoss: number | null
  valAccuracy: number | null
}

export interface ModelView {
  version: string
  createdAt: number
  active: boolean
  labels: string[]
  documents: number
  backend: string
  /** Held-out metrics; null for a model trained on too few documents to hold any out. */
  metrics: EvaluationMetrics | null
  curve: EpochPoint[]
}

export interface TrainingView {
  running: boolean
  /** The latest progress of the running job, or of the last one. */
  progress: TrainingProgress | null
}

export interface Capabilities {
  /** Native folder pickers and opening files with the system's app (the desktop shell). */
  desktop: boolean
  /** The operating system of the computer whose folders are sorted (process.platform there). */
  platform: string
}

export interface AppState {
  dataDir: string
  settings: SettingsView
  categories: CategoryView[]
  watched: WatchedFolderView[]
  /** The active model; null before the first training. */
  model: ModelView | null
  inbox: number
  training: TrainingView
  capabilities: Capabilities
}

export interface LearnResult {
  categories: CategoryView[]
  documents: number
  failed: SerializedError[]
}

export interface ActionResult {
  /** Where the file is now; null when it stayed (a duplicate, or an error). */
  movedTo: string | null
  duplicateOf: string | null
  error: SerializedError | null
}

export interface TrainingOutcome {
  model: ModelView
  /** False when the new model scored below the active one, which then stays active. */
  activated: boolean
  previous: string | null
}

type NoParams = Record<string, never>

export interface Requests {
  'app:state': { params: NoParams; result: AppState }
  'settings:update': {
    params: { autoSortThreshold?: number; locale?: Locale | null; startAtLogin?: boolean }
    result: SettingsView
  }
  'category:add': { params: { name: string; folder: string }; result: CategoryView }
  'category:rename': { params: { name: string; to: string }; result: CategoryView }
  'category:remove': { params: { name: string }; result: null }
  /** Imports the existing files of one category's folder as its examples. */
  'category:learn': { params: { name: string }; result: LearnResult }
  /** Each subfolder of `folder` becomes a category, its files the examples. */
  'folder:learn': { params: { folder: string }; result: LearnResult }
  /** The desktop shell's folder picker; null when cancelled. */
  'folder:pick': { params: NoParams; result: string | null }
  'watch:add': { params: { folder: string }; result: WatchedFolderView[] }
  'watch:remove': { params: { folder: string }; result: WatchedFolderView[] }
  'watch:set-enabled': { params: { folder: string; enabled: boolean }; result: WatchedFolderView[] }
  'watch:pause': { params: { paused: boolean }; result: SettingsView }
  'watch:recent': { params: { limit?: number }; result: SeenFileView[] }
  /** The newest pending suggestions, at most `limit` (default 200); AppState.inbox counts all. */
  'inbox:list': { params: { limit?: number }; result: SuggestionView[] }
  'suggestion:accept': { params: { id: number }; result: ActionResult }
  /** Moves the file to `category` and teaches the live model at once. */
  'suggestion:correct': { params: { id: number; category: string }; result: ActionResult }
  'suggestion:skip': { params: { id: number }; result: null }
  'suggestion:accept-all': {
    params: { minConfidence: number }
    result: { accepted: number; failed: SerializedError[] }
  }
  'file:open': { params: { path: string }; result: null }
  'file:reveal': { params: { path: string }; result: null }
  /** Starts a full retrain; progress and the outcome arrive as events. */
  'model:retrain': { params: NoParams; result: null }
  'model:cancel': { params: NoParams; result: null }
  'model:list': { params: NoParams; result: ModelView[] }
  'model:rollback': { params: { version: string }; result: ModelView }
  'history:list': { params: { limit?: number; before?: number }; result: MoveView[] }
  /** Documents whose name or text contains `query`, newest first. */
  'library:search': { params: { query: string; limit?: number }; result: DocumentHit[] }
  'history:undo': {
    params: { moveIds: number[] }
    result: { undone: number[]; failed: (SerializedError & { moveId: number })[] }
  }
}

export interface Events {
  /** Something in AppState changed: settings, categories, watched folders, model, inbox count. */
  'state:changed': AppState
  'inbox:changed': { count: number }
  'file:seen': SeenFileView
  'file:moved': MoveView
  'history:changed': { latest: number | null }
  'learning:progressed': { done: number; total: number; path: string | null }
  'training:progressed': TrainingProgress
  'training:finished': TrainingOutcome
  'training:failed': SerializedError
}

export type RequestName = keyof Requests
export type EventName = keyof Events
export type Params<N extends RequestName> = Requests[N]['params']
export type Result<N extends RequestName> = Requests[N]['result']

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: SerializedError }

export type EventMessage = { [E in EventName]: { name: E; payload: Events[E] } }[EventName]

/** What the preload exposes and the browser client implements: the same contract for both. */
export interface DocsortApi {
  invoke<N extends RequestName>(name: N, params: Params<N>): Promise<Envelope<Result<N>>>
  /** Returns a function that removes the listener. */
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void
}

/** Electron IPC: one channel for requests (name, params) and one for events (EventMessage). */
export const IPC_INVOKE = 'docsort:invoke'
export const IPC_EVENT = 'docsort:event'

/** Browser mode: POST {HTTP_API_PREFIX}{name} with params as JSON; events on the WebSocket. */
export const HTTP_API_PREFIX = '/api/'
export const EVENTS_PATH = '/events'
export const TOKEN_HEADER = 'x-docsort-token'
export const TOKEN_QUERY = 'token'
