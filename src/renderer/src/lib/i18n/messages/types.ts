import type { ErrorCode } from '../../../../../shared/errors'
import type { Message } from '../message'
import type { en } from './en'

/** English defines the keys; every other locale must have all of them. */
export type MessageKey = keyof typeof en
export type Messages = Record<MessageKey, Message>
export type ErrorMessages = Record<ErrorCode, string>
