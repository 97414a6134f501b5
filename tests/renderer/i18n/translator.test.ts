import { describe, expect, it } from 'vitest'
import { ERROR_CODES } from '../../../src/shared/errors'
import {
  ApiError,
  ConnectionError,
  UnauthorizedError,
} from '../../../src/renderer/src/lib/client/api-error'
import {
  describeFailure,
  explainFailure,
} from '../../../src/renderer/src/lib/i18n/describe-failure'
import { LOCALES } from '../../../src/renderer/src/lib/i18n/locale'
import type { Message } from '../../../src/renderer/src/lib/i18n/message'
import { dictionaries, type MessageKey } from '../../../src/renderer/src/lib/i18n/messages'
import { Translator } from '../../../src/renderer/src/lib/i18n/translator'

function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message)
  const names = texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))
  return [...new Set(names)].sort()
}

describe('Translator', () => {
  const en = new Translator('en')
  const zh = new Translator('zh-CN')

  it('fills placeholders and formats numbers for the locale', () => {
    expect(en.t('learning.progress', { done: 1200, total: 4000 })).toBe('1,200 of 4,000')
    expect(en.t('inbox.movedTo', { name: 'a.pdf', folder: 'Invoices' })).toBe(
      'Moved a.pdf to Invoices',
    )
  })

  it('picks the English plural form by count', () => {
    expect(en.t('inbox.acceptedAll', { count: 1 })).toBe('Accepted 1 file')
    expect(en.t('inbox.acceptedAll', { count: 3 })).toBe('Accepted 3 files')
  })

  it('uses the zero form for a count of 0 where the message has one', () => {
    expect(en.t('inbox.subtitle', { count: 0 })).toBe('Nothing waiting for review')
    expect(en.t('inbox.acceptedAll', { count: 0 })).toBe('Accepted 0 files')
    expect(zh.t('inbox.subtitle', { count: 0 })).toBe('没有待确认的文件')
  })

  it('uses the single Chinese form for every count', () => {
    expect(zh.t('inbox.acceptedAll', { count: 1 })).toBe('已接受 1 个文件')
    expect(zh.t('inbox.acceptedAll', { count: 12 })).toBe('已接受 12 个文件')
  })

  it('names the file of an error by its base name', () => {
    const error = {
      code: 'extract/encrypted',
      message: 'x',
      path: '/home/u/Downloads/bank.pdf',
    } as const
    expect(en.error(error)).toBe('bank.pdf is password-protected, so Docsort cannot read its text.')
    expect(zh.error(error)).toBe('bank.pdf 受密码保护，无法读取其中的文字。')
  })

  it('spaces a Latin file name from the Chinese around it but not a Chinese one', () => {
    const latin = { code: 'sort/target-exists', message: 'x', path: '/d/scan.pdf' } as const
    const chinese = { code: 'sort/target-exists', message: 'x', path: '/d/发票.pdf' } as const

    expect(zh.error(latin)).toBe('目标文件夹中已有与 scan.pdf 同名的文件。')
    expect(zh.error(chinese)).toBe('目标文件夹中已有与发票.pdf 同名的文件。')
  })

  it('says "this file" when the error has no path or the list shows the name already', () => {
    const timeout = { code: 'extract/timeout', message: 'x', path: '/a/slow.pdf' } as const
    const empty = { code: 'extract/empty', message: 'x' } as const

    expect(en.error(timeout, { nameFile: false })).toBe(
      'Reading this file took too long and was stopped.',
    )
    expect(en.error(empty)).toBe('This file is empty.')
    expect(zh.error(empty)).toBe('该文件是空文件。')
  })

  it('has a sentence for every error code in every locale', () => {
    for (const locale of LOCALES) {
      const translator = new Translator(locale)
      for (const code of ERROR_CODES) {
        const text = translator.error({ code, message: 'm', path: '/x/f.pdf' })
        expect(text, `${locale} ${code}`).not.toMatch(/\{\w+\}/)
        expect(text.length, `${locale} ${code}`).toBeGreaterThan(5)
      }
    }
  })

  it('states the training rule of two categories with a few documents each', () => {
    const error = { code: 'train/not-enough-data', message: 'm' } as const

    expect(en.error(error)).toContain('at least two categories, each with a few documents')
    expect(zh.error(error)).toContain('至少需要两个类别，且每个类别都要有若干文档')
  })

  it('uses the same placeholders in Chinese as in English for every message', () => {
    const english = dictionaries.en.messages
    const chinese = dictionaries['zh-CN'].messages
    for (const key of Object.keys(english) as MessageKey[]) {
      expect(placeholders(chinese[key]), key).toEqual(placeholders(english[key]))
    }
  })

  it('translates every message rather than copying the English', () => {
    const english = dictionaries.en.messages
    const chinese = dictionaries['zh-CN'].messages
    // Words that are the same in both languages: format names.
    const same = ['kind.pdf']
    const copied = (Object.keys(english) as MessageKey[]).filter(
      (key) => !same.includes(key) && JSON.stringify(chinese[key]) === JSON.stringify(english[key]),
    )
    expect(copied).toEqual([])
  })
})

