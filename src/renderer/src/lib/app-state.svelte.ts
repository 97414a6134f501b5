/**
 * The app-wide snapshot from `app:state`: settings, categories, watched folders, the active model,
 * the inbox count. Replaced whole by `state:changed`, patched by the answers of requests that
 * return a part of it, reloaded after the browser mode's event stream comes back.
 */
import type {
  AppState,
  CategoryView,
  ModelView,
  SettingsView,
  WatchedFolderView,
} from '../../../shared/api'
import type { DocsortClient } from './client/docsort-client'
import { LoadedState } from './loaded-state.svelte'

export class AppStore extends LoadedState {
  state: AppState | null = $state.raw(null)
  online = $state(true)
  readonly categories: CategoryView[] = $derived(this.state?.categories ?? [])
  readonly watched: WatchedFolderView[] = $derived(this.state?.watched ?? [])
  readonly model: ModelView | null = $derived(this.state?.model ?? null)
  readonly desktop: boolean = $derived(this.state?.capabilities.desktop ?? false)
  /** The OS of the computer whose folders are sorted, which may not be the one showing this. */
  readonly platform: string = $derived(this.state?.capabilities.platform ?? '')
  readonly documents: number = $derived(this.categories.reduce((sum, c) => sum + c.documents, 0))
  readonly #client: DocsortClient

  constructor(client: DocsortClient) {
    super()
    this.#client = client
  }

  /** Subscribes and loads; returns the unsubscribe for the component that owns the store. */
  connect(): () => void {
    const offs = [
      this.#client.on('state:changed', (state) => {
        this.state = state
        this.loadError = null
      }),
      this.#client.on('inbox:changed', ({ count }) => this.#patch({ inbox: count })),
      this.#client.onConnectionChange((online) => {
        const back = online && !this.online
        this.online = online
        if (back) void this.reload()
      }),
    ]
    void this.reload()
    return () => offs.forEach((off) => off())
  }

  applySettings(settings: SettingsView): void {
    this.#patch({ settings })
  }

  applyWatched(watched: WatchedFolderView[]): void {
    this.#patch({ watched })
  }

  protected async load(): Promise<void> {
    this.state = await this.#client.request('app:state', {})
  }

  #patch(part: Partial<AppState>): void {
    if (this.state) this.state = { ...this.state, ...part }
  }
}
