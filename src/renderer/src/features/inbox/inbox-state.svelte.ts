/**
 * The inbox screen: the suggestions waiting for review, the keyboard selection, and the per-file
 * busy and error marks. Reloads on `inbox:changed`; a handled file leaves the list at once.
 */
import { SvelteMap, SvelteSet } from 'svelte/reactivity'
import type { ActionResult, SuggestionView } from '../../../../shared/api'
import type { SerializedError } from '../../../../shared/errors'
import type { DocsortClient } from '../../lib/client/docsort-client'
import { LoadedState } from '../../lib/loaded-state.svelte'
import { keepSelection, moveSelection } from './selection'

/** The Accept-all threshold a user starts with: high enough that mistakes are rare. */
export const DEFAULT_ACCEPT_ALL = 0.9

export interface AcceptAllOutcome {
  accepted: number
  failed: SerializedError[]
}

export class InboxState extends LoadedState {
  items: SuggestionView[] = $state.raw([])
  selectedId: number | null = $state(null)
  /** Suggestions with a request in flight. */
  readonly busy = new SvelteSet<number>()
  /** Why the last action on a suggestion failed: a SerializedError or what the request threw. */
  readonly failures = new SvelteMap<number, unknown>()
  acceptAllThreshold = $state(DEFAULT_ACCEPT_ALL)
  acceptingAll = $state(false)
  acceptAllFailures: SerializedError[] = $state.raw([])
  readonly selected: SuggestionView | null = $derived(
    this.items.find((item) => item.id === this.selectedId) ?? null,
  )
  readonly acceptAllCount: number = $derived(
    this.items.filter((s) => s.category !== null && s.confidence >= this.acceptAllThreshold).length,
  )
  readonly #client: DocsortClient

  constructor(client: DocsortClient) {
    super()
    this.#client = client
  }

  connect(): () => void {
    return this.reloadOn(this.#client, ['inbox:changed'])
  }

  select = (id: number): void => {
    this.selectedId = id
  }

  move = (delta: 1 | -1): void => {
    this.selectedId = moveSelection(this.#ids(), this.selectedId, delta)
  }

  accept = (id: number): Promise<ActionResult | null> =>
    this.#act(id, () => this.#client.request('suggestion:accept', { id }))

  correct = (id: number, category: string): Promise<ActionResult | null> =>
    this.#act(id, () => this.#client.request('suggestion:correct', { id, category }))

  skip = async (id: number): Promise<boolean> => {
    const result = await this.#act(id, async () => {
      await this.#client.request('suggestion:skip', { id })
      return { movedTo: null, duplicateOf: null, error: null }
    })
    return result !== null
  }

  /** Rejects with what the request threw; files that failed one by one are in the outcome. */
  acceptAll = async (): Promise<AcceptAllOutcome> => {
    this.acceptingAll = true
    this.acceptAllFailures = []
    try {
      const outcome = await this.#client.request('suggestion:accept-all', {
        minConfidence: this.acceptAllThreshold,
      })
      this.acceptAllFailures = outcome.failed
      return outcome
    } finally {
      this.acceptingAll = false
      await this.reload()
    }
  }

  dismissAcceptAllFailures = (): void => {
    this.acceptAllFailures = []
  }

  async #act(id: number, request: () => Promise<ActionResult>): Promise<ActionResult | null> {
    if (this.busy.has(id)) return null

    this.busy.add(id)
    this.failures.delete(id)
    try {
      const result = await request()
      if (result.error) this.failures.set(id, result.error)
      else this.#remove(id)
      return result
    } catch (failure) {
      this.failures.set(id, failure)
      return null
    } finally {
      this.busy.delete(id)
    }
  }

  protected async load(): Promise<void> {
    this.#replace(await this.#client.request('inbox:list', {}))
  }

  #remove(id: number): void {
    this.#replace(this.items.filter((item) => item.id !== id))
  }

  #replace(items: SuggestionView[]): void {
    const before = this.#ids()
    this.items = items
    const after = this.#ids()
    this.selectedId = keepSelection(before, after, this.selectedId)
    for (const id of this.failures.keys()) if (!after.includes(id)) this.failures.delete(id)
  }

  #ids(): number[] {
    return this.items.map((item) => item.id)
  }
}
