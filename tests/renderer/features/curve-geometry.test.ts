import { describe, expect, it } from 'vitest'
import type { EpochPoint } from '../../../src/shared/api'
import { curveGeometry, niceCeiling } from '../../../src/renderer/src/features/model/curve-geometry'

const plot = { width: 300, height: 120, padding: { top: 10, right: 20, bottom: 10, left: 20 } }

function point(epoch: number, loss: number, accuracy: number, val = false): EpochPoint {
  return {
    epoch,
    loss,
    accuracy,
    valLoss: val ? loss + 0.1 : null,
    valAccuracy: val ? accuracy - 0.1 : null,
  }
}

describe('niceCeiling', () => {
  it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.3, 1, 1.7, 2.2, 3, 7, 12].map(niceCeiling)).toEqual([0.5, 1, 2, 2.5, 5, 10, 20])
    expect(niceCeiling(0)).toBe(1)
  })
})

describe('curveGeometry', () => {
  it('maps epochs across the width and accuracy from bottom to top', () => {
    const geometry = curveGeometry([point(1, 2, 0), point(2, 1, 0.5), point(3, 0, 1)], plot)

    expect(geometry.accuracy).toBe('M20,110 L150,60 L280,10')
    expect(geometry.lossMax).toBe(2)
    expect(geometry.loss).toBe('M20,10 L150,60 L280,110')
    expect(geometry.valLoss).toBeNull()
    expect(geometry.xTicks.map((tick) => tick.epoch)).toEqual([1, 2, 3])
    expect(geometry.yTicks.map((tick) => tick.y)).toEqual([110, 85, 60, 35, 10])
  })

  it('scales the loss axis to cover the validation loss too', () => {
    const geometry = curveGeometry([point(1, 1.95, 0.2, true), point(2, 0.4, 0.9, true)], plot)

    expect(geometry.lossMax).toBe(2.5)
    expect(geometry.valAccuracy).not.toBeNull()
  })

  it('centres a single epoch', () => {
    expect(curveGeometry([point(1, 0.5, 0.5)], plot).accuracy).toBe('M150,60')
  })

  it('labels at most eight epochs and always the last', () => {
    const curve = Array.from({ length: 30 }, (_, i) => point(i + 1, 1, 0.5))
    const epochs = curveGeometry(curve, plot).xTicks.map((tick) => tick.epoch)

    expect(epochs.length).toBeLessThanOrEqual(9)
    expect(epochs.at(-1)).toBe(30)
  })
})
