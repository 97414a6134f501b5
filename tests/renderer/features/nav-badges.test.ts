import { describe, expect, it } from 'vitest'
import { navBadges } from '../../../src/renderer/src/features/shell/nav-badges'
import { Translator } from '../../../src/renderer/src/lib/i18n/translator'
import { appState, modelView } from './fixtures'

const idle = { running: false, fraction: 0 }
const en = new Translator('en')

describe('navBadges', () => {
  it('counts the inbox, the categories and the folders that are switched on', () => {
    const badges = navBadges(appState({ inbox: 4, model: modelView(0.934) }), idle, en)

    expect(badges.inbox).toEqual({ text: '4', tone: 'accent', label: '4 files to review' })
    expect(badges.categories?.text).toBe('2')
    expect(badges.watching).toEqual({ text: '1', tone: 'plain', label: '1 folder watched' })
    expect(badges.model).toEqual({
      text: 'acc. 93%',
      tone: 'plain',
      label: 'Accuracy of the active model: 93%',
    })
    expect(badges.history).toBeNull()
  })

  it('shows nothing for zero and no model score without metrics', () => {
    const badges = navBadges(
      appState({ categories: [], watched: [], model: modelView(null) }),
      idle,
      en,
    )

    expect(badges.inbox).toBeNull()
    expect(badges.categories).toBeNull()
    expect(badges.watching).toBeNull()
    expect(badges.model).toBeNull()
  })

  it('says paused instead of the folder count when watching is paused', () => {
    const state = appState()
    const badges = navBadges({ ...state, settings: { ...state.settings, paused: true } }, idle, en)

    expect(badges.watching).toEqual({ text: 'Paused', tone: 'warning', label: 'Paused' })
  })

  it('shows the training progress instead of the accuracy while training', () => {
    const badges = navBadges(
      appState({ model: modelView(0.9) }),
      { running: true, fraction: 0.42 },
      en,
    )

    expect(badges.model).toEqual({ text: '42%', tone: 'accent', label: 'Training in progress' })
  })

  it('words the model badge as accuracy in Chinese too', () => {
    const zh = new Translator('zh-CN')

    const badges = navBadges(appState({ model: modelView(0.75) }), idle, zh)

    expect(badges.model?.text).toBe('准确率 75%')
    expect(badges.model?.label).toBe('当前模型的准确率：75%')
  })
})
