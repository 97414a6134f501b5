import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractFile } from '../../../src/main/extract/extract-file'
import { Extractor } from '../../../src/main/extract/extractor'

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NAMESPACES =
  `xmlns:w="${W}" xmlns:r="${REL}" xmlns:v="urn:schemas-microsoft-com:vml" ` +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'

const paragraph = (text: string): string =>
  `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`

/** A text box the way Word writes it: a DrawingML choice with a VML fallback holding the same text. */
const wordTextBox = (text: string): string =>
  '<w:p><w:r><mc:AlternateContent>' +
  `<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${paragraph(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>${paragraph(text)}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>` +
  '</mc:AlternateContent></w:r></w:p>'

/** A text box with no VML fallback, which mammoth's raw text does not see. */
const bareTextBox = (text: string): string =>
  `<w:p><w:r><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>${paragraph(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>`

interface DocxParts {
  body: string
  header?: string
  footer?: string
  footnote?: string
  title?: string
  app?: string
}

async function buildDocx(parts: DocxParts): Promise<Buffer> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
  )
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document ${NAMESPACES}><w:body>${parts.body}</w:body></w:document>`,
  )
  const part = (root: string, inner: string): string =>
    `<?xml version="1.0"?><w:${root} ${NAMESPACES}>${inner}</w:${root}>`
  if (parts.header !== undefined) zip.file('word/header1.xml', part('hdr', paragraph(parts.header)))
  if (parts.footer !== undefined) zip.file('word/footer1.xml', part('ftr', paragraph(parts.footer)))
  if (parts.footnote !== undefined) {
    zip.file(
      'word/footnotes.xml',
      part('footnotes', `<w:footnote w:id="1">${paragraph(parts.footnote)}</w:footnote>`),
    )
  }
  if (parts.title !== undefined) {
    zip.file(
      'docProps/core.xml',
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${parts.title}</dc:title></cp:coreProperties>`,
    )
  }
  if (parts.app !== undefined) zip.file('docProps/app.xml', `<Properties>${parts.app}</Properties>`)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

const occurrences = (text: string, needle: string): number => text.split(needle).length - 1

let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docsort-docx-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function extractDocxBytes(name: string, bytes: Buffer) {
  const path = join(dir, name)
  await writeFile(path, bytes)
  return extractFile({ path, maxFileBytes: 100 * 1024 * 1024, maxTextChars: 2_000_000 })
}

describe('DOCX extraction', () => {
  it('includes header, footer and footnote text, which mammoth leaves out', async () => {
    const docx = await buildDocx({
      body: paragraph('The tenant shall pay rent monthly.'),
      header: 'ACME Property Management',
      footer: 'Confidential lease agreement',
      footnote: 'Rent is due on the first day.',
      title: 'Lease &amp; Terms',
    })

    const { document } = await extractDocxBytes('lease.docx', docx)

    expect(document.kind).toBe('docx')
    expect(document.title).toBe('Lease & Terms')
    expect(document.text).toBe(
      [
        'ACME Property Management',
        'The tenant shall pay rent monthly.',
        'Rent is due on the first day.',
        'Confidential lease agreement',
      ].join('\n\n'),
    )
  })

  it('keeps text box text once, whether or not the box has a VML fallback', async () => {
    const docx = await buildDocx({
      body:
        paragraph('Main body.') +
        wordTextBox('Boxed note') +
        bareTextBox('Sidebar only in DrawingML'),
    })

    const { document } = await extractDocxBytes('boxes.docx', docx)

    expect(occurrences(document.text, 'Boxed note')).toBe(1)
    expect(occurrences(document.text, 'Sidebar only in DrawingML')).toBe(1)
  })

  it('reads traits from the page size, form fields and docProps/app.xml', async () => {
    const landscape = '<w:sectPr><w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/></w:sectPr>'
    const field =
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> FORMTEXT </w:instrText></w:r></w:p>'
    const { document } = await extractDocxBytes(
      'traits.docx',
      await buildDocx({
        body: paragraph('Name of applicant') + field + landscape,
        app: '<Application>Microsoft Office Word</Application><Pages>2</Pages>',
      }),
    )
    expect(document.traits).toEqual([
      'kind:docx',
      'pages:2',
      'landscape',
      'form',
      'made-by:microsoft',
      'made-by:word',
    ])
  })

  it('leaves out the traits a bare document does not state', async () => {
    const { document } = await extractDocxBytes(
      'bare.docx',
      await buildDocx({ body: paragraph('Just words') }),
    )
    expect(document.traits).toEqual(['kind:docx'])
  })

  it('fails with extract/empty when only the header has text', async () => {
    const docx = await buildDocx({ body: '<w:p/>', header: 'Letterhead Ltd' })

    await expect(extractDocxBytes('blank-letter.docx', docx)).rejects.toMatchObject({
      code: 'extract/empty',
    })
  })

  it('refuses a small but highly compressed document as a zip bomb', async () => {
    const spaces = ' '.repeat(4 * 1024 * 1024)
    const docx = await buildDocx({ body: `<w:p><w:r><w:t>${spaces}</w:t></w:r></w:p>` })

    await expect(extractDocxBytes('ratio.docx', docx)).rejects.toMatchObject({
      code: 'extract/too-large',
      message: expect.stringMatching(/^ratio\.docx is compressed \d+ to 1/) as unknown,
    })
  })

  it('refuses a 100 MiB zip bomb quickly without inflating it', async () => {
    // Given a 100 KB file whose document.xml inflates to 100 MiB of spaces
    const bomb = await buildDocx({
      body: `<w:p><w:r><w:t>${' '.repeat(100 * 1024 * 1024)}</w:t></w:r></w:p>`,
    })
    const path = join(dir, 'bomb.docx')
    await writeFile(path, bomb)
    const extractor = new Extractor()
    const rssBefore = process.memoryUsage.rss()

    // When it is extracted in a worker
    const started = performance.now()
    const error: unknown = await extractor.extract(path).catch((e: unknown) => e)
    const elapsed = performance.now() - started
    const rssGrowth = process.memoryUsage.rss() - rssBefore
    await extractor.close()

    // Then the directory check refuses it before mammoth runs
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect(error).toMatchObject({
      code: 'extract/too-large',
      path,
      message: expect.stringContaining('bomb.docx would unpack to 100 MiB') as unknown,
    })
    expect(elapsed).toBeLessThan(5_000)
    expect(rssGrowth).toBeLessThan(150 * 1024 * 1024)
  })
})
