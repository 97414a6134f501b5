/**
 * Looks up messages for one locale, fills `{placeholders}`, picks plural forms by `count`, and
 * turns a SerializedError into a sentence that names the file. Falls back to English for
 * nothing: the dictionaries are typed so that a missing key does not compile.
 */
import type { SerializedError } from '../../../../shared/errors'
import { baseName } from '../paths'
import { Formatter } from './format'
import type { Locale } from './locale'
import type { Message, MessageParams } from './message'
import { dictionaries, type ErrorMessages, type MessageKey, type Messages } from './messages'

export class Translator {
  readonly locale: Locale
  readonly format: Formatter
  readonly #messages: Messages
  readonly #errors: ErrorMessages
  readonly #plural: Intl.PluralRules

  constructor(locale: Locale) {
    this.locale = locale
    this.format = new Formatter(locale)
    this.#messages = dictionaries[locale].messages
    this.#errors = dictionaries[locale].errors
    this.#plural = new Intl.PluralRules(locale)
  }

  t(key: MessageKey, params: MessageParams = {}): string {
    return this.#fill(this.#pick(this.#messages[key], params), params)
  }

  /**
   * The error's code in words. The file is named by its base name, or, with `nameFile: false` (a
   * list that shows the name beside it) and for errors without a path, called "this file".
   */
  error(error: SerializedError, options: { nameFile?: boolean } = {}): string {
    const path = (options.nameFile ?? true) ? error.path : undefined
    const template = this.#errors[error.code]
    return template.replace(/\{file\}/g, (whole, offset: number) => {
      if (path === undefined) {
        return this.t(offset === 0 ? 'error.thisFile' : 'error.thisFileInSentence')
      }
      const before = template[offset - 1] ?? ''
      const after = template[offset + whole.length] ?? ''
      return spacedAmongCjk(baseName(path), before, after)
    })
  }

  /** `zero` applies to a count of 0 in every language, like ICU's `=0`; then the plural rules. */
  #pick(message: Message, params: MessageParams): string {
    if (typeof message === 'string') return message
    const count = params['count']
    if (typeof count !== 'number') return message.other
    if (count === 0 && message.zero !== undefined) return message.zero
    return message[this.#plural.select(count)] ?? message.other
  }

  #fill(text: string, params: MessageParams): string {
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name]
      if (value === undefined) return whole
      return typeof value === 'number' ? this.format.number(value) : value
    })
  }
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/

/**
 * Chinese templates write `{file}` without spaces so that "该文件" reads right; a Latin file
 * name between Chinese characters gets a space on that side, as Chinese typesetting does.
 */
function spacedAmongCjk(name: string, before: string, after: string): string {
  const lead = CJK.test(before) && !CJK.test(name.at(0) ?? '') ? ' ' : ''
  const trail = CJK.test(after) && !CJK.test(name.at(-1) ?? '') ? ' ' : ''
  return `${lead}${name}${trail}`
}
