import type { Locale } from '../locale'
import { en } from './en'
import { enErrors } from './en-errors'
import type { ErrorMessages, Messages } from './types'
import { zhCN } from './zh-cn'
import { zhCNErrors } from './zh-cn-errors'

export type { ErrorMessages, MessageKey, Messages } from './types'

export const dictionaries: Record<Locale, { messages: Messages; errors: ErrorMessages }> = {
  en: { messages: en, errors: enErrors },
  'zh-CN': { messages: zhCN, errors: zhCNErrors },
}
