import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../src/main/library/library'
import { sha256, tempLibrary } from './support'

let library: Library
let dispose: () => void
let tax: number
let bank: number

beforeEach(() => {
  ;({ library, dispose } = tempLibrary())
  tax = library.upsertCategory('Tax', '/docs/tax').id
  bank = library.upsertCategory('Bank', '/docs/bank').id
})

afterEach(() => dispose())

function withText(name: string): string {
  const hash = sha256(name)
  library.putContent(hash, {
    text: `text of ${name}`,
    kind: 'text',
    pages: null,
    title: null,
    traits: ['kind:text'],
  })
  return hash
}

describe('labels', () => {
  it('takes the latest label of a hash', () => {
    const hash = withText('a')
    library.setLabel(hash, tax, 'imported')
    library.setLabel(hash, bank, 'accepted')

    expect(library.getLabel(hash)).toMatchObject({ category: 'Bank', source: 'accepted' })
    expect(library.labelledExamples()).toEqual([
      { hash, text: 'text of a', traits: ['kind:text'], category: 'Bank' },
    ])
  })

  it('keeps a corrected label when a later import disagrees', () => {
    const hash = withText('a')
    library.setLabel(hash, tax, 'imported')
    expect(library.setLabel(hash, bank, 'corrected')).toBe('added')

    expect(library.setLabel(hash, tax, 'imported')).toBe('kept-corrected')
    expect(library.getLabel(hash)).toMatchObject({ category: 'Bank', source: 'corrected' })
  })

  it('lets the user replace a corrected label', () => {
    const hash = withText('a')
    library.setLabel(hash, bank, 'corrected')

    expect(library.setLabel(hash, tax, 'accepted')).toBe('added')
    expect(library.getLabel(hash)?.category).toBe('Tax')
  })

  it('adds no row when the same label arrives again', () => {
    const hash = withText('a')
    library.setLabel(hash, tax, 'imported')

    expect(library.setLabel(hash, tax, 'imported')).toBe('unchanged')
    const rows = library.db.prepare('SELECT COUNT(*) AS n FROM labels').get() as { n: number }
    expect(rows.n).toBe(1)
  })

  it('leaves out hashes without text and hashes whose category was removed', () => {
    const good = withText('good')
    const failed = sha256('failed')
    library.putContent(failed, { errorCode: 'extract/encrypted', errorMessage: 'locked' })
    const unknown = sha256('never extracted')
    const orphan = withText('orphan')
    library.setLabel(good, tax, 'imported')
    library.setLabel(failed, tax, 'imported')
    library.setLabel(unknown, tax, 'imported')
    // The orphan's latest label points at Bank; removing Bank must not revive the older Tax label.
    library.setLabel(orphan, tax, 'imported')
    library.setLabel(orphan, bank, 'corrected')
    library.removeCategory('Bank')

    expect(library.labelledExamples()).toEqual([
      { hash: good, text: 'text of good', traits: ['kind:text'], category: 'Tax' },
    ])
    expect(library.getLabel(orphan)).toMatchObject({ categoryId: null, category: null })
  })

  it('counts each hash once, under its latest label, with empty categories at 0', () => {
    library.upsertCategory('Empty', '/docs/empty')
    const a = withText('a')
    const b = withText('b')
    const c = withText('c')
    library.setLabel(a, tax, 'imported')
    library.setLabel(b, tax, 'imported')
    library.setLabel(b, bank, 'corrected')
    library.setLabel(c, bank, 'accepted')

    expect(library.countsByCategory()).toEqual([
      { category: 'Bank', count: 2 },
      { category: 'Empty', count: 0 },
      { category: 'Tax', count: 1 },
    ])
  })

  it('rejects a label for an unknown category with input/invalid', () => {
    const hash = withText('a')
    expect(() => library.setLabel(hash, 999, 'accepted')).toThrow(/No category with id 999/)
  })
})

describe('Library.stats', () => {
  it('counts documents, labels, cached contents, failures and moves', () => {
    const hash = withText('a')
    library.putContent(sha256('x'), { errorCode: 'extract/encrypted', errorMessage: 'locked' })
    library.putContent(sha256('y'), { errorCode: 'extract/encrypted', errorMessage: 'locked' })
    library.putContent(sha256('z'), { errorCode: 'extract/corrupt', errorMessage: 'broken' })
    library.setLabel(hash, tax, 'imported')
    const doc = { hash, size: 1, mtimeMs: 1 }
    library.upsertDocument({ ...doc, path: '/in/a.pdf', status: 'new' })
    library.upsertDocument({ ...doc, path: '/in/b.pdf', status: 'new' })
    library.upsertDocument({ ...doc, path: '/in/c.pdf', status: 'failed' })
    library.db
      .prepare(
        `INSERT INTO moves (kind, source, target, hash, size, state, created_at)
         VALUES ('move', '/a', '/b', ?, 1, 'done', 0)`,
      )
      .run(hash)

    const stats = library.stats()

    expect(stats.documents.total).toBe(3)
    expect(stats.documents.byStatus).toMatchObject({ new: 2, failed: 1, moved: 0 })
    expect(stats.labelled).toEqual([
      { category: 'Bank', count: 0 },
      { category: 'Tax', count: 1 },
    ])
    expect(stats.contents).toEqual({
      cached: 4,
      failed: 3,
      failuresByCode: { 'extract/corrupt': 1, 'extract/encrypted': 2 },
    })
    expect(stats.moves).toEqual({ pending: 0, done: 1, 'rolled-back': 0, failed: 0, undone: 0 })
    expect(stats.activeModel).toBeNull()
  })
})
