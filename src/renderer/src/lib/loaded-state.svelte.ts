/**
 * The part every screen state shares with the app store: one coalesced reload, whether a first
 * load has finished, and what the last load threw. What to load and when is the subclass's.
 */
import type { EventName } from '../../../shared/api'
import type { DocsortClient } from './client/docsort-client'
import { coalesce } from './coalesce'

export abstract class LoadedState {
  loaded = $state(false)
  /** What the last load threw; cleared by the next one that succeeds. */
  loadError: unknown = $state.raw(null)
  readonly reload: () => Promise<void> = coalesce(() => this.#run())

  /** Fetches and stores; a throw becomes `loadError`. */
  protected abstract load(): Promise<void>

  /** Reloads on each of `events` and whenever the connection comes back; loads once now. */
  protected reloadOn(client: DocsortClient, events: readonly EventName[]): () => void {
    const offs = [
      ...events.map((name) => client.on(name, () => void this.reload())),
      client.onConnectionChange((online) => {
        if (online) void this.reload()
      }),
    ]
    void this.reload()
    return () => offs.forEach((off) => off())
  }

  async #run(): Promise<void> {
    try {
      await this.load()
      this.loadError = null
    } catch (failure) {
      this.loadError = failure
    } finally {
      this.loaded = true
    }
  }
}
