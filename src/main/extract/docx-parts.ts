/**
 * Text of the DOCX parts that mammoth's raw-text output leaves out: headers, footers, footnotes,
 * endnotes, text boxes without a VML fallback, and HTML "altChunk" imports. WordprocessingML is
 * scanned with regular expressions for run text (`<w:t>`); no layout or styling is interpreted.
 */

/**
 * Run text, paragraph ends, tabs and breaks, under any namespace prefix (Strict OOXML files and
 * hand-made ones do not always use `w:`). A run tab has no attributes; a tab stop definition in
 * paragraph properties (`<w:tab w:val="left" w:pos="720"/>`) does, and is not text.
 */
const PREFIX = String.raw`(?:[\w.-]+:)?`
const TEXT_TOKEN = new RegExp(
  [
    String.raw`<${PREFIX}t(?:\s[^>]*)?>([^<]*)<\/${PREFIX}t>`,
    String.raw`<\/${PREFIX}p>`,
    String.raw`<${PREFIX}tab\s*\/>`,
    String.raw`<${PREFIX}(?:br|cr)(?:\s[^>]*)?\/>`,
  ].join('|'),
  'g',
)

const TAB_TOKEN = /^<(?:[\w.-]+:)?tab\b/

/** Paragraphs become lines; runs inside a paragraph are joined as Word displays them. */
export function wordprocessingText(xml: string): string {
  let text = ''
  for (const match of xml.matchAll(TEXT_TOKEN)) {
    const [token, runText] = match
    if (runText !== undefined) text += decodeXmlEntities(runText)
    else if (TAB_TOKEN.test(token)) text += '\t'
    else text += '\n'
  }
  return text.trim()
}

/** The contents of each `<w:txbxContent>` in document order. */
export function textBoxTexts(documentXml: string): string[] {
  const boxes = documentXml.matchAll(
    /<(?:[\w.-]+:)?txbxContent\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?txbxContent>/g,
  )
  return [...boxes].map(([, inner]) => wordprocessingText(inner ?? '')).filter((t) => t !== '')
}

/**
 * Targets of the relationships of one type (matched by the end of its URI, e.g. `/aFChunk`) in a
 * `.rels` part, as zip entry names. Targets are relative to `baseDir` (the folder of the part the
 * relationships belong to) unless they start with a slash; external targets are skipped.
 */
export function relationshipTargets(
  relsXml: string,
  typeSuffix: string,
  baseDir: string,
): string[] {
  const parts: string[] = []
  for (const [relationship] of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const type = attribute(relationship, 'Type')
    const target = attribute(relationship, 'Target')
    if (type === null || target === null || !type.endsWith(typeSuffix)) continue
    if (attribute(relationship, 'TargetMode') === 'External') continue
    parts.push(target.startsWith('/') ? target.slice(1) : `${baseDir}${target}`)
  }
  return parts
}

/** Visible text of an HTML fragment: scripts, styles and the head dropped, blocks on new lines. */
export function htmlText(html: string): string {
  return decodeXmlEntities(
    html
      .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(?:br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/table)\b[^>]*>/gi, '\n')
      .replace(/<\/t[dh]\s*>/gi, '\t')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/[ \t]*\n[ \t\n]*/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .trim()
}

/** `dc:title` of `docProps/core.xml`, or null when it is absent or blank. */
export function coreTitle(coreXml: string): string | null {
  const match = /<(?:[\w.-]+:)?title\b[^>]*>([^<]*)<\/(?:[\w.-]+:)?title>/.exec(coreXml)
  const title = decodeXmlEntities(match?.[1] ?? '').trim()
  return title === '' ? null : title
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)
  if (match === null) return null
  return decodeXmlEntities(match[1] ?? match[2] ?? '')
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity: string, body: string) => {
    if (body.startsWith('#')) {
      const hex = body[1] === 'x' || body[1] === 'X'
      const codePoint = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10)
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity
  })
}
