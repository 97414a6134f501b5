/**
 * The History screen: moves newest first, a page at a time, with a selection of the ones that can
 * still be undone. Reloads on `history:changed` and `file:moved`, keeping as many rows as shown.
 */
import { SvelteSet } from 'svelte/reactivity'
import type { MoveView } from '../../../../shared/api'
import type { SerializedError } from '../../../../shared/errors'
import type { DocsortClient } from '../../lib/client/docsort-client'
import { LoadedState } from '../../lib/loaded-state.svelte'

export const HISTORY_PAGE = 100

export type UndoFailure = SerializedError & { moveId: number }

export class HistoryState extends LoadedState {
  moves: MoveView[] = $state.raw([])
  hasMore = $state(false)
  loadingMore = $state(false)
  undoing = $state(false)
  failures: UndoFailure[] = $state.raw([])
  readonly selected = new SvelteSet<number>()
  readonly undoable: MoveView[] = $derived(this.moves.filter((move) => !move.undone))
  readonly allSelected: boolean = $derived(
    this.undoable.length > 0 && this.undoable.every((move) => this.selected.has(move.id)),
  )
  readonly #client: DocsortClient

  constructor(client: DocsortClient) {
    super()
    this.#client = client
  }

  connect(): () => void {
    return this.reloadOn(this.#client, ['history:changed', 'file:moved'])
  }

  toggle = (id: number): void => {
    if (this.selected.has(id)) this.selected.delete(id)
    else this.selected.add(id)
  }

  toggleAll = (): void => {
    if (this.allSelected) this.selected.clear()
    else for (const move of this.undoable) this.selected.add(move.id)
  }

  /** Rejects with what the request threw; moves that failed one by one are in `failures`. */
  undo = async (ids: readonly number[]): Promise<number> => {
    if (ids.length === 0 || this.undoing) return 0

    this.undoing = true
    this.failures = []
    try {
      const result = await this.#client.request('history:undo', { moveIds: [...ids] })
      for (const id of result.undone) this.selected.delete(id)
      this.failures = result.failed
      return result.undone.length
    } finally {
      this.undoing = false
      await this.reload()
    }
  }

  loadMore = async (): Promise<void> => {
    const last = this.moves[this.moves.length - 1]
    if (!last || this.loadingMore) return

    this.loadingMore = true
    try {
      const older = await this.#client.request('history:list', {
        limit: HISTORY_PAGE,
        before: last.id,
      })
      this.moves = [...this.moves, ...older]
      this.hasMore = older.length === HISTORY_PAGE
    } catch (failure) {
      this.loadError = failure
    } finally {
      this.loadingMore = false
    }
  }

  dismissFailures = (): void => {
    this.failures = []
  }

  protected async load(): Promise<void> {
    const limit = Math.max(HISTORY_PAGE, this.moves.length)
    const moves = await this.#client.request('history:list', { limit })
    this.moves = moves
    this.hasMore = moves.length === limit
    const present = this.undoable.map((move) => move.id)
    for (const id of this.selected) if (!present.includes(id)) this.selected.delete(id)
  }
}
