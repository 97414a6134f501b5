/** The small badges beside the sidebar's screens; a zero says nothing and shows nothing. */
import type { AppState } from '../../../../shared/api'
import type { Translator } from '../../lib/i18n/translator'
import type { Screen } from '../../lib/navigation'

export interface NavBadge {
  text: string
  tone: 'plain' | 'accent' | 'warning'
  /** What a screen reader says instead of the bare number, and the tooltip. */
  label: string
}

export interface TrainingGlance {
  running: boolean
  fraction: number
}

export function navBadges(
  state: AppState,
  training: TrainingGlance,
  i18n: Translator,
): Record<Screen, NavBadge | null> {
  const enabled = state.watched.filter((folder) => folder.enabled).length
  const metrics = state.model?.metrics ?? null
  const count = (n: number, tone: NavBadge['tone'], label: string): NavBadge | null =>
    n === 0 ? null : { text: i18n.format.number(n), tone, label }

  return {
    inbox: count(state.inbox, 'accent', i18n.t('nav.inboxCount', { count: state.inbox })),
    categories: count(
      state.categories.length,
      'plain',
      i18n.t('nav.categoriesCount', { count: state.categories.length }),
    ),
    watching: state.settings.paused
      ? { text: i18n.t('nav.paused'), tone: 'warning', label: i18n.t('nav.paused') }
      : count(enabled, 'plain', i18n.t('nav.watchingCount', { count: enabled })),
    model: training.running
      ? {
          text: i18n.format.percent(training.fraction),
          tone: 'accent',
          label: i18n.t('nav.training'),
        }
      : metrics && accuracyBadge(metrics.accuracy, i18n),
    history: null,
  }
}

/** Worded as accuracy, not a bare percentage that reads like the progress of something. */
function accuracyBadge(accuracy: number, i18n: Translator): NavBadge {
  const percent = i18n.format.percent(accuracy)
  return {
    text: i18n.t('nav.modelBadge', { percent }),
    tone: 'plain',
    label: i18n.t('nav.modelAccuracy', { percent }),
  }
}
