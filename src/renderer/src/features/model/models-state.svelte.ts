/** The list of trained models, newest first as main sends them, with roll back to an older one. */
import type { ModelView } from '../../../../shared/api'
import type { AppStore } from '../../lib/app-state.svelte'
import type { DocsortClient } from '../../lib/client/docsort-client'
import { coalesce } from '../../lib/coalesce'

export class ModelsState {
  models: ModelView[] = $state.raw([])
  loadError: unknown = $state.raw(null)
  rollingBack: string | null = $state(null)
  readonly reload: () => Promise<void>
  readonly #client: DocsortClient
  readonly #app: AppStore

  constructor(client: DocsortClient, app: AppStore) {
    this.#client = client
    this.#app = app
    this.reload = coalesce(() => this.#load())
  }

  connect(): () => void {
    const offs = [
      this.#client.on('training:finished', () => void this.reload()),
      this.#client.onConnectionChange((online) => {
        if (online) void this.reload()
      }),
    ]
    void this.reload()
    return () => offs.forEach((off) => off())
  }

  /** Rejects with what the request threw. */
  rollback = async (version: string): Promise<ModelView> => {
    this.rollingBack = version
    try {
      const model = await this.#client.request('model:rollback', { version })
      await Promise.all([this.reload(), this.#app.reload()])
      return model
    } finally {
      this.rollingBack = null
    }
  }

  async #load(): Promise<void> {
    try {
      this.models = await this.#client.request('model:list', {})
      this.loadError = null
    } catch (failure) {
      this.loadError = failure
    }
  }
}
