/** The shape of a translation: plain text, or plural forms picked by a `count` parameter. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>

export type Message = string | PluralForms

/** Values for `{name}` placeholders; numbers are formatted for the locale. */
export type MessageParams = Record<string, string | number>
