import { describe, expect, it } from 'vitest'
import { confidenceTone } from '../../../src/renderer/src/lib/ui/confidence'

describe('confidenceTone', () => {
  it('bands confidences at 85 % and 60 %', () => {
    expect([0.99, 0.85, 0.849, 0.6, 0.59, 0].map(confidenceTone)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
    ])
  })
})
