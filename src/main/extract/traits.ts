/**
 * A document's traits: short tags for what its words do not say, the format, the page count,
 * the page orientation, whether it has form fields, and the program that made it. A slide deck
 * is landscape and made by PowerPoint or Beamer; a form has fields; an invoice is one page. The
 * classifier's wide branch sees them beside the words (see features.ts).
 */
import type { DocumentKind } from '../../shared/types'

export interface LayoutFacts {
  kind: DocumentKind
  pages: number | null
  /** Orientation of the first page; null when the format does not say. */
  landscape: boolean | null
  /** Fillable fields: an AcroForm in a PDF, form fields or check boxes in Word. */
  form: boolean
  /** Names of the programs that made the file (PDF Creator and Producer, Word's Application). */
  producers: readonly string[]
}

/** Words of a program's name that say nothing about the kind of document it makes. */
const PRODUCER_NOISE = new Set([
  'and',
  'based',
  'build',
  'by',
  'com',
  'copyright',
  'dotm',
  'dotx',
  'for',
  'library',
  'macintosh',
  'net',
  'normal',
  'office',
  'org',
  'pdf',
  'project',
  'the',
  'unspecified',
  'version',
  'via',
  'windows',
  'with',
  'www',
])
const MAX_PRODUCER_WORDS = 8

export function documentTraits(facts: LayoutFacts): string[] {
  const traits = [`kind:${facts.kind}`]
  if (facts.pages !== null && facts.pages > 0) traits.push(`pages:${pageBucket(facts.pages)}`)
  if (facts.landscape !== null) traits.push(facts.landscape ? 'landscape' : 'portrait')
  if (facts.form) traits.push('form')
  const words = new Set<string>()
  for (const producer of facts.producers) {
    for (const word of producer.toLowerCase().match(/\p{L}{3,}/gu) ?? []) {
      if (!PRODUCER_NOISE.has(word) && words.size < MAX_PRODUCER_WORDS) words.add(word)
    }
  }
  for (const word of words) traits.push(`made-by:${word}`)
  return traits
}

function pageBucket(pages: number): string {
  if (pages <= 2) return String(pages)
  if (pages <= 4) return '3-4'
  if (pages <= 9) return '5-9'
  if (pages <= 29) return '10-29'
  return '30+'
}

/** True when a page is wider than it is tall by more than a rounding margin. */
export function isLandscape(width: number, height: number): boolean {
  return width > height * 1.05
}
