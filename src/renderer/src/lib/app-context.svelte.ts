import { CategoryLearning } from '../features/categories/category-learning.svelte'
import { TrainingStore } from '../features/model/training-store.svelte'
import { AppStore } from './app-state.svelte'
import type { DocsortClient } from './client/docsort-client'
import type { AppContext } from './context'
import { I18n } from './i18n/i18n.svelte'
import { Navigation } from './navigation.svelte'
import { Toasts } from './ui/toasts.svelte'

/** Builds the app-wide stores once per window; `connect` subscribes them and returns the undo. */
export function createAppContext(
  client: DocsortClient,
  systemLanguages: readonly string[],
): AppContext & { connect: () => () => void } {
  const app = new AppStore(client)
  const training = new TrainingStore(client, app)
  const learning = new CategoryLearning(client)
  return {
    client,
    app,
    i18n: new I18n(() => app.state?.settings.locale ?? null, systemLanguages),
    nav: new Navigation(location.hash),
    toasts: new Toasts(),
    training,
    learning,
    connect: () => {
      const offs = [app.connect(), training.connect(), learning.connect()]
      return () => offs.forEach((off) => off())
    },
  }
}
