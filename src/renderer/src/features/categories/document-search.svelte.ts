/**
 * The "Find a document" card's state: what the field holds, the answer shown and the query it
 * answers. SearchRunner decides when to ask and which answers count; this only keeps the result.
 * The answer follows the library: a change of state, a move or a new file searches again.
 */
import type { DocumentHit } from '../../../../shared/api'
import type { DocsortClient } from '../../lib/client/docsort-client'
import { SearchRunner } from './search-runner'

/** As many hits as a glance can take in; a longer list asks for a more precise query. */
export const SEARCH_LIMIT = 50

export interface SearchAnswer {
  query: string
  hits: DocumentHit[]
}

export class DocumentSearch {
  text = $state('')
  /** The answer shown; null before the first one and after the field was emptied. */
  answer: SearchAnswer | null = $state.raw(null)
  /** The failure of the newest request, with the query it was for. */
  failure: { query: string; error: unknown } | null = $state.raw(null)
  #asking: string | null = $state(null)
  /** A new query is on its way; a refresh of the one shown does not count, so nothing flickers. */
  readonly searching: boolean = $derived(
    this.#asking !== null && this.#asking !== this.answer?.query,
  )
  readonly limited: boolean = $derived((this.answer?.hits.length ?? 0) >= SEARCH_LIMIT)
  readonly #client: DocsortClient
  readonly #runner: SearchRunner<DocumentHit[]>

  constructor(client: DocsortClient) {
    this.#client = client
    this.#runner = new SearchRunner(
      (query) => client.request('library:search', { query, limit: SEARCH_LIMIT }),
      {
        started: (query) => {
          this.#asking = query
        },
        answered: (query, hits) => {
          this.#asking = null
          this.answer = { query, hits }
          this.failure = null
        },
        failed: (query, error) => {
          this.#asking = null
          this.failure = { query, error }
        },
        cleared: () => {
          this.#asking = null
          this.answer = null
          this.failure = null
        },
      },
    )
  }

  connect(): () => void {
    const refresh = (): void => this.#runner.refresh()
    const offs = [
      this.#client.on('state:changed', refresh),
      this.#client.on('file:seen', refresh),
      this.#client.on('file:moved', refresh),
      this.#client.on('history:changed', refresh),
      this.#client.onConnectionChange((online) => {
        if (online) refresh()
      }),
    ]
    return () => {
      offs.forEach((off) => off())
      this.#runner.dispose()
    }
  }

  input = (text: string): void => {
    this.text = text
    this.#runner.type(text)
  }

  clear = (): void => {
    this.input('')
  }

  searchNow = (): void => {
    this.#runner.now()
  }
}
