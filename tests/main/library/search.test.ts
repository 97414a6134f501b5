import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { sha256, tempLibrary } from './support'

let library: Library
let dispose: () => void

function add(path: string, text: string | null, category?: string): void {
  const hash = sha256(`${path}\n${text ?? ''}`)
  library.putContent(
    hash,
    text === null
      ? { errorCode: 'extract/encrypted', errorMessage: 'needs a password' }
      : { text, kind: 'pdf', pages: 1, title: null, traits: [] },
  )
  library.upsertDocument({ path, hash, size: 10, mtimeMs: 1, status: 'new' })
  if (category) {
    const { id } = library.upsertCategory(category, `/docs/${category}`)
    library.setLabel(hash, id, 'imported')
  }
}

const names = (query: string, limit = 50) =>
  library.search.find(query, limit).map((hit) => hit.path)

beforeEach(() => {
  ;({ library, dispose } = tempLibrary())
  add('/in/invoice-4711.pdf', 'Invoice 4711 from ACME GmbH, total due 120 EUR', 'Invoices')
  add('/in/lease.pdf', 'This lease agreement is made between the landlord and the tenant')
  add('/in/zh.docx', '增值税专用发票 开票日期 2024年 金额合计 壹仟元整', 'Invoices')
  add('/in/100%_sure.txt', 'percent and underscore in the name')
  add('/in/locked.pdf', null)
})

afterEach(() => dispose())

describe('DocumentSearch', () => {
  it('finds a document by a word of its text, with its category', () => {
    expect(library.search.find('acme', 10)).toMatchObject([
      { path: '/in/invoice-4711.pdf', category: 'Invoices', status: 'new' },
    ])
  })

  it('finds a substring of a word, any case', () => {
    expect(names('LANDLO')).toEqual(['/in/lease.pdf'])
  })

  it('finds Chinese text of three characters through the index and two by a scan', () => {
    expect(names('开票日期')).toEqual(['/in/zh.docx'])
    expect(names('发票')).toEqual(['/in/zh.docx'])
  })

  it('finds a document by its file name, even one without text', () => {
    expect(names('locked')).toEqual(['/in/locked.pdf'])
    expect(names('4711')).toEqual(['/in/invoice-4711.pdf'])
  })

  it('takes % and _ in a query literally', () => {
    expect(names('0%_')).toEqual(['/in/100%_sure.txt'])
    expect(names('%')).toEqual(['/in/100%_sure.txt'])
  })

  it('takes quotes and FTS operators in a query as text, not syntax', () => {
    expect(names('"lease" OR *')).toEqual([])
    expect(names('agreement is made')).toEqual(['/in/lease.pdf'])
  })

  it('lists the newest first and stops at the limit', () => {
    expect(names('in/', 2)).toEqual(['/in/locked.pdf', '/in/100%_sure.txt'])
  })

  it('returns nothing for a blank query', () => {
    expect(names('   ')).toEqual([])
  })

  it('keeps the index in step when a cached text is replaced', () => {
    const hash = sha256(
      '/in/lease.pdf\nThis lease agreement is made between the landlord and the tenant',
    )
    library.putContent(hash, {
      text: 'a rental contract',
      kind: 'pdf',
      pages: 1,
      title: null,
      traits: [],
    })
    expect(names('landlord')).toEqual([])
    expect(names('rental')).toEqual(['/in/lease.pdf'])
  })
})
