/**
 * The Categories screen's own state: the add and import forms, the row being renamed, the row
 * waiting for a remove confirmation. The list itself is the app snapshot's, reloaded after changes.
 */
import type { CategoryView } from '../../../../shared/api'
import type { AppStore } from '../../lib/app-state.svelte'
import type { DocsortClient } from '../../lib/client/docsort-client'

export class CategoriesState {
  name = $state('')
  folder = $state('')
  adding = $state(false)
  addError: unknown = $state.raw(null)
  importFolder = $state('')
  renaming: string | null = $state(null)
  renameTo = $state('')
  renameError: unknown = $state.raw(null)
  removing: string | null = $state(null)
  readonly canAdd: boolean = $derived(
    this.name.trim() !== '' && this.folder.trim() !== '' && !this.adding,
  )
  readonly #client: DocsortClient
  readonly #app: AppStore

  constructor(client: DocsortClient, app: AppStore) {
    this.#client = client
    this.#app = app
  }

  /** Null when the category could not be added; the reason is in addError. */
  add = async (): Promise<CategoryView | null> => {
    if (!this.canAdd) return null

    this.adding = true
    this.addError = null
    try {
      const added = await this.#client.request('category:add', {
        name: this.name.trim(),
        folder: this.folder.trim(),
      })
      this.name = ''
      this.folder = ''
      await this.#app.reload()
      return added
    } catch (failure) {
      this.addError = failure
      return null
    } finally {
      this.adding = false
    }
  }

  startRename = (name: string): void => {
    this.renaming = name
    this.renameTo = name
    this.renameError = null
  }

  cancelRename = (): void => {
    this.renaming = null
    this.renameError = null
  }

  /** Null when nothing changed or the rename failed (see renameError). */
  rename = async (): Promise<{ from: string; to: string } | null> => {
    const from = this.renaming
    const to = this.renameTo.trim()
    if (from === null || to === '' || to === from) {
      this.cancelRename()
      return null
    }

    try {
      await this.#client.request('category:rename', { name: from, to })
      this.renaming = null
      await this.#app.reload()
      return { from, to }
    } catch (failure) {
      this.renameError = failure
      return null
    }
  }

  askRemove = (name: string): void => {
    this.removing = name
  }

  cancelRemove = (): void => {
    this.removing = null
  }

  /** Rejects with what the request threw. */
  remove = async (): Promise<string | null> => {
    const name = this.removing
    this.removing = null
    if (name === null) return null

    await this.#client.request('category:remove', { name })
    await this.#app.reload()
    return name
  }
}
