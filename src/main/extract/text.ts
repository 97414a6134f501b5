/**
 * Decodes a plain-text file (.txt, .md, .csv) to a string: byte-order mark first, then strict
 * UTF-8, then a statistical guess among the legacy encodings Docsort's users are likely to have.
 */
import { analyse } from 'chardet'
import { textBom, unmarkedUtf16 } from './detect-type'

export interface DecodedText {
  text: string
  /** WHATWG label of the encoding the bytes were decoded from, e.g. `utf-8` or `gb18030`. */
  encoding: string
}

/**
 * chardet's names mapped to TextDecoder labels. ISO-8859-1 is decoded as windows-1252, as
 * browsers do: the two differ only in 0x80-0x9F, where windows-1252 has the smart quotes and
 * dashes that Latin-1 text from Windows really contains. GB18030 is a superset of GBK and GB2312.
 */
const LEGACY_ENCODINGS: ReadonlyMap<string, string> = new Map([
  ['GB18030', 'gb18030'],
  ['Big5', 'big5'],
  ['Shift_JIS', 'shift_jis'],
  ['windows-1252', 'windows-1252'],
  ['ISO-8859-1', 'windows-1252'],
])

/** windows-1252 maps every byte to a character, so a file chardet cannot place still decodes. */
const FALLBACK_ENCODING = 'windows-1252'

const CHARDET_SAMPLE_BYTES = 64 * 1024

/**
 * Every encoding handled here spends at most 4 bytes per character, so only the first
 * `4 × maxChars` bytes are decoded: a 100 MiB log never becomes a 100 M-character string.
 */
export function decodeText(bytes: Uint8Array, maxChars: number): DecodedText {
  const byteLimit = maxChars * 4 + 4

  const bom = textBom(bytes)
  if (bom !== null) {
    const body = bytes.subarray(bom.length, bom.length + byteLimit)
    return { text: decodeWith(bom.encoding, body), encoding: bom.encoding }
  }

  const prefix = bytes.subarray(0, byteLimit)
  const utf16 = unmarkedUtf16(bytes)
  if (utf16 !== null) return { text: decodeWith(utf16, prefix), encoding: utf16 }
  if (isValidUtf8(prefix)) return { text: decodeWith('utf-8', prefix), encoding: 'utf-8' }
  const legacy = guessLegacyEncoding(bytes.subarray(0, CHARDET_SAMPLE_BYTES))
  return { text: decodeWith(legacy, prefix), encoding: legacy }
}

export function guessLegacyEncoding(sample: Uint8Array): string {
  for (const match of analyse(sample)) {
    const label = LEGACY_ENCODINGS.get(match.name)
    if (label !== undefined) return label
  }
  return FALLBACK_ENCODING
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    // stream: a multi-byte character cut at the end of the prefix is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return true
  } catch {
    return false
  }
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'utf-32le') return decodeUtf32(bytes, true)
  if (encoding === 'utf-32be') return decodeUtf32(bytes, false)
  return new TextDecoder(encoding).decode(bytes, { stream: true })
}

/** TextDecoder has no UTF-32 (the WHATWG Encoding standard leaves it out). */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const parts: string[] = []
  let chunk: number[] = []
  for (let at = 0; at + 4 <= bytes.length; at += 4) {
    const codePoint = view.getUint32(at, littleEndian)
    const valid = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff)
    chunk.push(valid ? codePoint : 0xfffd)
    // String.fromCodePoint takes its arguments on the stack: keep each call small.
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk))
      chunk = []
    }
  }
  parts.push(String.fromCodePoint(...chunk))
  return parts.join('')
}
