import { LOCALES, type Locale } from '../../../../shared/api'

export { LOCALES, type Locale }

/** The user's choice wins; otherwise the first system language, Chinese of any region as zh-CN. */
export function resolveLocale(setting: Locale | null, systemLanguages: readonly string[]): Locale {
  if (setting !== null) return setting
  const first = systemLanguages[0]?.toLowerCase() ?? 'en'
  return first === 'zh' || first.startsWith('zh-') ? 'zh-CN' : 'en'
}

/** Each language is named in itself so that a reader can find theirs whatever is showing. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' }
