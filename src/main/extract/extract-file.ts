/**
 * One file from path to ExtractedDocument: read, detect the real type, hand it to that format's
 * reader, clean the text and decide whether it is readable. Runs inside an extraction worker;
 * limits on time and memory are the pool's business, not this module's.
 */
import { extname } from 'node:path'
import type { DocumentKind, ExtractedDocument } from '../../shared/types'
import { detectType, type DetectedType } from './detect-type'
import { extractDocx } from './docx'
import { extractError } from './extract-error'
import type { ExtractJob, ExtractNotes, ExtractOutcome } from './extract-job'
import { readForExtraction } from './file-access'
import { extractPdf } from './pdf'
import { findUnreadableReason } from './readability'
import { decodeText } from './text'
import { documentTraits, type LayoutFacts } from './traits'

interface RawText {
  kind: DocumentKind
  text: string
  pages: number | null
  title: string | null
  encoding: string | null
  pdfPagesRead: number | null
  pdfPagesFailed: number
  layout: Omit<LayoutFacts, 'kind'>
}

const NO_LAYOUT: Omit<LayoutFacts, 'kind'> = {
  pages: null,
  landscape: null,
  form: false,
  producers: [],
}

const EXTENSION_KIND: Readonly<Record<string, DocumentKind>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.txt': 'text',
  '.md': 'text',
  '.csv': 'text',
}

export async function extractFile(job: ExtractJob): Promise<ExtractOutcome> {
  const { path, maxTextChars } = job
  const bytes = await readForExtraction(path, job.maxFileBytes)
  if (bytes.length === 0) throw extractError('extract/empty', path, 'is empty (0 bytes)')

  const type = detectType(bytes, path)
  const raw = await readByType(type, bytes, job)
  // Normalising only shortens text, so a generous first cut bounds the work on huge inputs.
  const firstCut = maxTextChars * 2
  const cleaned = normalizeText(raw.text.slice(0, firstCut))
  if (cleaned === '' && raw.kind === 'text') {
    throw extractError('extract/empty', path, 'contains only whitespace')
  }
  const text = truncate(cleaned, maxTextChars)
  const unreadable = findUnreadableReason(text, raw.kind === 'pdf')
  if (unreadable !== null) throw extractError('extract/no-text', path, unreadable)

  const document: ExtractedDocument = {
    text,
    kind: raw.kind,
    pages: raw.pages,
    title: raw.title,
    bytes: bytes.length,
    encoding: raw.encoding,
    traits: documentTraits({ kind: raw.kind, ...raw.layout }),
  }
  return {
    document,
    notes: notesFor(raw, path, raw.text.length > firstCut || cleaned.length > text.length),
  }
}

async function readByType(
  type: DetectedType,
  bytes: Uint8Array,
  job: ExtractJob,
): Promise<RawText> {
  const { path } = job
  switch (type.kind) {
    case 'pdf': {
      const pdf = await extractPdf(bytes, path)
      return {
        kind: 'pdf',
        text: pdf.text,
        pages: pdf.pages,
        title: pdf.title,
        encoding: null,
        pdfPagesRead: pdf.pagesRead,
        pdfPagesFailed: pdf.pagesFailed,
        layout: pdf,
      }
    }
    case 'docx': {
      const docx = await extractDocx(bytes, path)
      return {
        kind: 'docx',
        text: docx.text,
        title: docx.title,
        pages: null,
        encoding: null,
        pdfPagesRead: null,
        pdfPagesFailed: 0,
        layout: docx,
      }
    }
    case 'text': {
      const decoded = decodeText(bytes, job.maxTextChars)
      const head = decoded.text.slice(0, 4000).replace(/\r\n?/g, '\n')
      const title = isMarkdown(path) ? markdownTitle(head) : null
      return {
        kind: 'text',
        ...decoded,
        pages: null,
        title,
        pdfPagesRead: null,
        pdfPagesFailed: 0,
        layout: NO_LAYOUT,
      }
    }
    case 'encrypted-office':
      throw extractError(
        'extract/encrypted',
        path,
        'is a password-protected Office file; Docsort cannot read it',
      )
    case 'unsupported':
      throw extractError(
        'extract/unsupported',
        path,
        `is ${type.description}; Docsort reads PDF, Word (.docx) and plain-text files`,
      )
  }
}

function notesFor(raw: RawText, path: string, truncated: boolean): ExtractNotes {
  const claimed = EXTENSION_KIND[extname(path).toLowerCase()]
  return {
    extensionMismatch: claimed !== undefined && claimed !== raw.kind,
    truncated,
    pdfPagesRead: raw.pdfPagesRead,
    pdfPagesFailed: raw.pdfPagesFailed,
  }
}

/** C0 controls except tab and line feed, DEL, and the BOM (a zero-width no-break space). */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f\ufeff]/g

/**
 * Line endings to LF, control characters (NULs included) removed, trailing spaces and runs of
 * blank lines collapsed. A form feed or vertical tab separates like a line break.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\f\v]/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Cuts at `maxChars` without splitting a surrogate pair. */
function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  const end = isHighSurrogate(text.charCodeAt(maxChars - 1)) ? maxChars - 1 : maxChars
  return text.slice(0, end)
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isMarkdown(path: string): boolean {
  return ['.md', '.markdown'].includes(extname(path).toLowerCase())
}

/**
 * The `title:` of a YAML front-matter block, else the first level-one or level-two heading in
 * the first 2,000 characters.
 */
function markdownTitle(text: string): string | null {
  const head = text.slice(0, 2000)
  const frontMatter = /^---\n([\s\S]*?)\n---\n/.exec(head)?.[1]
  const fromFrontMatter =
    frontMatter === undefined ? undefined : /^title:[ \t]*(.+)$/m.exec(frontMatter)?.[1]
  const fromHeading = /^[ \t]*#{1,2}[ \t]+(.+?)[ \t#]*$/m.exec(head)?.[1]
  const title = (fromFrontMatter ?? fromHeading)?.trim().replace(/^(["'])(.*)\1$/, '$2')
  return title === undefined || title === '' ? null : title
}
