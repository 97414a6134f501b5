/** What a new user still has to do before the inbox can fill, in the order it has to happen. */
import type { AppState } from '../../../../shared/api'
import type { Screen } from '../../lib/navigation'

export type SetupStepId = 'categories' | 'learn' | 'train' | 'watch'

export interface SetupStep {
  id: SetupStepId
  done: boolean
  screen: Screen
}

export function setupSteps(state: AppState): SetupStep[] {
  const documents = state.categories.reduce((sum, category) => sum + category.documents, 0)
  return [
    { id: 'categories', done: state.categories.length > 0, screen: 'categories' },
    { id: 'learn', done: documents > 0, screen: 'categories' },
    { id: 'train', done: state.model !== null, screen: 'model' },
    { id: 'watch', done: state.watched.some((folder) => folder.enabled), screen: 'watching' },
  ]
}
