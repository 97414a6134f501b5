/**
 * Every file in the corpus's bad_inputs folder, run through one Extractor with one worker. Each
 * expectation is what a user should get, worked out from the file and its MANIFEST.tsv note; the
 * comments give the reasoning where the code in the name alone would not.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ErrorCode } from '../../../src/shared/errors'
import type { DocumentKind } from '../../../src/shared/types'
import { Extractor } from '../../../src/main/extract/extractor'

interface Readable {
  kind: DocumentKind
  phrase: string
  pages?: number
}

type Expected = ErrorCode | Readable

const EXPECTED: Readonly<Record<string, Expected>> = {
  // pdf.js repairs both; what is left is a scanned page with no text layer.
  'corrupt_broken_fixable.pdf': 'extract/no-text',
  // No %PDF header at all: the .pdf name sends it to pdf.js, which finds a scanned page.
  'corrupt_broken_unfixable.pdf': 'extract/no-text',
  'corrupt_fuzzed_poppler395.pdf': 'extract/corrupt',
  // pdf.js ignores the claimed 213 million pages and finds one empty page.
  'corrupt_huge_page_count_poppler85140.pdf': 'extract/no-text',
  // Recovered text is "Hello World" among 16 000 letters "a" in 400-letter runs: no words.
  'corrupt_no_trailer_bug1978317.pdf': 'extract/no-text',
  'corrupt_page_count_null_issue15590.pdf': 'extract/no-text',
  'corrupt_pdfjs_bug1020226.pdf': 'extract/corrupt',
  // Recovered text is the two words "Adobe tweet".
  'corrupt_pdfjs_issue9105.pdf': 'extract/no-text',
  'corrupt_zen_of_python.pdf': { kind: 'pdf', phrase: 'Beautiful is better than ugly.', pages: 1 },
  'corrupt_zugferd_v2.pdf': 'extract/no-text',
  // JBIG2 image codec on page content: refused before pdf.js inflates it.
  'decompression_bomb_giant.pdf': 'extract/too-large',
  'enc_aes256_r6_pdfminer.pdf': 'extract/encrypted',
  // Owner password only, so it decrypts; but its whole text is "This is high secure!".
  'enc_owner_aes256_zugferd.pdf': 'extract/no-text',
  'enc_owner_copy_protected.pdf': { kind: 'pdf', phrase: 'LayoutParser', pages: 2 },
  // Owner password only; the page is blank.
  'enc_owner_empty_page.pdf': 'extract/no-text',
  'enc_owner_form_es_bug1815476.pdf': { kind: 'pdf', phrase: 'pasaporte', pages: 1 },
  // The encrypted container does not say whether a .docx or a .pptx is inside.
  'enc_ppt_protected.pptx': 'extract/encrypted',
  'enc_unicode_password_tika.pdf': 'extract/encrypted',
  'enc_userpw_camelot_health.pdf': 'extract/encrypted',
  'enc_userpw_pdfjs_issue6010.pdf': 'extract/encrypted',
  'enc_userpw_pdfjs_pr6531.pdf': 'extract/encrypted',
  'enc_userpw_pdfplumber_example.pdf': 'extract/encrypted',
  'enc_userpw_print_protection.pdf': 'extract/encrypted',
  'enc_word_protected.docx': 'extract/encrypted',
  // The XFA form's page content is only "Page 1/15" ... "Page 15/15".
  'enc_xfa_form_15p.pdf': 'extract/no-text',
  'encoding_utf16_bom.txt': {
    kind: 'text',
    phrase: 'This is a test document to use for unit tests.',
  },
  'encoding_utf32.txt': { kind: 'text', phrase: 'This is a test document to use for unit tests.' },
  'fuzzed_docx_poi_4959857092198400.docx': 'extract/corrupt',
  'fuzzed_docx_poi_5313273089884160.docx': 'extract/corrupt',
  // A valid zip whose malformed parts still hold readable content controls.
  'fuzzed_docx_poi_6733884933668864.docx': {
    kind: 'docx',
    phrase: 'Content control within a paragraph',
  },
  // Poor OCR, but most words are real: still worth classifying.
  'garbled_bad_ocr_layer.pdf': { kind: 'pdf', phrase: 'keep you posted', pages: 1 },
  // Every letter shifted by one ("Oqnbddchmfr ne sgd"): the vowel test catches it.
  'garbled_font_encoding_dolma.pdf': 'extract/no-text',
  // Only the first 50 pages are read; pages is still the document's total.
  'large_619_pages_game_guide.pdf': { kind: 'pdf', phrase: 'Table of Contents', pages: 619 },
  'large_872_pages_handbook.docx': { kind: 'docx', phrase: 'Handbook for' },
  // Longer than maxTextChars: truncated, not an error.
  'large_war_and_peace.txt': { kind: 'text', phrase: 'Well, Prince, so Genoa and Lucca' },
  'malformed_missing_document_xml.docx': 'extract/corrupt',
  // pdf.js keeps only "2021 3 31" of a date whose CJK glyphs it cannot map.
  'malformed_pdfplumber_issue932.pdf': 'extract/no-text',
  'malformed_truncated.docx': 'extract/corrupt',
  'malformed_xfa_tika.pdf': 'extract/no-text',
  // A base64-encoded JPEG is no text a user wants classified.
  'mislabeled_base64_jpeg.txt': 'extract/no-text',
  'mislabeled_docx_as.pdf': { kind: 'docx', phrase: 'JANE SMITH' },
  'mislabeled_pdf_as.docx': { kind: 'pdf', phrase: 'PAYMENT RECEIPT', pages: 1 },
  // WordPerfect 4.2 has no signature to recognise: binary of an unknown type.
  'mislabeled_wordperfect.doc': 'extract/unsupported',
  // "Name Check Submit 1": three words of form labels.
  'near_empty_pdflatex_form.pdf': 'extract/no-text',
  'notext_blank_10_pages.pdf': 'extract/no-text',
  'notext_flattened_lorem_ipsum.pdf': 'extract/no-text',
  'notext_handwritten_notes.pdf': 'extract/no-text',
  'notext_image_only_page.pdf': 'extract/no-text',
  'notext_needs_ocr_tika.pdf': 'extract/no-text',
  'notext_scanned_form_issue7229.pdf': 'extract/no-text',
  'notext_scanned_handwritten_letter.pdf': 'extract/no-text',
  'notext_scanned_invoice_2p.pdf': 'extract/no-text',
  'notext_scanned_invoices_10p.pdf': 'extract/no-text',
  'notext_webpage_printed_as_image.pdf': 'extract/no-text',
  // The body is an HTML altChunk, which Word shows and mammoth skips.
  'odd_altchunk_html.docx': { kind: 'docx', phrase: 'Simple paragraph with a' },
  'odd_empty_body.docx': 'extract/empty',
  // Strict OOXML namespaces; the document's entire text is "Test".
  'odd_strict_ooxml.docx': { kind: 'docx', phrase: 'Test' },
  'truncated_first_4k_article.pdf': 'extract/corrupt',
  'truncated_half_aws_invoice.pdf': 'extract/corrupt',
  // A valid PDF 2.0 that pdf.js 5.4 cannot decompress: unsupported, not damaged.
  'unsupported_brotli_filter.pdf': 'extract/unsupported',
  'zero_bytes.docx': 'extract/empty',
  'zero_bytes.pdf': 'extract/empty',
}

/** Generous for two slow cores; the sweep takes about 6 s here. */
const SWEEP_BUDGET_MS = 60_000

