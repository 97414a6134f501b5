/**
 * Decides what a file really is from its bytes. The extension only breaks ties where the content
 * cannot tell: damaged binary data that carries no signature keeps the format its name claims, so
 * that the reader for that format can say what is wrong with it.
 */
import { extname } from 'node:path'

export type DetectedType =
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'text' }
  /** An Office file encrypted with a password (an OLE container holding EncryptedPackage). */
  | { kind: 'encrypted-office' }
  /** `description` completes "<file> is ...", e.g. "a JPEG image". */
  | { kind: 'unsupported'; description: string }

/** pdf.js accepts a `%PDF` header after leading junk; so do we, within the same 1 KiB. */
const PDF_HEADER_WINDOW = 1024
/** Bytes looked at to decide whether a file without BOM is text. */
const TEXT_SAMPLE_BYTES = 64 * 1024
/** Share of control bytes (NUL included) above which a sample is binary rather than text. */
const MAX_CONTROL_SHARE = 0.01

interface Signature {
  /** Bytes from offset 0; null matches any byte. */
  bytes: readonly (number | null)[]
  description: string
}

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0))
const ANY4 = [null, null, null, null]

const SIGNATURES: readonly Signature[] = [
  { bytes: [0xff, 0xd8, 0xff], description: 'a JPEG image' },
  { bytes: [0x89, ...ascii('PNG')], description: 'a PNG image' },
  { bytes: ascii('GIF8'), description: 'a GIF image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], description: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], description: 'a TIFF image' },
  { bytes: [...ascii('RIFF'), ...ANY4, ...ascii('WEBP')], description: 'a WebP image' },
  { bytes: [0x00, null, null, null, ...ascii('ftyp')], description: 'an MP4 or HEIC media file' },
  { bytes: [0xff, ...ascii('WPC')], description: 'a WordPerfect document' },
  { bytes: ascii('{\\rtf'), description: 'an RTF document' },
  { bytes: ascii('%!PS'), description: 'a PostScript file' },
  { bytes: [0x1f, 0x8b], description: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], description: 'a 7-Zip archive' },
  { bytes: ascii('Rar!'), description: 'a RAR archive' },
  { bytes: ascii('SQLite format 3'), description: 'an SQLite database' },
  { bytes: [0x7f, ...ascii('ELF')], description: 'a program (ELF)' },
]

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04]
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06]
const OLE_HEADER = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export function detectType(bytes: Uint8Array, path: string): DetectedType {
  const extension = extname(path).toLowerCase()

  if (hasPdfHeader(bytes)) return { kind: 'pdf' }
  if (startsWith(bytes, ZIP_LOCAL_HEADER) || startsWith(bytes, ZIP_EMPTY_ARCHIVE)) {
    return detectZip(bytes, extension)
  }
  if (startsWith(bytes, OLE_HEADER)) return detectOle(bytes)
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes))
  if (signature !== undefined) return { kind: 'unsupported', description: signature.description }
  if (isLikelyText(bytes)) return { kind: 'text' }
  if (extension === '.pdf') return { kind: 'pdf' }
  if (extension === '.docx') return { kind: 'docx' }
  return { kind: 'unsupported', description: 'binary data of an unknown type' }
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.length, PDF_HEADER_WINDOW),
  )
  return window.includes('%PDF')
}

/**
 * Reads entry names from local and central-directory headers without inflating anything, so that
 * a zip with a damaged directory still shows what it holds.
 */
function detectZip(bytes: Uint8Array, extension: string): DetectedType {
  const names = zipEntryNames(bytes)
  if (names.some((name) => name.startsWith('word/'))) return { kind: 'docx' }
  if (names.some((name) => name.startsWith('ppt/'))) {
    return { kind: 'unsupported', description: 'a PowerPoint presentation (.pptx)' }
  }
  if (names.some((name) => name.startsWith('xl/'))) {
    return { kind: 'unsupported', description: 'an Excel workbook (.xlsx)' }
  }
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 256))
  if (head.includes('application/vnd.oasis.opendocument')) {
    return { kind: 'unsupported', description: 'an OpenDocument file (.odt/.ods/.odp)' }
  }
  if (head.includes('application/epub+zip')) {
    return { kind: 'unsupported', description: 'an EPUB e-book' }
  }
  // A truncated .docx may end before any word/ entry; the DOCX reader then reports it as damaged.
  if (extension === '.docx') return { kind: 'docx' }
  return { kind: 'unsupported', description: 'a ZIP archive' }
}

