import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractFile } from '../../../src/main/extract/extract-file'
import { decodeText } from '../../../src/main/extract/text'

// Bytes made with Python's codecs; Node can decode these encodings but not encode them.
const CHINESE = '发票编号：二〇二四年三月，金额合计人民币壹仟元整。请于收到发票后三十日内付款。'
const CHINESE_GB18030 =
  'b7a2c6b1b1e0bac5a3bab6fea996b6fecbc4c4eac8fdd4c2a3acbdf0b6eebacfbcc6c8cbc3f1b1d2d2bcc7aad4aad5fba1a3' +
  'c7ebd3dacad5b5bdb7a2c6b1baf3c8fdcaaec8d5c4dab8b6bfeea1a3'
const SMART_QUOTES = 'The client’s “invoice” – total €120 for café services, due in thirty days.'
const SMART_QUOTES_1252 =
  '54686520636c69656e7492732093696e766f69636594209620746f74616c208031323020666f7220636166e9207365' +
  '7276696365732c2064756520696e2074686972747920646179732e'

const SAMPLE = 'Invoice 42 for consulting services, payable within thirty days.'

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16()
}

function utf32(text: string, littleEndian: boolean): Buffer {
  const codePoints = [...text].map((char) => char.codePointAt(0) ?? 0)
  const buffer = Buffer.alloc(codePoints.length * 4)
  codePoints.forEach((cp, i) => {
    if (littleEndian) buffer.writeUInt32LE(cp, i * 4)
    else buffer.writeUInt32BE(cp, i * 4)
  })
  return buffer
}

let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docsort-text-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function extractBytes(name: string, content: Uint8Array, maxTextChars = 2_000_000) {
  const path = join(dir, name)
  await writeFile(path, content)
  return extractFile({ path, maxFileBytes: 10 * 1024 * 1024, maxTextChars })
}

describe('decodeText', () => {
  it('decodes GB18030 Chinese text detected by chardet', () => {
    const decoded = decodeText(Buffer.from(CHINESE_GB18030, 'hex'), 1000)

    expect(decoded).toEqual({ text: CHINESE, encoding: 'gb18030' })
  })

  it('decodes Windows-1252 smart quotes, dashes and the euro sign', () => {
    const decoded = decodeText(Buffer.from(SMART_QUOTES_1252, 'hex'), 1000)

    expect(decoded).toEqual({ text: SMART_QUOTES, encoding: 'windows-1252' })
  })

  it('decodes UTF-16 LE and BE by their byte-order marks', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')])
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(SAMPLE)])

    expect(decodeText(le, 1000)).toEqual({ text: SAMPLE, encoding: 'utf-16le' })
    expect(decodeText(be, 1000)).toEqual({ text: SAMPLE, encoding: 'utf-16be' })
  })

  it('decodes UTF-32 LE and BE, which TextDecoder does not support', () => {
    const text = `${SAMPLE} 𝄞`
    const le = Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(text, true)])
    const be = Buffer.concat([Buffer.from([0, 0, 0xfe, 0xff]), utf32(text, false)])

    expect(decodeText(le, 1000)).toEqual({ text, encoding: 'utf-32le' })
    expect(decodeText(be, 1000)).toEqual({ text, encoding: 'utf-32be' })
  })

  it('drops a UTF-8 byte-order mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Grüße')])

    expect(decodeText(withBom, 1000)).toEqual({ text: 'Grüße', encoding: 'utf-8' })
  })

  it('decodes UTF-16 LE without a BOM', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf16le'), 1000)).toEqual({
      text: SAMPLE,
      encoding: 'utf-16le',
    })
  })

  it('does not mistake valid UTF-8 cut inside a character for a legacy encoding', () => {
    const text = 'é'.repeat(10)

    // maxChars 2 decodes a 12-byte prefix that ends in the middle of nothing; 3 bytes more would.
    const decoded = decodeText(Buffer.from(text), 2)

    expect(decoded.encoding).toBe('utf-8')
    expect(decoded.text.startsWith('éé')).toBe(true)
  })
})

describe('extractFile on text files', () => {
  it('returns GB18030 text with its encoding', async () => {
    const result = await extractBytes('fapiao.txt', Buffer.from(CHINESE_GB18030, 'hex'))

    expect(result.document).toMatchObject({ kind: 'text', text: CHINESE, encoding: 'gb18030' })
  })

  it('normalises line endings and strips NULs', async () => {
    const result = await extractBytes(
      'notes.txt',
      Buffer.from('first line\r\nsecond\u0000 line\rthird line'),
    )

    expect(result.document.text).toBe('first line\nsecond line\nthird line')
  })

  it('fails with extract/empty when the file holds only whitespace', async () => {
    await expect(extractBytes('blank.txt', Buffer.from(' \r\n\t \n'))).rejects.toMatchObject({
      code: 'extract/empty',
      message: 'blank.txt contains only whitespace',
    })
  })

  it('fails with extract/no-text when a .txt holds a base64 blob', async () => {
    const blob = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)).toString(
      'base64',
    )

    await expect(extractBytes('photo.txt', Buffer.from(blob))).rejects.toMatchObject({
      code: 'extract/no-text',
      message: expect.stringContaining('photo.txt has no readable words') as unknown,
    })
  })

  it('truncates to maxTextChars without failing', async () => {
    const result = await extractBytes('long.txt', Buffer.from('word '.repeat(1000)), 100)

    expect(result.document.text).toHaveLength(100)
    expect(result.notes.truncated).toBe(true)
  })

  it('takes a Markdown title from front matter or the first heading', async () => {
    const front = await extractBytes(
      'tos.md',
      Buffer.from('---\ntitle: Terms of Service\n---\n\nBody text here.'),
    )
    const heading = await extractBytes(
      'readme.md',
      Buffer.from('Intro line\n\n# Getting Started\n\nRun it.'),
    )

    expect(front.document.title).toBe('Terms of Service')
    expect(heading.document.title).toBe('Getting Started')
  })
})
