/**
 * Turns document text into word tokens. Scripts written without spaces (Chinese, Japanese, Thai,
 * ...) go through ICU's dictionary segmentation (`Intl.Segmenter`); everything else through a
 * Unicode-aware regular expression, which is about ten times faster on Latin text. Tokens are
 * NFKC-normalised and lower-cased; digits are folded so that amounts, dates and invoice numbers
 * share a few tokens instead of flooding the id space.
 */
export interface TokenizeOptions {
  /** Stop after this many tokens; documents are long and the head carries most of the signal. */
  maxTokens?: number
}

/** Tokens longer than this are cut: base64 blobs and hashes carry no category signal. */
const MAX_TOKEN_LENGTH = 32

const UNSPACED = ['Han', 'Hiragana', 'Katakana', 'Thai', 'Lao', 'Khmer', 'Myanmar']
  .map((script) => String.raw`\p{Script=${script}}`)
  .join('')

const UNSPACED_SCRIPT = new RegExp(`[${UNSPACED}]`, 'v')

// A run of unspaced-script characters, or a word of other letters and digits joined by in-word
// punctuation ("don't" and "1,234.56" stay one token, "e-mail" becomes two). Unspaced scripts are
// subtracted from the word class so that "1000元" splits into "1000" and "元".
const WORD_CHAR = String.raw`[[\p{L}\p{M}\p{N}]--[${UNSPACED}]]`
const PIECE = new RegExp(
  String.raw`[${UNSPACED}\u30FC]+|${WORD_CHAR}+(?:['’.,]${WORD_CHAR}+)*`,
  'gv',
)

const DIGIT = /\p{Nd}/u

let segmenter: Intl.Segmenter | undefined

export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const maxTokens = options.maxTokens ?? Number.POSITIVE_INFINITY
  const tokens: string[] = []
  const normalized = text.normalize('NFKC').toLowerCase()

  for (const match of normalized.matchAll(PIECE)) {
    if (tokens.length >= maxTokens) break
    const piece = match[0]
    if (UNSPACED_SCRIPT.test(piece[0] ?? '')) {
      segmentUnspaced(piece, tokens, maxTokens)
    } else {
      tokens.push(foldToken(piece))
    }
  }
  return tokens
}

function segmentUnspaced(run: string, into: string[], maxTokens: number): void {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' })
  for (const part of segmenter.segment(run)) {
    if (into.length >= maxTokens) return
    if (part.isWordLike) into.push(part.segment)
  }
}

/**
 * Folds digits to `0` keeping the shape ("1,234.56" and "9,870.00" become one token), caps runs
 * of digits at four and the token length at MAX_TOKEN_LENGTH.
 */
export function foldToken(token: string): string {
  let folded = token
  if (DIGIT.test(folded)) {
    folded = folded.replace(/\p{Nd}/gu, '0').replace(/0{5,}/g, '0000')
  }
  return folded.length > MAX_TOKEN_LENGTH ? folded.slice(0, MAX_TOKEN_LENGTH) : folded
}
