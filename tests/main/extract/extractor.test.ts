import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Extractor, isSupportedPath } from '../../../src/main/extract/extractor'
import extractWorkerPath from '../../../src/main/extract/extract-worker?modulePath'
import type { LogFields, Logger } from '../../../src/main/log/logger'

const corpus = resolve(process.cwd(), '../shared/corpus')
const docs = join(corpus, 'docs')
const bigPdf = join(corpus, 'bad_inputs/large_619_pages_game_guide.pdf')

interface Record {
  level: string
  msg: string
  fields: LogFields
}

function capturingLogger(records: Record[], bound: LogFields = {}): Logger {
  const write =
    (level: string) =>
    (msg: string, fields: LogFields = {}): void => {
      records.push({ level, msg, fields: { ...bound, ...fields } })
    }
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (fields) => capturingLogger(records, { ...bound, ...fields }),
  }
}

let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docsort-extractor-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('isSupportedPath', () => {
  it('accepts the five supported extensions in any case', () => {
    for (const name of ['a.pdf', 'b.DOCX', 'c.txt', 'd.Md', 'e.csv']) {
      expect(isSupportedPath(`/in/${name}`)).toBe(true)
    }
  })

  it('refuses other extensions and names without one', () => {
    for (const name of ['a.doc', 'b.pptx', 'c.pdf.zip', 'README', '.pdf.bak']) {
      expect(isSupportedPath(`/in/${name}`)).toBe(false)
    }
  })
})

describe.skipIf(!existsSync(docs))('Extractor on corpus documents (needs ../shared/corpus)', () => {
  const extractor = new Extractor()

  afterAll(async () => {
    await extractor.close()
  })

  const cases = [
    ['invoices_receipts/aws_invoice.pdf', 'pdf', 'This is not a VAT invoice', 1],
    [
      'scientific_papers/bigtable_osdi06.pdf',
      'pdf',
      'Bigtable is a distributed storage system',
      14,
    ],
    [
      'contracts_legal/cuad_hosting_freecook.pdf',
      'pdf',
      'Website Design, Development and Hosting Agreement',
      3,
    ],
    [
      'financial_statements/chinese_listed_company_q1_2018_report.pdf',
      'pdf',
      '东北电气发展股份有限公司',
      22,
    ],
    ['books_ebooks/moby_dick_opening.docx', 'docx', 'Call me Ishmael.', null],
    ['resumes_cv/accountant_resume_02.docx', 'docx', 'Certified Public Accountant', null],
    ['forms/visa_application_form_brazil.docx', 'docx', 'VISA APPLICATION FORM', null],
    ['resumes_cv/synthetic_resume_john_doe.txt', 'text', 'Experienced software engineer', null],
    ['invoices_receipts/orlen_faktura_pl.txt', 'text', 'Polski Koncern Naftowy ORLEN', null],
    ['books_ebooks/austen_emma_gutenberg.txt', 'text', 'The Project Gutenberg EBook of Emma', null],
  ] as const

  it.each(cases)('extracts %s', async (file, kind, phrase, pages) => {
    const document = await extractor.extract(join(docs, file))

    expect(document.kind).toBe(kind)
    expect(document.text).toContain(phrase)
    expect(document.pages).toBe(pages)
  })

  it.each([
    ['slides_presentations/writing_basics_slides.pdf', ['landscape', 'made-by:powerpoint']],
    ['slides_presentations/cermine_project_slides.pdf', ['landscape', 'made-by:beamer']],
    ['forms/club_membership_application_de.pdf', ['pages:1', 'portrait', 'form']],
    ['forms/visa_application_form_brazil.docx', ['kind:docx', 'pages:3-4', 'form']],
    ['scientific_papers/bigtable_osdi06.pdf', ['kind:pdf', 'pages:10-29', 'portrait']],
    ['books_ebooks/austen_emma_gutenberg.txt', ['kind:text']],
  ])('tags %s with its traits', async (file, expected) => {
    const document = await extractor.extract(join(docs, file))
    expect(document.traits).toEqual(expect.arrayContaining(expected))
    if (document.kind === 'text') expect(document.traits).toEqual(['kind:text'])
    if (!file.startsWith('forms/')) expect(document.traits).not.toContain('form')
  })

  it('drops the UTF-8 BOM and CRLF line endings of a Gutenberg text', async () => {
    const document = await extractor.extract(join(docs, 'books_ebooks/austen_emma_gutenberg.txt'))

    expect(document.encoding).toBe('utf-8')
    expect(document.text.startsWith('The Project Gutenberg')).toBe(true)
    expect(document.text).not.toContain('\r')
  })

  it('takes the title of a Markdown file from its front matter', async () => {
    const document = await extractor.extract(
      join(docs, 'contracts_legal/github_terms_of_service.md'),
    )

    expect(document.title).toBe('GitHub Terms of Service')
  })
})

