import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { detectType, isLikelyText, zipEntryNames } from '../../../src/main/extract/detect-type'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  )

async function zipWith(names: string[]): Promise<Uint8Array> {
  const zip = new JSZip()
  for (const name of names) zip.file(name, '<xml/>')
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

function oleWith(streamNames: string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  const directory = streamNames.map((name) => Buffer.from(name, 'utf16le'))
  return Buffer.concat([Buffer.from(header), Buffer.alloc(504), ...directory])
}

describe('detectType', () => {
  it('finds a PDF header after leading junk within the first KiB', () => {
    const pdf = bytes('x'.repeat(900), '%PDF-1.7\n')

    expect(detectType(pdf, '/in/a.pdf')).toEqual({ kind: 'pdf' })
  })

  it('does not look for a PDF header past the first KiB', () => {
    const late = bytes('x'.repeat(1100), '%PDF-1.7\n')

    expect(detectType(late, '/in/a.txt')).toEqual({ kind: 'text' })
  })

  it('recognises a DOCX by its word/ entries whatever the extension', async () => {
    const docx = await zipWith(['[Content_Types].xml', 'word/document.xml'])

    expect(detectType(docx, '/in/resume.pdf')).toEqual({ kind: 'docx' })
  })

  it('names a PowerPoint or Excel zip as unsupported', async () => {
    const pptx = await zipWith(['[Content_Types].xml', 'ppt/presentation.xml'])
    const xlsx = await zipWith(['[Content_Types].xml', 'xl/workbook.xml'])

    expect(detectType(pptx, '/in/deck.docx')).toEqual({
      kind: 'unsupported',
      description: 'a PowerPoint presentation (.pptx)',
    })
    expect(detectType(xlsx, '/in/book.zip')).toMatchObject({
      description: 'an Excel workbook (.xlsx)',
    })
  })

  it('keeps a zip with no recognisable entries as DOCX only when named .docx', async () => {
    const truncated = (await zipWith(['[Content_Types].xml', '_rels/.rels'])).subarray(0, 60)

    expect(detectType(truncated, '/in/report.docx')).toEqual({ kind: 'docx' })
    expect(detectType(truncated, '/in/archive.bin')).toEqual({
      kind: 'unsupported',
      description: 'a ZIP archive',
    })
  })

  it('reads entry names from local headers when the central directory is cut off', async () => {
    const zip = await zipWith(['word/document.xml', 'word/styles.xml'])

    expect(zipEntryNames(zip.subarray(0, 100))).toContain('word/document.xml')
  })

  it('tells an encrypted Office container from a legacy .doc', () => {
    const encrypted = oleWith(['EncryptionInfo', 'EncryptedPackage'])
    const legacyDoc = oleWith(['WordDocument', '1Table'])

    expect(detectType(encrypted, '/in/a.docx')).toEqual({ kind: 'encrypted-office' })
    expect(detectType(legacyDoc, '/in/a.docx')).toEqual({
      kind: 'unsupported',
      description: 'a Word 97-2003 document (.doc)',
    })
  })

  it('names images and other known binary formats', () => {
    expect(detectType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), '/in/a.txt')).toMatchObject({
      description: 'a JPEG image',
    })
    expect(detectType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), '/in/a.pdf')).toMatchObject({
      description: 'a WebP image',
    })
    expect(detectType(bytes('{\\rtf1\\ansi hello}'), '/in/a.txt')).toMatchObject({
      description: 'an RTF document',
    })
  })

  it('hands unknown binary to the reader its extension names, otherwise refuses it', () => {
    const binary = bytes('NOT A HEADER', [0, 1, 2, 3, 0, 0, 0, 5].concat(Array(200).fill(0)))

    expect(detectType(binary, '/in/broken.pdf')).toEqual({ kind: 'pdf' })
    expect(detectType(binary, '/in/notes.txt')).toEqual({
      kind: 'unsupported',
      description: 'binary data of an unknown type',
    })
  })
})

describe('isLikelyText', () => {
  it('accepts UTF-16 with a BOM despite its NUL bytes', () => {
    expect(isLikelyText(Buffer.from('\ufeffHello', 'utf16le'))).toBe(true)
  })

  it('accepts UTF-16 LE without a BOM by the position of its NULs', () => {
    expect(isLikelyText(Buffer.from('Plain words in UTF-16', 'utf16le'))).toBe(true)
  })

  it('accepts text with a few stray NULs but refuses NUL-dense binary', () => {
    const stray = bytes('a'.repeat(500), [0], 'b'.repeat(500))
    const dense = bytes('ab', [0, 0, 0, 7, 0, 0, 3, 0, 0, 0, 9, 0], 'cd')

    expect(isLikelyText(stray)).toBe(true)
    expect(isLikelyText(dense)).toBe(false)
  })
})
