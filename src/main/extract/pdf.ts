/**
 * PDF text through pdf-parse (pdf.js). Reads at most the first MAX_PDF_PAGES pages: enough to
 * classify a document, and it keeps a 600-page book to about a second. Whether the text that
 * comes out is usable is decided later, by readability.ts.
 */
import { PDFParse, type TextResult } from 'pdf-parse'
import type { AppError } from '../../shared/errors'
import { describeError, extractError } from './extract-error'
import { isLandscape } from './traits'

/** Pages read from the start of a PDF; `pages` in the result is still the document's total. */
export const MAX_PDF_PAGES = 50

export interface PdfText {
  text: string
  /** Total page count of the document. */
  pages: number
  title: string | null
  pagesRead: number
  /** Pages skipped because pdf.js could not read them while others succeeded. */
  pagesFailed: number
  /** Orientation of the first page, or null when it could not be read. */
  landscape: boolean | null
  /** True when the document has an interactive form (AcroForm). */
  form: boolean
  /** The info dictionary's Creator and Producer. */
  producers: string[]
}

type PageText = Pick<PdfText, 'text' | 'pages' | 'pagesRead' | 'pagesFailed'>
type InfoFacts = Pick<PdfText, 'title' | 'landscape' | 'form' | 'producers'>

export async function extractPdf(bytes: Uint8Array, path: string): Promise<PdfText> {
  // Checked before parsing: pdf.js may take ownership of the array it is given.
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  if (hasNonImageJbig2Stream(raw)) {
    throw extractError(
      'extract/too-large',
      path,
      'contains a decompression bomb (page content packed with an image codec); ' +
        'Docsort will not unpack it',
    )
  }
  const usesBrotli = raw.includes('/BrotliDecode')
  const parser = new PDFParse({ data: bytes })
  try {
    const pages = await readPages(parser, path, usesBrotli)
    return { ...pages, ...(await readInfo(parser)) }
  } finally {
    await parser.destroy()
  }
}

async function readPages(parser: PDFParse, path: string, usesBrotli: boolean): Promise<PageText> {
  let result: TextResult
  try {
    // pageJoiner '' turns off pdf-parse's "-- 1 of 9 --" page markers.
    result = await parser.getText({ first: MAX_PDF_PAGES, pageJoiner: '' })
  } catch (error) {
    const fatal = toFatalError(error, path, usesBrotli)
    if (fatal !== null) throw fatal
    return readPageByPage(parser, path, error)
  }
  return { text: result.text, pages: result.total, pagesRead: result.pages.length, pagesFailed: 0 }
}

/**
 * One damaged content stream makes the whole getText() reject; reading pages one at a time
 * keeps the text of the others. A document where no page reads is damaged.
 */
async function readPageByPage(
  parser: PDFParse,
  path: string,
  firstError: unknown,
): Promise<PageText> {
  // Page 0 does not exist: this reads no page and reports the total.
  const total = (await parser.getText({ partial: [0] })).total
  const texts: string[] = []
  let failed = 0
  for (let page = 1; page <= Math.min(total, MAX_PDF_PAGES); page++) {
    try {
      texts.push((await parser.getText({ partial: [page], pageJoiner: '' })).text)
    } catch {
      failed++
    }
  }
  if (texts.length === 0) {
    throw extractError(
      'extract/corrupt',
      path,
      'is a damaged PDF: none of its pages could be read',
      firstError,
    )
  }
  return { text: texts.join('\n\n'), pages: total, pagesRead: texts.length, pagesFailed: failed }
}

/**
 * pdf-parse's exception classes do not all survive `instanceof` (UnknownErrorException fails it,
 * see notes/stack.md section 3), so errors are told apart by name. Returns null for errors that
 * may be confined to one page.
 */
function toFatalError(error: unknown, path: string, usesBrotli: boolean): AppError | null {
  const name = error instanceof Error ? error.name : ''
  if (name === 'PasswordException') {
    return extractError(
      'extract/encrypted',
      path,
      'is encrypted with a password; Docsort cannot read it',
      error,
    )
  }
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    // pdf.js 5.4 has no Brotli filter (a PDF 2.0 extension); such files fail to load as if broken.
    if (usesBrotli) {
      return extractError(
        'extract/unsupported',
        path,
        'uses Brotli compression (a newer PDF feature) that Docsort cannot read yet',
        error,
      )
    }
    return extractError(
      'extract/corrupt',
      path,
      `is a damaged PDF (${describeError(error)})`,
      error,
    )
  }
  return null
}

/**
 * The title, the first page's orientation, whether there is a form, and the producing programs,
 * from the document information. They are niceties: a PDF with readable text is not failed for a
 * broken info dictionary, and a fact that cannot be read is left unknown.
 */
async function readInfo(parser: PDFParse): Promise<InfoFacts> {
  const facts: InfoFacts = { title: null, landscape: null, form: false, producers: [] }
  try {
    const result = await parser.getInfo({ parsePageInfo: true, first: 1 })
    const info = (result.info ?? {}) as Record<string, unknown>
    facts.title = usableTitle(info.Title)
    facts.form = info.IsAcroFormPresent === true
    facts.producers = [info.Creator, info.Producer].filter(
      (value): value is string => typeof value === 'string' && value.trim() !== '',
    )
    const first = result.pages[0]
    if (first && first.width > 0 && first.height > 0) {
      facts.landscape = isLandscape(first.width, first.height)
    }
  } catch {
    // Unknown facts stay at their defaults.
  }
  return facts
}

/** Document-info titles that are really file names or placeholders say nothing: dropped. */
function usableTitle(title: unknown): string | null {
  if (typeof title !== 'string') return null
  const trimmed = title.trim()
  if (trimmed === '' || /^\*?untitled\b/i.test(trimmed)) return null
  if (/^\S+\.[a-z0-9]{2,4}$/i.test(trimmed)) return null
  return trimmed
}

/** How far before a filter name the object header and stream keyword are looked for. */
const STREAM_DICTIONARY_WINDOW = 4096

/**
 * JBIG2 is a codec for black-and-white images. A stream that uses it without being an image is
 * page content or a form, which pdf.js decodes into memory row by row while looking for text: the
 * shape of a decompression bomb (pdf.js test `decompression_bomb_giant.pdf` grows RSS by about
 * 100 MB/s, outside the V8 heap cap). Stream dictionaries are never inside object streams, so
 * they can be found in the raw bytes.
 */
export function hasNonImageJbig2Stream(raw: Buffer): boolean {
  for (let at = raw.indexOf('/JBIG2Decode'); at !== -1; at = raw.indexOf('/JBIG2Decode', at + 1)) {
    const objectStart = raw.lastIndexOf('obj', at)
    const streamStart = raw.indexOf('stream', at)
    if (objectStart === -1 || streamStart === -1) continue
    if (streamStart - objectStart > STREAM_DICTIONARY_WINDOW) continue
    const dictionary = raw.toString('latin1', objectStart, streamStart)
    if (!/\/Subtype\s*\/Image\b/.test(dictionary)) return true
  }
  return false
}