const dir = resolve(process.cwd(), '../shared/corpus/bad_inputs')

describe.skipIf(!existsSync(dir))('Extractor on bad_inputs (needs ../shared/corpus)', () => {
  const extractor = new Extractor({ concurrency: 1 })
  const files = existsSync(dir) ? readdirSync(dir).sort() : []
  let sweepMs = 0

  afterAll(async () => {
    await extractor.close()
  })

  it('has an expectation for every file and no stale ones', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort())
  })

  it.each(files)('gives the expected outcome for %s', async (file) => {
    const path = join(dir, file)
    const expected = EXPECTED[file]

    const started = performance.now()
    const outcome = await extractor.extract(path).then(
      (document) => ({ document, error: null }),
      (error: unknown) => ({ document: null, error }),
    )
    sweepMs += performance.now() - started

    if (typeof expected === 'string') {
      expect(outcome.error).toMatchObject({ code: expected, path })
      expect((outcome.error as Error).message.startsWith(`${file} `)).toBe(true)
    } else {
      expect(outcome.error).toBeNull()
      expect(outcome.document).toMatchObject({ kind: expected.kind })
      expect(outcome.document?.text).toContain(expected.phrase)
      if (expected.pages !== undefined) expect(outcome.document?.pages).toBe(expected.pages)
    }
  })

  it('finishes the whole sweep in bounded time and still works afterwards', async () => {
    const after = await extractor.extract(join(dir, 'corrupt_zen_of_python.pdf'))

    expect(sweepMs).toBeGreaterThan(0)
    expect(sweepMs).toBeLessThan(SWEEP_BUDGET_MS)
    expect(after.text).toContain('Flat is better than nested.')
  })

  it('truncates War and Peace to the 2 000 000-character default', async () => {
    const document = await extractor.extract(join(dir, 'large_war_and_peace.txt'))

    expect(document.text).toHaveLength(2_000_000)
  })
})
