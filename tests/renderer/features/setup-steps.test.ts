import { describe, expect, it } from 'vitest'
import { setupSteps } from '../../../src/renderer/src/features/inbox/setup-steps'
import { appState, modelView } from './fixtures'

const pending = (state: Parameters<typeof setupSteps>[0]) =>
  setupSteps(state)
    .filter((step) => !step.done)
    .map((step) => step.id)

describe('setupSteps', () => {
  it('asks for categories first in a new library', () => {
    expect(pending(appState({ categories: [], watched: [] }))).toEqual([
      'categories',
      'learn',
      'train',
      'watch',
    ])
  })

  it('asks to learn when the categories have no examples yet', () => {
    const state = appState({ categories: [{ name: 'Tax', folder: '/d/Tax', documents: 0 }] })
    expect(pending(state)[0]).toBe('learn')
  })

  it('counts a folder as watched only when its switch is on', () => {
    const state = appState({ model: modelView(0.9), watched: [{ folder: '/dl', enabled: false }] })
    expect(pending(state)).toEqual(['watch'])
  })

  it('is done when every step is', () => {
    expect(pending(appState({ model: modelView(0.9) }))).toEqual([])
  })

  it('sends each step to the screen where it is done', () => {
    expect(setupSteps(appState()).map((step) => step.screen)).toEqual([
      'categories',
      'categories',
      'model',
      'watching',
    ])
  })
})
