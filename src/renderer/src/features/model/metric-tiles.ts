import type { ModelView } from '../../../../shared/api'
import type { Translator } from '../../lib/i18n/translator'

export interface MetricTile {
  label: string
  value: string
  /** A small line under the value; null when there is nothing to add. */
  note: string | null
  testid: string
}

/**
 * The four numbers at the top of the Model screen. The document count includes the documents held
 * out to score the model, so its note says how many of them were held out.
 */
export function metricTiles(model: ModelView, i18n: Translator): MetricTile[] {
  const metrics = model.metrics
  const heldOut = metrics?.documents ?? 0
  return [
    {
      label: i18n.t('model.metrics.accuracy'),
      value: metrics ? i18n.format.percent(metrics.accuracy, 1) : '—',
      note: null,
      testid: 'metric-accuracy',
    },
    {
      label: i18n.t('model.metrics.macroF1'),
      value: metrics ? i18n.format.decimal(metrics.macroF1) : '—',
      note: null,
      testid: 'metric-macro-f1',
    },
    {
      label: i18n.t('model.metrics.documents'),
      value: i18n.format.number(model.documents),
      note: heldOut > 0 ? i18n.t('model.metrics.heldOutCount', { count: heldOut }) : null,
      testid: 'metric-documents',
    },
    {
      label: i18n.t('model.metrics.categories'),
      value: i18n.format.number(model.labels.length),
      note: null,
      testid: 'metric-categories',
    },
  ]
}