describe('Extractor errors', () => {
  const extractor = new Extractor({ maxFileBytes: 1024 })

  afterAll(async () => {
    await extractor.close()
  })

  it('fails with extract/not-found for a missing file, naming it', async () => {
    const path = join(dir, 'gone.pdf')

    await expect(extractor.extract(path)).rejects.toMatchObject({
      code: 'extract/not-found',
      path,
      message: 'gone.pdf does not exist (it may have been moved or deleted)',
    })
  })

  it('fails with extract/unsupported for a folder', async () => {
    const path = join(dir, 'folder.pdf')
    await mkdir(path)

    await expect(extractor.extract(path)).rejects.toMatchObject({
      code: 'extract/unsupported',
      message: 'folder.pdf is a folder, not a document',
    })
  })

  it('fails with extract/too-large before reading a file over maxFileBytes', async () => {
    const path = join(dir, 'big.txt')
    await writeFile(path, 'x'.repeat(2048))

    await expect(extractor.extract(path)).rejects.toMatchObject({
      code: 'extract/too-large',
      message: 'big.txt is 2.0 KiB; Docsort reads files up to 1.0 KiB',
    })
  })

  it.skipIf(process.getuid?.() === 0)(
    'fails with extract/failed when the file may not be read',
    async () => {
      const path = join(dir, 'private.txt')
      await writeFile(path, 'secret')
      await chmod(path, 0o000)

      await expect(extractor.extract(path)).rejects.toMatchObject({
        code: 'extract/failed',
        message: 'private.txt cannot be opened: permission denied',
      })
    },
  )

  it('refuses options that are not positive numbers', () => {
    expect(() => new Extractor({ timeoutMs: 0 })).toThrow(
      /timeoutMs must be a positive number, got 0/,
    )
    expect(() => new Extractor({ concurrency: 1.5 })).toThrow(/concurrency must be a whole number/)
  })
})

describe('Extractor', () => {
  it('extracts a file by its content and logs the mismatch at info', async () => {
    const records: Record[] = []
    const extractor = new Extractor({}, capturingLogger(records))
    const path = join(dir, 'actually-text.pdf')
    await writeFile(path, 'Meeting notes: the budget review moves to Thursday afternoon.')

    const document = await extractor.extract(path)
    await extractor.close()

    expect(document).toMatchObject({ kind: 'text', encoding: 'utf-8', pages: null })
    expect(records).toContainEqual(
      expect.objectContaining({ level: 'info', fields: { path, kind: 'text' } }),
    )
    expect(JSON.stringify(records)).not.toContain('budget review')
  })

  it.skipIf(!existsSync(bigPdf))(
    'times out on a big PDF and still reads the next file',
    async () => {
      const small = join(dir, 'small.txt')
      await writeFile(small, 'A short note about the quarterly invoice.')
      const extractor = new Extractor({ timeoutMs: 100 })

      const started = performance.now()
      const error: unknown = await extractor.extract(bigPdf).catch((e: unknown) => e)
      const elapsed = performance.now() - started
      const next = await extractor.extract(small)
      await extractor.close()

      expect(error).toMatchObject({
        code: 'extract/timeout',
        path: bigPdf,
        message:
          'large_619_pages_game_guide.pdf took longer than 100 ms to read; Docsort stopped reading it',
      })
      // Worker start-up is not counted against the file, so allow for it.
      expect(elapsed).toBeLessThan(5_000)
      expect(next.text).toBe('A short note about the quarterly invoice.')
    },
  )

  it('runs several files at once with concurrency 2 and keeps results apart', async () => {
    const extractor = new Extractor({ concurrency: 2 })
    const paths = await Promise.all(
      ['alpha', 'bravo', 'charlie', 'delta'].map(async (word) => {
        const path = join(dir, `${word}.txt`)
        await writeFile(path, `This file is called ${word}.`)
        return path
      }),
    )

    const documents = await Promise.all(paths.map((path) => extractor.extract(path)))
    await extractor.close()

    expect(documents.map((d) => d.text)).toEqual(
      ['alpha', 'bravo', 'charlie', 'delta'].map((word) => `This file is called ${word}.`),
    )
  })

  it('fails with extract/failed after close', async () => {
    const extractor = new Extractor()
    await extractor.close()

    await expect(extractor.extract(join(dir, 'any.txt'))).rejects.toMatchObject({
      code: 'extract/failed',
      message: 'any.txt was not read: the extractor is closed',
    })
  })
})

describe('process exit', () => {
  const run = promisify(execFile)
  const script = resolve('tests/fixtures/extract/exit-check.ts')

  it.each(['close', 'no-close'])('lets the process exit on its own (%s)', async (mode) => {
    const path = join(dir, 'exit.txt')
    await writeFile(path, 'Plain words for a plain test.')

    const { stdout } = await run('npx', ['tsx', script, extractWorkerPath, path, mode], {
      timeout: 30_000,
    })

    expect(stdout.trim()).toBe('text')
  })
})
