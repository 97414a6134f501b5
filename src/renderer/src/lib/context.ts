/** The app-wide objects every screen needs, handed down once by App.svelte. */
import { createContext } from 'svelte'
import type { CategoryLearning } from '../features/categories/category-learning.svelte'
import type { TrainingStore } from '../features/model/training-store.svelte'
import type { AppStore } from './app-state.svelte'
import type { DocsortClient } from './client/docsort-client'
import type { I18n } from './i18n/i18n.svelte'
import type { Navigation } from './navigation.svelte'
import type { Toasts } from './ui/toasts.svelte'

export interface AppContext {
  client: DocsortClient
  app: AppStore
  i18n: I18n
  nav: Navigation
  toasts: Toasts
  training: TrainingStore
  learning: CategoryLearning
}

export const [useApp, provideApp] = createContext<AppContext>()
