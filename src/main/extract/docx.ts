/**
 * Word (.docx) text: mammoth's raw text for the body, plus the parts it leaves out (headers,
 * footers, notes, text boxes, HTML altChunks; see docx-parts.ts). The zip is opened with JSZip
 * first so that its directory can be checked for a bomb before anything is inflated.
 */
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { describeError, extractError } from './extract-error'
import { assertZipWithinLimits } from './docx-guard'
import { isLandscape } from './traits'
import {
  coreTitle,
  htmlText,
  relationshipTargets,
  textBoxTexts,
  wordprocessingText,
} from './docx-parts'

export interface DocxText {
  text: string
  title: string | null
  /** Page count Word saved in docProps/app.xml, or null. */
  pages: number | null
  landscape: boolean | null
  form: boolean
  /** The application and template named in docProps/app.xml. */
  producers: string[]
}

const MAIN_DOCUMENT_FALLBACK = 'word/document.xml'
const HEADER_OR_FOOTER = /^word\/(header|footer)(\d*)\.xml$/
const HTML_CHUNK = /\.(?:html?|xhtml)$/i

export async function extractDocx(bytes: Uint8Array, path: string): Promise<DocxText> {
  const zip = await openZip(bytes, path)
  assertZipWithinLimits(zip, path)
  const mainPath = await mainDocumentPath(zip)
  const documentXml = await readPart(zip, mainPath)
  if (documentXml === null) {
    throw extractError('extract/corrupt', path, `is a damaged Word file: ${mainPath} is missing`)
  }

  const body = joinBlocks([
    await rawBodyText(bytes, path),
    ...(await extraBodyTexts(zip, mainPath, documentXml)),
  ])
  if (body.trim() === '') {
    throw extractError('extract/empty', path, 'is a Word file with no text in its body')
  }
  const text = joinBlocks([
    ...(await partTexts(zip, 'header')),
    body,
    wordprocessingText((await readPart(zip, 'word/footnotes.xml')) ?? ''),
    wordprocessingText((await readPart(zip, 'word/endnotes.xml')) ?? ''),
    ...(await partTexts(zip, 'footer')),
  ])
  const core = await readPart(zip, 'docProps/core.xml')
  const app = (await readPart(zip, 'docProps/app.xml')) ?? ''
  return {
    text,
    title: core === null ? null : coreTitle(core),
    ...appProperties(app),
    landscape: pageOrientation(documentXml),
    form: FORM_FIELD.test(documentXml),
  }
}

/** Legacy form fields, and the check boxes and drop-downs of content controls. */
const FORM_FIELD = /FORMTEXT|FORMCHECKBOX|FORMDROPDOWN|<w14:checkbox\b|<w:dropDownList\b/

function appProperties(xml: string): Pick<DocxText, 'pages' | 'producers'> {
  const element = (name: string): string | null =>
    new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim() || null
  const pages = Number(element('Pages'))
  return {
    pages: Number.isInteger(pages) && pages > 0 ? pages : null,
    producers: [element('Application'), element('Template')].filter(
      (value): value is string => value !== null,
    ),
  }
}

/** The orientation of the first section's pages, from its w:pgSz; null without one. */
function pageOrientation(documentXml: string): boolean | null {
  const size = /<w:pgSz\b([^>]*)>/.exec(documentXml)?.[1]
  if (size === undefined) return null
  if (/w:orient="landscape"/.test(size)) return true
  const width = Number(/w:w="(\d+)"/.exec(size)?.[1])
  const height = Number(/w:h="(\d+)"/.exec(size)?.[1])
  return width > 0 && height > 0 ? isLandscape(width, height) : null
}

async function openZip(bytes: Uint8Array, path: string): Promise<JSZip> {
  try {
    // loadAsync reads the central directory only; entries are inflated when read.
    return await JSZip.loadAsync(bytes)
  } catch (error) {
    throw extractError(
      'extract/corrupt',
      path,
      `is a damaged Word file: its zip container is truncated or broken (${describeError(error)})`,
      error,
    )
  }
}

async function rawBodyText(bytes: Uint8Array, path: string): Promise<string> {
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
    return (await mammoth.extractRawText({ buffer })).value
  } catch (error) {
    throw extractError(
      'extract/corrupt',
      path,
      `is a damaged Word file (${describeError(error)})`,
      error,
    )
  }
}

/**
 * mammoth reads a text box only through its VML fallback (`mc:Fallback`), so a box written
 * without one is missed; a box whose text the body already holds is not added twice.
 */
async function extraBodyTexts(
  zip: JSZip,
  mainPath: string,
  documentXml: string,
): Promise<string[]> {
  const extras: string[] = []
  const folder = mainPath.slice(0, mainPath.lastIndexOf('/') + 1)
  const rels = await readPart(zip, `${folder}_rels/${mainPath.slice(folder.length)}.rels`)
  for (const part of rels === null ? [] : relationshipTargets(rels, '/aFChunk', folder)) {
    const html = HTML_CHUNK.test(part) ? await readPart(zip, part) : null
    if (html !== null) extras.push(htmlText(html))
  }
  return [...textBoxTexts(documentXml), ...extras]
}

/** Headers or footers in part-number order; identical ones (first page, even pages) once. */
async function partTexts(zip: JSZip, kind: 'header' | 'footer'): Promise<string[]> {
  const parts = Object.keys(zip.files)
    .map((name) => ({ name, match: HEADER_OR_FOOTER.exec(name) }))
    .filter(({ match }) => match?.[1] === kind)
    .sort((a, b) => Number(a.match?.[2] ?? 0) - Number(b.match?.[2] ?? 0))
  const texts: string[] = []
  for (const { name } of parts) texts.push(wordprocessingText((await readPart(zip, name)) ?? ''))
  return [...new Set(texts)]
}

/** The officeDocument relationship names the main part; nearly always word/document.xml. */
async function mainDocumentPath(zip: JSZip): Promise<string> {
  const rels = await readPart(zip, '_rels/.rels')
  const target = rels === null ? undefined : relationshipTargets(rels, '/officeDocument', '')[0]
  return target ?? MAIN_DOCUMENT_FALLBACK
}

async function readPart(zip: JSZip, name: string): Promise<string | null> {
  const entry = zip.file(name)
  return entry === null ? null : entry.async('string')
}

/**
 * Joins blocks with a blank line, skipping empty ones and any block whose text an earlier
 * block already contains (compared with whitespace collapsed).
 */
function joinBlocks(blocks: readonly string[]): string {
  const kept: string[] = []
  let seen = ''
  for (const block of blocks) {
    const trimmed = block.trim()
    const collapsed = trimmed.replace(/\s+/g, ' ')
    if (collapsed === '' || seen.includes(collapsed)) continue
    kept.push(trimmed)
    seen += ` ${collapsed}`
  }
  return kept.join('\n\n')
}
