import { describe, expect, it } from 'vitest'
import { Formatter } from '../../../src/renderer/src/lib/i18n/format'

describe('Formatter', () => {
  const en = new Formatter('en')
  const zh = new Formatter('zh-CN')
  const now = Date.UTC(2024, 2, 10, 12, 0, 0)

  it('formats sizes in decimal units with one decimal below ten', () => {
    expect(en.bytes(512)).toBe('512 B')
    expect(en.bytes(1_536)).toBe('1.5 kB')
    expect(en.bytes(184_320)).toBe('184 kB')
    expect(en.bytes(1_920_000)).toBe('1.9 MB')
    expect(en.bytes(3_500_000_000)).toBe('3.5 GB')
  })

  it('formats percentages with the requested digits', () => {
    expect(en.percent(0.934)).toBe('93%')
    expect(en.percent(0.934, 1)).toBe('93.4%')
    expect(zh.percent(0.5)).toBe('50%')
  })

  it('shows a tiny non-zero confidence as below one percent', () => {
    expect(en.confidence(0.004)).toBe('<1%')
    expect(en.confidence(0)).toBe('0%')
    expect(en.confidence(0.006)).toBe('1%')
  })

  it('says how long ago within a week and the date beyond', () => {
    expect(en.relative(now - 20_000, now)).toBe('now')
    expect(en.relative(now - 3 * 60_000, now)).toBe('3 minutes ago')
    expect(zh.relative(now - 3 * 60_000, now)).toBe('3分钟前')
    expect(en.relative(now - 26 * 3_600_000, now)).toBe('yesterday')
    expect(en.relative(now - 30 * 86_400_000, now)).toBe(en.dateTime(now - 30 * 86_400_000))
  })

  it('shows two decimals for losses and scores', () => {
    expect(en.decimal(0.5)).toBe('0.50')
    expect(en.decimal(1.2345)).toBe('1.23')
  })
})