const MAX_ZIP_NAMES = 10_000

export function zipEntryNames(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const names: string[] = []
  const collect = (signature: Buffer, lengthAt: number, nameAt: number): void => {
    let at = buffer.indexOf(signature)
    while (at !== -1 && names.length < MAX_ZIP_NAMES && at + nameAt <= buffer.length) {
      const length = buffer.readUInt16LE(at + lengthAt)
      names.push(
        buffer.toString('latin1', at + nameAt, Math.min(buffer.length, at + nameAt + length)),
      )
      at = buffer.indexOf(signature, at + 4)
    }
  }
  collect(Buffer.from([0x50, 0x4b, 0x01, 0x02]), 28, 46)
  collect(Buffer.from(ZIP_LOCAL_HEADER), 26, 30)
  return names
}

/** OLE compound files name their streams in UTF-16LE directory entries. */
function detectOle(bytes: Uint8Array): DetectedType {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const hasStream = (name: string): boolean => buffer.includes(Buffer.from(name, 'utf16le'))
  if (hasStream('EncryptedPackage') && hasStream('EncryptionInfo')) {
    return { kind: 'encrypted-office' }
  }
  if (hasStream('WordDocument')) {
    return { kind: 'unsupported', description: 'a Word 97-2003 document (.doc)' }
  }
  if (hasStream('Workbook') || hasStream('Book')) {
    return { kind: 'unsupported', description: 'an Excel 97-2003 workbook (.xls)' }
  }
  if (hasStream('PowerPoint Document')) {
    return { kind: 'unsupported', description: 'a PowerPoint 97-2003 presentation (.ppt)' }
  }
  if (hasStream('__substg1.0_')) {
    return { kind: 'unsupported', description: 'an Outlook message (.msg)' }
  }
  return { kind: 'unsupported', description: 'a Microsoft compound document (OLE)' }
}

/**
 * Text has a byte-order mark, or has (almost) no control bytes, or is UTF-16 without a BOM:
 * NULs in nearly every other byte and nowhere else.
 */
export function isLikelyText(bytes: Uint8Array): boolean {
  if (textBom(bytes) !== null) return true
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES)
  if (sample.length === 0) return false
  let controls = 0
  for (const byte of sample) if (isControlByte(byte)) controls++
  // A couple of stray control bytes do not make a short file binary.
  if (controls <= Math.max(2, sample.length * MAX_CONTROL_SHARE)) return true
  return unmarkedUtf16(bytes) !== null
}

export type TextBom = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'

/** UTF-32 LE must be tested before UTF-16 LE: its BOM starts with the UTF-16 LE one. */
export function textBom(bytes: Uint8Array): { encoding: TextBom; length: number } | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 }
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) return { encoding: 'utf-32le', length: 4 }
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return { encoding: 'utf-32be', length: 4 }
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 }
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 }
  return null
}

/**
 * Recognises UTF-16 without a BOM by where its NULs fall: Latin-script text in UTF-16 has a NUL
 * in the high byte of almost every unit and none in the low byte.
 */
export function unmarkedUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES & ~1)
  const units = Math.floor(sample.length / 2)
  if (units < 2) return null
  let evenNuls = 0
  let oddNuls = 0
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++
    if (sample[i + 1] === 0) oddNuls++
  }
  if (oddNuls >= units * 0.3 && evenNuls <= units * 0.01) return 'utf-16le'
  if (evenNuls >= units * 0.3 && oddNuls <= units * 0.01) return 'utf-16be'
  return null
}

/** Tab, line feed, vertical tab, form feed, carriage return and escape occur in real text. */
const TEXT_CONTROL_BYTES: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b])

function isControlByte(byte: number): boolean {
  return (byte < 0x20 || byte === 0x7f) && !TEXT_CONTROL_BYTES.has(byte)
}

function startsWith(bytes: Uint8Array, prefix: readonly (number | null)[]): boolean {
  if (bytes.length < prefix.length) return false
  return prefix.every((byte, i) => byte === null || bytes[i] === byte)
}
