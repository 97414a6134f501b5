import { describe, expect, it } from 'vitest'
import { LOCALES, type Locale } from '../../../src/shared/api'
import { shellText, type ShellText } from '../../../src/main/electron/shell-text'

/** Fails to compile when ShellText gains a key that this test does not check. */
const KEYS = {
  open: 'string',
  pause: 'string',
  resume: 'string',
  quit: 'string',
  reviewHint: 'string',
  startFailed: 'string',
  tooltip: 'function',
  sorted: 'function',
  waiting: 'function',
} as const satisfies Record<keyof ShellText, 'string' | 'function'>

const HAN = /\p{Script=Han}/u

/** Every text a locale can produce, with counts and states filled in. */
function rendered(text: ShellText): string[] {
  return [
    text.open,
    text.pause,
    text.resume,
    text.quit,
    text.reviewHint,
    text.startFailed,
    text.tooltip(true),
    text.tooltip(false),
    text.sorted(1),
    text.sorted(12),
    text.waiting(1),
    text.waiting(12),
  ]
}

describe('shellText', () => {
  it.each(LOCALES)('has every key and nothing else when the locale is %s', (locale) => {
    const text = shellText(locale, 'en-US')

    expect(Object.keys(text).sort()).toEqual(Object.keys(KEYS).sort())
    for (const [key, type] of Object.entries(KEYS))
      expect(typeof text[key as keyof ShellText]).toBe(type)
    for (const value of rendered(text)) expect(value.trim()).not.toBe('')
  })

  it('gives distinct words for distinct actions when the locale is either', () => {
    for (const locale of LOCALES) {
      const text = shellText(locale, 'en-US')
      const actions = [text.open, text.pause, text.resume, text.quit]

      expect(new Set(actions).size).toBe(actions.length)
      expect(text.tooltip(true)).not.toBe(text.tooltip(false))
    }
  })

  it('interpolates counts in English with singular and plural', () => {
    const text = shellText('en', 'zh-CN')

    expect(text.sorted(1)).toBe('1 file sorted')
    expect(text.sorted(0)).toBe('0 files sorted')
    expect(text.sorted(12)).toBe('12 files sorted')
    expect(text.waiting(1)).toBe('1 file waits for review')
    expect(text.waiting(3)).toBe('3 files wait for review')
  })

  it('interpolates counts in Simplified Chinese', () => {
    const text = shellText('zh-CN', 'en-US')

    expect(text.sorted(1)).toBe('已整理 1 个文件')
    expect(text.sorted(12)).toBe('已整理 12 个文件')
    expect(text.waiting(3)).toBe('3 个文件等待确认')
  })

  it('writes every Chinese text in Chinese except the bare product name', () => {
    const text = shellText('zh-CN', 'en-US')
    const translated = rendered(text).filter((value) => value !== 'Docsort')

    expect(translated).toHaveLength(rendered(text).length - 1)
    for (const value of translated) expect(value).toMatch(HAN)
    for (const value of rendered(shellText('en', 'en-US'))) expect(value).not.toMatch(HAN)
  })

  it.each<[string, Locale]>([
    ['en-US', 'en'],
    ['de', 'en'],
    ['', 'en'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH-hant-HK', 'zh-CN'],
    ['zh', 'zh-CN'],
  ])('follows the system language %j when the user chose none', (system, expected) => {
    expect(shellText(null, system)).toBe(shellText(expected, 'en-US'))
  })

  it('keeps the user choice when it differs from the system language', () => {
    expect(shellText('en', 'zh-CN').quit).toBe('Quit Docsort')
    expect(shellText('zh-CN', 'en-US').quit).toBe('退出 Docsort')
  })
})
