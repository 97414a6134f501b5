/**
 * The Watching screen: the add form, folder switches in flight, the auto-sort threshold being
 * dragged, and the recently seen files kept live by `file:seen`. Watched folders and settings live
 * in the app snapshot and are patched with each answer.
 */
import { SvelteSet } from 'svelte/reactivity'
import type { SeenFileView, WatchedFolderView } from '../../../../shared/api'
import type { AppStore } from '../../lib/app-state.svelte'
import type { DocsortClient } from '../../lib/client/docsort-client'
import { RECENT_LIMIT, upsertSeen } from './seen-files'

export class WatchingState {
  recent: SeenFileView[] = $state.raw([])
  recentLoaded = $state(false)
  recentError: unknown = $state.raw(null)
  folder = $state('')
  adding = $state(false)
  addError: unknown = $state.raw(null)
  readonly busy = new SvelteSet<string>()
  /** The slider's value while dragging; null shows the saved setting. */
  thresholdDraft: number | null = $state(null)
  readonly threshold: number
  readonly #client: DocsortClient
  readonly #app: AppStore

  constructor(client: DocsortClient, app: AppStore) {
    this.#client = client
    this.#app = app
    this.threshold = $derived(this.thresholdDraft ?? app.state?.settings.autoSortThreshold ?? 1)
  }

  connect(): () => void {
    const offs = [
      this.#client.on('file:seen', (seen) => {
        this.recent = upsertSeen(this.recent, seen)
      }),
      this.#client.onConnectionChange((online) => {
        if (online) void this.loadRecent()
      }),
    ]
    void this.loadRecent()
    return () => offs.forEach((off) => off())
  }

  loadRecent = async (): Promise<void> => {
    try {
      this.recent = await this.#client.request('watch:recent', { limit: RECENT_LIMIT })
      this.recentError = null
    } catch (failure) {
      this.recentError = failure
    } finally {
      this.recentLoaded = true
    }
  }

  /** False when the folder could not be added; the reason is in addError. */
  add = async (): Promise<boolean> => {
    const folder = this.folder.trim()
    if (!folder || this.adding) return false

    this.adding = true
    this.addError = null
    try {
      this.#app.applyWatched(await this.#client.request('watch:add', { folder }))
      this.folder = ''
      return true
    } catch (failure) {
      this.addError = failure
      return false
    } finally {
      this.adding = false
    }
  }

  /** Rejects with what the request threw. */
  remove = (folder: string): Promise<void> =>
    this.#forFolder(folder, () => this.#client.request('watch:remove', { folder }))

  /** Rejects with what the request threw. */
  setEnabled = (folder: string, enabled: boolean): Promise<void> =>
    this.#forFolder(folder, () => this.#client.request('watch:set-enabled', { folder, enabled }))

  /** Rejects with what the request threw. */
  setPaused = async (paused: boolean): Promise<void> => {
    this.#app.applySettings(await this.#client.request('watch:pause', { paused }))
  }

  /** Rejects with what the request threw; the slider then shows the saved value again. */
  saveThreshold = async (): Promise<void> => {
    const value = this.thresholdDraft
    if (value === null) return
    try {
      const settings = await this.#client.request('settings:update', { autoSortThreshold: value })
      this.#app.applySettings(settings)
    } finally {
      this.thresholdDraft = null
    }
  }

  async #forFolder(folder: string, request: () => Promise<WatchedFolderView[]>): Promise<void> {
    this.busy.add(folder)
    try {
      this.#app.applyWatched(await request())
    } finally {
      this.busy.delete(folder)
    }
  }
}
