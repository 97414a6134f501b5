/**
 * Importing examples, from one category's folder or a parent folder of categories. App-wide so the
 * progress survives leaving the Categories screen; one import at a time, as main runs them.
 */
import type { Events, LearnResult } from '../../../../shared/api'
import type { DocsortClient } from '../../lib/client/docsort-client'

export type LearningTarget = { kind: 'category'; name: string } | { kind: 'folder'; folder: string }

export class CategoryLearning {
  target: LearningTarget | null = $state.raw(null)
  progress: Events['learning:progressed'] | null = $state.raw(null)
  result: LearnResult | null = $state.raw(null)
  failure: unknown = $state.raw(null)
  readonly running: boolean = $derived(this.target !== null)
  readonly #client: DocsortClient

  constructor(client: DocsortClient) {
    this.#client = client
  }

  connect(): () => void {
    return this.#client.on('learning:progressed', (progress) => {
      this.progress = progress
    })
  }

  learnCategory = (name: string): Promise<LearnResult | null> =>
    this.#learn({ kind: 'category', name }, () => this.#client.request('category:learn', { name }))

  learnFolder = (folder: string): Promise<LearnResult | null> =>
    this.#learn({ kind: 'folder', folder }, () => this.#client.request('folder:learn', { folder }))

  dismiss = (): void => {
    this.result = null
    this.failure = null
  }

  async #learn(
    target: LearningTarget,
    request: () => Promise<LearnResult>,
  ): Promise<LearnResult | null> {
    if (this.running) return null

    this.target = target
    this.progress = null
    this.result = null
    this.failure = null
    try {
      this.result = await request()
      return this.result
    } catch (failure) {
      this.failure = failure
      return null
    } finally {
      this.target = null
    }
  }
}
