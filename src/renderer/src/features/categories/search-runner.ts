/**
 * Runs a search as the user types: it waits for a pause in typing, sends the trimmed query, and
 * reports only the answer to the newest request, so a slow answer to an older query never replaces
 * a newer one. It knows nothing of Svelte; the screen's state applies what it reports.
 */
import { debounce, type Debounced } from '../../lib/debounce'
import { LatestOnly } from '../../lib/latest-only'

/** Long enough to skip most keystrokes of a word typed in one go, short enough to feel live. */
export const SEARCH_DELAY_MS = 250

/** Main refuses longer queries (src/main/api/schemas.ts). */
export const QUERY_MAX_LENGTH = 200

export interface SearchListener<T> {
  /** A request for `query` went out; answers to earlier requests will be dropped. */
  started(query: string): void
  answered(query: string, result: T): void
  failed(query: string, failure: unknown): void
  /** The field was emptied: nothing to show, and answers still on their way are dropped. */
  cleared(): void
}

/** The query to send for what the field holds; null when there is nothing to look for. */
export function normalizeQuery(text: string): string | null {
  const query = text.trim().slice(0, QUERY_MAX_LENGTH).trim()
  return query === '' ? null : query
}

export class SearchRunner<T> {
  #query: string | null = null
  readonly #latest = new LatestOnly()
  readonly #debounced: Debounced
  readonly #search: (query: string) => Promise<T>
  readonly #listener: SearchListener<T>

  constructor(
    search: (query: string) => Promise<T>,
    listener: SearchListener<T>,
    delayMs = SEARCH_DELAY_MS,
  ) {
    this.#search = search
    this.#listener = listener
    this.#debounced = debounce(() => void this.#run(), delayMs)
  }

  /** The query the runner is following; null while the field is empty. */
  get query(): string | null {
    return this.#query
  }

  /** What the field holds now. The search follows once typing pauses. */
  type(text: string): void {
    const query = normalizeQuery(text)
    if (query === this.#query) return

    this.#query = query
    if (query !== null) {
      this.#debounced()
      return
    }
    this.#debounced.cancel()
    this.#latest.dropAll()
    this.#listener.cleared()
  }

  /** Searches for the current query at once: Enter, or trying again after a failure. */
  now(): void {
    this.#debounced.cancel()
    void this.#run()
  }

  /** Searches again after a pause, because what the answer depends on may have changed. */
  refresh(): void {
    if (this.#query !== null) this.#debounced()
  }

  dispose(): void {
    this.#debounced.cancel()
    this.#latest.dropAll()
  }

  async #run(): Promise<void> {
    const query = this.#query
    if (query === null) return

    const ticket = this.#latest.take()
    this.#listener.started(query)
    let result: T
    try {
      result = await this.#search(query)
    } catch (failure) {
      if (this.#latest.isNewest(ticket)) this.#listener.failed(query, failure)
      return
    }
    if (this.#latest.isNewest(ticket)) this.#listener.answered(query, result)
  }
}
