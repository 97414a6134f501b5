import { describe, expect, it } from 'vitest'
import { documentTraits, isLandscape } from '../../../src/main/extract/traits'

describe('documentTraits', () => {
  it('tags a Beamer slide deck by format, page count, orientation and producer', () => {
    expect(
      documentTraits({
        kind: 'pdf',
        pages: 21,
        landscape: true,
        form: false,
        producers: ['LaTeX with Beamer class version 3.10', 'pdfTeX-1.40.10'],
      }),
    ).toEqual([
      'kind:pdf',
      'pages:10-29',
      'landscape',
      'made-by:latex',
      'made-by:beamer',
      'made-by:class',
      'made-by:pdftex',
    ])
  })

  it('tags a one-page form and leaves out what is unknown', () => {
    expect(
      documentTraits({ kind: 'docx', pages: 1, landscape: null, form: true, producers: [] }),
    ).toEqual(['kind:docx', 'pages:1', 'form'])
    expect(
      documentTraits({ kind: 'text', pages: null, landscape: null, form: false, producers: [] }),
    ).toEqual(['kind:text'])
  })

  it('buckets page counts so that near counts share a trait', () => {
    const pages = (n: number) =>
      documentTraits({ kind: 'pdf', pages: n, landscape: null, form: false, producers: [] })[1]
    expect([1, 2, 3, 4, 5, 9, 10, 29, 30, 600].map(pages)).toEqual([
      'pages:1',
      'pages:2',
      'pages:3-4',
      'pages:3-4',
      'pages:5-9',
      'pages:5-9',
      'pages:10-29',
      'pages:10-29',
      'pages:30+',
      'pages:30+',
    ])
  })

  it('keeps at most eight producer words, without version noise, once each', () => {
    const traits = documentTraits({
      kind: 'docx',
      pages: null,
      landscape: false,
      form: false,
      producers: [
        'LibreOffice/7.5.5.2$MacOSX_AARCH64 LibreOffice_project/ca8fe74',
        'Normal.dotm',
        'Microsoft Office Word for Windows version 16 with alpha beta gamma delta epsilon',
      ],
    })
    const made = traits.filter((t) => t.startsWith('made-by:'))
    expect(made.slice(0, 4)).toEqual([
      'made-by:libreoffice',
      'made-by:macosx',
      'made-by:aarch',
      'made-by:microsoft',
    ])
    expect(made).toHaveLength(8)
    expect(made).not.toContain('made-by:project')
    expect(made).not.toContain('made-by:normal')
    expect(traits).toContain('portrait')
  })
})

describe('isLandscape', () => {
  it('needs the width to exceed the height by more than 5 %', () => {
    expect(isLandscape(720, 405)).toBe(true)
    expect(isLandscape(612, 792)).toBe(false)
    expect(isLandscape(600, 590)).toBe(false)
  })
})
