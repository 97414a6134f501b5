/**
 * Geometry of the training-curve chart: accuracy on the left axis (0..1), loss on the right axis
 * (0..a round number above the largest loss), epochs along x. Pure numbers in SVG user units.
 */
import type { EpochPoint } from '../../../../shared/api'

export interface Plot {
  width: number
  height: number
  padding: { top: number; right: number; bottom: number; left: number }
}

export interface CurveGeometry {
  accuracy: string
  loss: string
  /** Null when the run held nothing out for validation. */
  valAccuracy: string | null
  valLoss: string | null
  lossMax: number
  xTicks: { x: number; epoch: number }[]
  /** Shared gridlines: a fraction of the height, labelled as accuracy left and loss right. */
  yTicks: { y: number; fraction: number }[]
}

const Y_STEPS = [0, 0.25, 0.5, 0.75, 1]
const MAX_X_TICKS = 8

/** The smallest 1, 2, 2.5 or 5 × 10^k at or above `value`, so the loss axis reads cleanly. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value - 1e-12) ?? 10
  return step * power
}

export function curveGeometry(curve: readonly EpochPoint[], plot: Plot): CurveGeometry {
  const { top, right, bottom, left } = plot.padding
  const innerWidth = plot.width - left - right
  const innerHeight = plot.height - top - bottom
  const losses = curve.flatMap((p) => (p.valLoss === null ? [p.loss] : [p.loss, p.valLoss]))
  const lossMax = niceCeiling(Math.max(0, ...losses))
  const first = curve[0]?.epoch ?? 1
  const last = curve[curve.length - 1]?.epoch ?? first
  const span = last - first

  const x = (epoch: number): number =>
    span === 0 ? left + innerWidth / 2 : left + ((epoch - first) / span) * innerWidth
  const y = (fraction: number): number =>
    top + (1 - Math.min(1, Math.max(0, fraction))) * innerHeight
  const path = (values: (number | null)[]): string =>
    values
      .map((value, i) => (value === null ? null : `${x(curve[i]?.epoch ?? first)},${y(value)}`))
      .filter((point) => point !== null)
      .map((point, i) => `${i === 0 ? 'M' : 'L'}${point}`)
      .join(' ')
  const hasValidation = curve.some((p) => p.valAccuracy !== null || p.valLoss !== null)
  const every = Math.max(1, Math.ceil(curve.length / MAX_X_TICKS))

  return {
    accuracy: path(curve.map((p) => p.accuracy)),
    loss: path(curve.map((p) => p.loss / lossMax)),
    valAccuracy: hasValidation ? path(curve.map((p) => p.valAccuracy)) : null,
    valLoss: hasValidation
      ? path(curve.map((p) => (p.valLoss === null ? null : p.valLoss / lossMax)))
      : null,
    lossMax,
    xTicks: curve
      .filter((_, i) => i % every === 0 || i === curve.length - 1)
      .map((p) => ({ x: x(p.epoch), epoch: p.epoch })),
    yTicks: Y_STEPS.map((fraction) => ({ y: y(fraction), fraction })),
  }
}