describe('describeFailure', () => {
  const en = new Translator('en')

  it('turns an ApiError into the sentence for its code', () => {
    const failure = new ApiError('category:add', { code: 'library/category-exists', message: 'm' })
    expect(describeFailure(en, failure)).toBe('A category with that name or folder already exists.')
  })

  it('turns an error a result carried into the sentence for its code', () => {
    const error = { code: 'sort/source-missing', message: 'm', path: '/a/b.pdf' }
    expect(describeFailure(en, error)).toBe(
      'b.pdf is no longer where it was, so it could not be moved.',
    )
  })

  it('says Docsort is not responding for a connection error', () => {
    const failure = new ConnectionError('app:state', new Error('ECONNREFUSED'))
    expect(describeFailure(en, failure)).toBe(
      'Docsort is not responding. Check that it is still running.',
    )
  })

  it('asks for the printed address again when the token was refused', () => {
    const failure = new ConnectionError('app:state', new UnauthorizedError())
    expect(describeFailure(en, failure)).toContain('Open the address that “docsort serve” printed')
  })

  it('falls back to the message of anything else', () => {
    expect(describeFailure(en, new TypeError('boom'))).toBe('Something went wrong: boom')
  })

  it('adds the reason from the server to the summary when a folder does not exist', () => {
    const failure = new ApiError('category:add', {
      code: 'input/invalid',
      message: '"/tmp/x/NoSuchFolder" does not exist or cannot be read',
      path: '/tmp/x/NoSuchFolder',
    })

    expect(explainFailure(en, failure)).toEqual({
      summary: 'That value is not valid.',
      detail: '"/tmp/x/NoSuchFolder" does not exist or cannot be read.',
    })
    expect(describeFailure(en, failure)).toBe(
      'That value is not valid. "/tmp/x/NoSuchFolder" does not exist or cannot be read.',
    )
  })

  it('gives the reason a relative path was refused rather than calling it outside the folders', () => {
    const failure = new ApiError('watch:add', {
      code: 'input/path-refused',
      message: 'Refused the path "Downloads": it is not an absolute path',
      path: 'Downloads',
    })

    const text = describeFailure(en, failure)

    expect(text).toBe(
      'Docsort cannot use that path. Refused the path "Downloads": it is not an absolute path.',
    )
    expect(text).not.toContain('outside')
  })

  it('joins the Chinese summary and the English reason without a space after the full stop', () => {
    const zh = new Translator('zh-CN')
    const error = { code: 'input/invalid', message: '"/x" is not a folder', path: '/x' } as const

    expect(describeFailure(zh, error)).toBe('输入的值无效。"/x" is not a folder.')
  })

  it('adds no detail where the localized sentence already names the reason', () => {
    const failure = new ApiError('category:add', {
      code: 'library/category-exists',
      message: 'A category named "Tax" already exists',
    })

    expect(explainFailure(en, failure).detail).toBeNull()
  })

  it('adds no detail when the server says what the sentence already says', () => {
    const error = { code: 'input/invalid', message: 'That value is not valid' } as const

    expect(explainFailure(en, error)).toEqual({ summary: 'That value is not valid.', detail: null })
  })

  it('keeps the printed-address advice for a refused token, without a detail', () => {
    const failure = new ConnectionError('category:add', new UnauthorizedError())

    expect(explainFailure(en, failure).detail).toBeNull()
    expect(explainFailure(en, failure).summary).toContain('“docsort serve” printed')
  })
})
