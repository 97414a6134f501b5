/** Locale-aware numbers, percentages, sizes, dates and lists, built once per locale. */
import type { Locale } from './locale'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const BYTE_UNITS = ['kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const

export class Formatter {
  readonly #locale: Locale
  readonly #number: Intl.NumberFormat
  readonly #decimal: Intl.NumberFormat
  readonly #dateTime: Intl.DateTimeFormat
  readonly #date: Intl.DateTimeFormat
  readonly #relative: Intl.RelativeTimeFormat
  readonly #list: Intl.ListFormat

  constructor(locale: Locale) {
    this.#locale = locale
    this.#number = new Intl.NumberFormat(locale)
    this.#decimal = new Intl.NumberFormat(locale, {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    })
    this.#dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
    this.#date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
    this.#relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    this.#list = new Intl.ListFormat(locale, { type: 'conjunction' })
  }

  number(value: number): string {
    return this.#number.format(value)
  }

  /** Two decimals, for losses and F1 scores where whole numbers say nothing. */
  decimal(value: number): string {
    return this.#decimal.format(value)
  }

  /** `fraction` is 0..1. */
  percent(fraction: number, digits = 0): string {
    return new Intl.NumberFormat(this.#locale, {
      style: 'percent',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(fraction)
  }

  /** A probability: like percent, but a small non-zero one reads "<1%" rather than a false 0 %. */
  confidence(fraction: number): string {
    if (fraction > 0 && fraction < 0.005) return `<${this.percent(0.01)}`
    return this.percent(fraction)
  }

  /** Decimal units (1 kB = 1000 bytes), as the file managers of macOS and GNOME show them. */
  bytes(bytes: number): string {
    if (bytes < 1000) return `${this.#number.format(bytes)} B`
    let value = bytes / 1000
    let unit = 0
    while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
      value /= 1000
      unit += 1
    }
    return new Intl.NumberFormat(this.#locale, {
      style: 'unit',
      unit: BYTE_UNITS[unit],
      unitDisplay: 'short',
      maximumFractionDigits: value < 10 ? 1 : 0,
    }).format(value)
  }

  /** `epochMs` in milliseconds since 1970. */
  dateTime(epochMs: number): string {
    return this.#dateTime.format(epochMs)
  }

  date(epochMs: number): string {
    return this.#date.format(epochMs)
  }

  /** "3 minutes ago" for the last week, the date and time beyond it. */
  relative(epochMs: number, now: number): string {
    const diff = epochMs - now
    const size = Math.abs(diff)
    if (size < MINUTE) return this.#relative.format(0, 'second')
    if (size < HOUR) return this.#relative.format(Math.round(diff / MINUTE), 'minute')
    if (size < DAY) return this.#relative.format(Math.round(diff / HOUR), 'hour')
    if (size < 7 * DAY) return this.#relative.format(Math.round(diff / DAY), 'day')
    return this.dateTime(epochMs)
  }

  list(items: readonly string[]): string {
    return this.#list.format(items)
  }
}
