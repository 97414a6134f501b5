/** The list of trained models, newest first as main sends them, with roll back to an older one. */
import type { ModelView } from '../../../../shared/api'
import type { AppStore } from '../../lib/app-state.svelte'
import type { DocsortClient } from '../../lib/client/docsort-client'
import { LoadedState } from '../../lib/loaded-state.svelte'

export class ModelsState extends LoadedState {
  models: ModelView[] = $state.raw([])
  rollingBack: string | null = $state(null)
  readonly #client: DocsortClient
  readonly #app: AppStore

  constructor(client: DocsortClient, app: AppStore) {
    super()
    this.#client = client
    this.#app = app
  }

  connect(): () => void {
    return this.reloadOn(this.#client, ['training:finished'])
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

  protected async load(): Promise<void> {
    this.models = await this.#client.request('model:list', {})
  }
}
