import type { SerializedError } from '../../../../shared/errors'
import { describeFailure, explainFailure, type FailureText } from './describe-failure'
import type { Formatter } from './format'
import { resolveLocale, type Locale } from './locale'
import type { MessageParams } from './message'
import type { MessageKey } from './messages'
import { Translator } from './translator'

/** The current locale and its translator, following the setting as it changes. */
export class I18n {
  readonly locale: Locale
  readonly translator: Translator

  constructor(setting: () => Locale | null, systemLanguages: readonly string[]) {
    this.locale = $derived(resolveLocale(setting(), systemLanguages))
    this.translator = $derived(new Translator(this.locale))
  }

  get format(): Formatter {
    return this.translator.format
  }

  t = (key: MessageKey, params?: MessageParams): string => this.translator.t(key, params)

  error = (error: SerializedError, options?: { nameFile?: boolean }): string =>
    this.translator.error(error, options)

  describe = (failure: unknown): string => describeFailure(this.translator, failure)

  explain = (failure: unknown): FailureText => explainFailure(this.translator, failure)
}
