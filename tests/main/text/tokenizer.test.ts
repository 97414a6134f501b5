import { describe, expect, it } from 'vitest'
import { foldToken, tokenize } from '../../../src/main/text/tokenizer'

const HAN = /\p{Script=Han}/u
const NOT_HAN = /[^\p{Script=Han}]/u

describe('tokenize', () => {
  it('lower-cases English words and drops punctuation when given a sentence', () => {
    expect(tokenize('Please PAY the Invoice, now!')).toEqual([
      'please',
      'pay',
      'the',
      'invoice',
      'now',
    ])
  })

  it('keeps apostrophes inside words when given contractions', () => {
    expect(tokenize("Don't forget it's due")).toEqual(["don't", 'forget', "it's", 'due'])
    expect(tokenize('rock’n’roll')).toEqual(['rock’n’roll'])
  })

  it('splits words at hyphens and slashes', () => {
    expect(tokenize('e-mail and/or fax')).toEqual(['e', 'mail', 'and', 'or', 'fax'])
  })

  it('normalises full-width letters and digits to ASCII when given NFKC-foldable text', () => {
    expect(tokenize('ＩＮＶＯＩＣＥ　Ｎｏ　１２３')).toEqual(['invoice', 'no', '000'])
    expect(tokenize('Ｎｏ．１２３')).toEqual(tokenize('No.123'))
    expect(tokenize('ﬁle')).toEqual(['file'])
  })

  it('folds digits to their shape so that different amounts give one token', () => {
    expect(tokenize('total 1,234.56 EUR')).toEqual(['total', '0,000.00', 'eur'])
    expect(tokenize('total 9,876.54 EUR')).toEqual(tokenize('total 1,234.56 EUR'))
    expect(tokenize('room 42b')).toEqual(['room', '00b'])
  })

  it('keeps letters with diacritics as part of the word', () => {
    expect(tokenize('Café Müller señor')).toEqual(['café', 'müller', 'señor'])
  })

  it('cuts tokens longer than 32 characters when given a base64-like blob', () => {
    const blob = 'QUJDREVGSktMTUPUFFSVVldYWVo'.repeat(3)
    const [token] = tokenize(blob)
    expect(token).toHaveLength(32)
    expect(token).toBe(blob.toLowerCase().slice(0, 32))
  })

  it('returns no tokens when given only whitespace and punctuation', () => {
    expect(tokenize('')).toEqual([])
    expect(tokenize(' \n\t -- ... !!! ')).toEqual([])
  })

  it('segments Simplified Chinese into several multi-character words', () => {
    const tokens = tokenize('发票编号总金额请于三十天内付款')
    expect(tokens).toEqual(expect.arrayContaining(['发票', '编号', '金额', '付款']))
    expect(tokens.join('')).toBe('发票编号总金额请于三十天内付款')
    expect(tokens.filter((t) => t.length >= 2).length).toBeGreaterThanOrEqual(5)
  })

  it('drops Chinese punctuation between words', () => {
    expect(tokenize('发票，金额。付款！')).toEqual(['发票', '金额', '付款'])
  })

  it('keeps English and Chinese apart when given mixed text separated by spaces', () => {
    expect(tokenize('Invoice 发票 total 金额 请付款 OK')).toEqual([
      'invoice',
      '发票',
      'total',
      '金额',
      '请',
      '付款',
      'ok',
    ])
  })

  // A number or Latin word written directly before Chinese text ("1000元", "PDF发票") is the
  // normal way of writing amounts and names in Chinese documents: the Chinese words after it
  // must still be segmented, not glued to the number into one token.
  it('segments the Chinese text that follows a number without a space', () => {
    const tokens = tokenize('总金额1000元请于三十天内付款')
    expect(tokens).toEqual(expect.arrayContaining(['金额', '付款']))
    for (const token of tokens) {
      const mixesScripts = HAN.test(token) && NOT_HAN.test(token) && token.length > 1
      expect(mixesScripts, `token "${token}" mixes Han with other characters`).toBe(false)
    }
  })

  it('segments the Chinese text that follows a Latin word without a space', () => {
    expect(tokenize('请查收PDF发票')).toEqual(['请', '查收', 'pdf', '发票'])
  })

  it('stops after maxTokens tokens when given a long text', () => {
    const text = Array.from({ length: 50 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}`)
    expect(tokenize(text.join(' '), { maxTokens: 3 })).toEqual(['worda', 'wordb', 'wordc'])
    expect(tokenize(text.join(' '), { maxTokens: 0 })).toEqual([])
  })

  it('stops after maxTokens tokens inside a Chinese run', () => {
    expect(tokenize('发票编号总金额请于三十天内付款', { maxTokens: 2 })).toEqual(['发票', '编号'])
    expect(tokenize('invoice 发票编号总金额', { maxTokens: 2 })).toEqual(['invoice', '发票'])
  })
})

describe('foldToken', () => {
  it('maps dates of the same shape to one token', () => {
    expect(foldToken('2026-12-04')).toBe('0000-00-00')
    expect(foldToken('1999-01-31')).toBe(foldToken('2026-12-04'))
  })

  it('caps runs of digits at four when given a long number', () => {
    expect(foldToken('1234567890')).toBe('0000')
    expect(foldToken('ab123456cd')).toBe('ab0000cd')
  })

  it('folds non-ASCII decimal digits too', () => {
    expect(foldToken('٣٤٥')).toBe('000')
  })

  it('leaves a token without digits unchanged when it is short enough', () => {
    expect(foldToken('invoice')).toBe('invoice')
    expect(foldToken('x'.repeat(40))).toBe('x'.repeat(32))
  })
})
