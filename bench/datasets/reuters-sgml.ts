/**
 * Reads the Reuters-21578 SGML files into plain records. Only what the ModApte split and the
 * document text need is kept; PLACES, PEOPLE and the other facets are ignored.
 */
import { readFile } from 'node:fs/promises'

export interface ReutersArticle {
  newId: string
  lewisSplit: string
  hasTopics: boolean
  topics: string[]
  /** TITLE and BODY joined by a blank line, or the raw TEXT when the article has neither. */
  text: string
}

const ARTICLE = /<REUTERS\b([^>]*)>([\s\S]*?)<\/REUTERS>/g
const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(lt|gt|amp|quot|apos));/gi
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
/**
 * `&#2;`, `&#3;` and friends are wire-service framing bytes, not text. Kept, they would make a short
 * article look like binary data to a reader that sniffs control bytes, so they become nothing.
 */
// eslint-disable-next-line no-control-regex
const FRAMING = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return String.fromCharCode(Number(dec))
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16))
    return NAMED[(name ?? '').toLowerCase()] ?? ''
  })
}

function cleanText(raw: string): string {
  return decodeEntities(raw).replace(FRAMING, '').trim()
}

function attribute(attributes: string, name: string): string {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1] ?? ''
}

function element(body: string, tag: string): string | undefined {
  return new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(body)?.[1]
}

/** The raw TEXT drops its inner markup so that an UNPROC or BRIEF article reads as prose. */
function articleText(body: string): string {
  const title = element(body, 'TITLE')
  const text = element(body, 'BODY')
  if (title === undefined && text === undefined) {
    return cleanText((element(body, 'TEXT') ?? '').replace(/<[^>]+>/g, ' '))
  }
  return [title, text]
    .filter((part): part is string => part !== undefined)
    .map(cleanText)
    .join('\n\n')
}

export function parseReuters(sgml: string): ReutersArticle[] {
  const articles: ReutersArticle[] = []
  for (const match of sgml.matchAll(ARTICLE)) {
    const [, attributes, body] = match
    const topicsBlock = element(body, 'TOPICS') ?? ''
    articles.push({
      newId: attribute(attributes, 'NEWID'),
      lewisSplit: attribute(attributes, 'LEWISSPLIT'),
      hasTopics: attribute(attributes, 'TOPICS') === 'YES',
      topics: [...topicsBlock.matchAll(/<D>([\s\S]*?)<\/D>/g)].map((d) => d[1].trim()),
      text: articleText(body),
    })
  }
  return articles
}

/** The files hold a few bytes above 0x7f; latin1 keeps them one character each, never U+FFFD. */
export async function readReutersFile(path: string): Promise<ReutersArticle[]> {
  return parseReuters(await readFile(path, 'latin1'))
}
