/** The desktop settings with their defaults, read from and written to the library. */
import { LOCALES, type Locale, type SettingsView } from '../../shared/api'
import type { DeskStateRepository } from '../library/desk-state'

/**
 * A new user reviews every suggestion (1 = always ask) until they trust the model enough to let
 * confident files move on their own.
 */
export const DEFAULT_SETTINGS: SettingsView = {
  autoSortThreshold: 1,
  locale: null,
  startAtLogin: false,
  paused: false,
}

export function readSettings(desk: DeskStateRepository): SettingsView {
  const threshold = desk.getSetting('autoSortThreshold')
  const locale = desk.getSetting('locale')
  const startAtLogin = desk.getSetting('startAtLogin')
  const paused = desk.getSetting('paused')
  return {
    autoSortThreshold:
      typeof threshold === 'number' && threshold >= 0 && threshold <= 1
        ? threshold
        : DEFAULT_SETTINGS.autoSortThreshold,
    locale: isLocale(locale) ? locale : DEFAULT_SETTINGS.locale,
    startAtLogin: typeof startAtLogin === 'boolean' ? startAtLogin : DEFAULT_SETTINGS.startAtLogin,
    paused: typeof paused === 'boolean' ? paused : DEFAULT_SETTINGS.paused,
  }
}

export function writeSettings(desk: DeskStateRepository, changes: Partial<SettingsView>): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) desk.putSetting(key, value)
  }
}

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}
