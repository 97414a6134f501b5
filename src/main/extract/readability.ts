/**
 * Decides whether extracted text is something a reader (and the classifier) can use. It does not
 * judge content, only whether the characters form words at all: a scan with no text layer, a
 * PDF whose font encoding is broken, a base64 blob saved as .txt.
 */

export interface TextMeasures {
  /** Characters that are not whitespace. */
  nonSpace: number
  /** Distinct word-like runs of two or more letters, case-folded. */
  distinctWords: number
  /** Share of non-whitespace characters that belong to word-like letter runs. */
  wordShare: number
  /** Letters a-z after accents are stripped; the base of `vowelShare`. */
  latinLetters: number
  /** Share of all letters that are Latin. */
  latinShare: number
  /** Share of Latin letters that are a, e, i, o, u or y. */
  vowelShare: number
}

/** A PDF with fewer non-whitespace characters than this has no real text layer. */
export const MIN_PDF_CHARS = 20
/** A PDF text layer with fewer distinct words than this is boilerplate, e.g. "Page 1/15". */
export const MIN_PDF_DISTINCT_WORDS = 3
/**
 * Below this share of word characters the text has no readable words. Measured on the test
 * corpus: real documents are at 0.30 or more (an SEC filing dense with figures is the lowest),
 * a base64-encoded JPEG at 0.09, a PDF whose text is runs of 400 identical letters near 0.
 */
export const MIN_WORD_SHARE = 0.15
/**
 * Below this share of vowels Latin-script text is garbled. Languages written in Latin script sit
 * at 0.30-0.46 in the corpus; a PDF whose font maps every letter to its neighbour is at 0.07.
 */
export const MIN_VOWEL_SHARE = 0.2
/** The vowel test needs this many Latin letters to be meaningful, and Latin must dominate. */
const MIN_LATIN_LETTERS = 200
const MIN_LATIN_SHARE = 0.5
/**
 * Longest cased letter run still counted as a word. Uncased scripts (Chinese, Japanese, Thai)
 * write words without spaces, so their runs have no limit.
 */
const MAX_WORD_LENGTH = 40

const LETTER_RUN = /\p{L}[\p{L}\p{M}]*/gu
const CASED_WORD = /^(?:\p{Lu}?[\p{Ll}\p{M}]+|[\p{Lu}\p{M}]+)$/u
const UNCASED_RUN = /^[\p{Lo}\p{Lm}\p{M}]+$/u

export function measureText(text: string): TextMeasures {
  const nonSpace = text.length - countMatches(text, /\s/gu)

  let letters = 0
  let wordChars = 0
  const distinct = new Set<string>()
  for (const [run] of text.matchAll(LETTER_RUN)) {
    letters += run.length
    if (!isWordLike(run)) continue
    wordChars += run.length
    if (run.length >= 2) distinct.add(run.toLowerCase())
  }

  const folded = text.normalize('NFD')
  const latinLetters = countMatches(folded, /[a-z]/giu)
  const vowels = countMatches(folded, /[aeiouy]/giu)
  return {
    nonSpace,
    distinctWords: distinct.size,
    wordShare: nonSpace === 0 ? 0 : wordChars / nonSpace,
    latinLetters,
    latinShare: letters === 0 ? 0 : latinLetters / letters,
    vowelShare: latinLetters === 0 ? 0 : vowels / latinLetters,
  }
}

/**
 * Returns why the text is not usable, continuing a sentence that starts with the file name, or
 * null when it is. The minimum-size rules apply to PDFs only: there a tiny text layer means a
 * scan, while a short text file or Word document is simply short.
 */
export function findUnreadableReason(text: string, isPdf: boolean): string | null {
  const m = measureText(text)

  if (isPdf && m.nonSpace === 0) {
    return 'has no text layer; it may be a scan. Docsort does not run OCR'
  }
  if (isPdf && (m.nonSpace < MIN_PDF_CHARS || m.distinctWords < MIN_PDF_DISTINCT_WORDS)) {
    return (
      `has almost no text (${m.nonSpace} characters, ${m.distinctWords} distinct words); ` +
      'it may be a scan'
    )
  }
  if (m.wordShare < MIN_WORD_SHARE) {
    return 'has no readable words; it looks like encoded or binary data rather than text'
  }
  const latinDominates = m.latinLetters >= MIN_LATIN_LETTERS && m.latinShare >= MIN_LATIN_SHARE
  if (latinDominates && m.vowelShare < MIN_VOWEL_SHARE) {
    return (
      'has garbled text: its letters do not form words ' +
      '(a PDF font with a broken encoding does this)'
    )
  }
  return null
}

function isWordLike(run: string): boolean {
  if (UNCASED_RUN.test(run)) return true
  return run.length <= MAX_WORD_LENGTH && CASED_WORD.test(run)
}

/** `pattern` must match one character at a time and be global. */
function countMatches(text: string, pattern: RegExp): number {
  return text.length - text.replace(pattern, '').length
}
