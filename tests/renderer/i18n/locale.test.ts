import { describe, expect, it } from 'vitest'
import { resolveLocale } from '../../../src/renderer/src/lib/i18n/locale'

describe('resolveLocale', () => {
  it('follows the setting when the user chose a language', () => {
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN')
    expect(resolveLocale('en', ['zh-CN'])).toBe('en')
  })

  it('uses Simplified Chinese for any Chinese system language', () => {
    expect(resolveLocale(null, ['zh'])).toBe('zh-CN')
    expect(resolveLocale(null, ['zh-TW', 'en'])).toBe('zh-CN')
    expect(resolveLocale(null, ['ZH-cn'])).toBe('zh-CN')
  })

  it('uses English for other languages and when the system says nothing', () => {
    expect(resolveLocale(null, ['de-DE', 'zh-CN'])).toBe('en')
    expect(resolveLocale(null, [])).toBe('en')
  })
})
