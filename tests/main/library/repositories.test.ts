import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../../src/main/library/library'
import { sha256, tempLibrary } from './support'

let library: Library
let dispose: () => void

beforeEach(() => {
  ;({ library, dispose } = tempLibrary())
})

afterEach(() => dispose())

function errorCode(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return error instanceof AppError ? error.code : String(error)
  }
  return undefined
}

describe('categories', () => {
  it('updates the folder when a category name is upserted again', () => {
    const first = library.upsertCategory('Invoices', '/docs/a')
    const second = library.upsertCategory('Invoices', '/docs/b')

    expect(second.id).toBe(first.id)
    expect(library.getCategory('Invoices')?.folder).toBe('/docs/b')
    expect(library.listCategories()).toHaveLength(1)
  })

  it('lists categories by name and removes one by name', () => {
    library.upsertCategory('Tax', '/docs/tax')
    library.upsertCategory('Bank', '/docs/bank')

    expect(library.listCategories().map((c) => c.name)).toEqual(['Bank', 'Tax'])
    expect(library.removeCategory('Bank')).toBe(true)
    expect(library.removeCategory('Bank')).toBe(false)
    expect(library.getCategory('Bank')).toBeUndefined()
  })

  it('rejects a relative folder or a blank name with input/invalid', () => {
    expect(errorCode(() => library.upsertCategory('Tax', 'docs/tax'))).toBe('input/invalid')
    expect(errorCode(() => library.upsertCategory('  ', '/docs/tax'))).toBe('input/invalid')
  })
})

describe('contents', () => {
  const hash = sha256('report')

  it('returns the cached text with its character count', () => {
    library.putContent(hash, {
      text: 'quarterly report',
      kind: 'pdf',
      pages: 3,
      title: 'Q3',
      traits: ['kind:pdf', 'pages:3-4', 'landscape'],
    })

    expect(library.getContent(hash)).toMatchObject({
      ok: true,
      text: 'quarterly report',
      kind: 'pdf',
      pages: 3,
      title: 'Q3',
      traits: ['kind:pdf', 'pages:3-4', 'landscape'],
      chars: 16,
    })
  })

  it('reads no traits for a text cached before traits were stored', () => {
    library.putContent(hash, {
      text: 'old text',
      kind: 'text',
      pages: null,
      title: null,
      traits: [],
    })
    library.db.prepare('UPDATE contents SET traits = NULL WHERE hash = ?').run(hash)
    expect(library.getContent(hash)).toMatchObject({ ok: true, text: 'old text', traits: [] })
  })

  it('caches a failure with its code', () => {
    library.putContent(hash, { errorCode: 'extract/encrypted', errorMessage: 'needs a password' })

    expect(library.getContent(hash)).toMatchObject({
      ok: false,
      errorCode: 'extract/encrypted',
      errorMessage: 'needs a password',
    })
  })

  it('replaces a cached failure with text, but never text with a failure', () => {
    library.putContent(hash, { errorCode: 'extract/timeout', errorMessage: 'slow' })
    library.putContent(hash, {
      text: 'found it',
      kind: 'text',
      pages: null,
      title: null,
      traits: [],
    })
    library.putContent(hash, { errorCode: 'extract/timeout', errorMessage: 'slow again' })

    expect(library.getContent(hash)).toMatchObject({ ok: true, text: 'found it' })
  })

  it('rejects a key that is not a SHA-256 hex string', () => {
    const put = (): void =>
      library.putContent('abc', { text: 'x', kind: 'text', pages: null, title: null, traits: [] })
    expect(errorCode(put)).toBe('input/invalid')
  })
})

describe('documents', () => {
  const input = {
    path: '/downloads/a.pdf',
    hash: sha256('a'),
    size: 10,
    mtimeMs: 1700000000123.5,
    status: 'new' as const,
  }

  it('updates the row of a path that is seen again', () => {
    const first = library.upsertDocument(input)
    const second = library.upsertDocument({ ...input, hash: sha256('b'), size: 20 })

    expect(second.id).toBe(first.id)
    expect(library.getDocumentByPath('/downloads/a.pdf')).toMatchObject({
      hash: sha256('b'),
      size: 20,
      mtimeMs: 1700000000123.5,
      status: 'new',
    })
  })

  it('changes the status and rejects an unknown status or id', () => {
    const doc = library.upsertDocument(input)
    library.setDocumentStatus(doc.id, 'suggested')

    expect(library.getDocument(doc.id)?.status).toBe('suggested')
    expect(errorCode(() => library.setDocumentStatus(doc.id, 'gone' as 'new'))).toBe(
      'input/invalid',
    )
    expect(errorCode(() => library.setDocumentStatus(doc.id + 99, 'new'))).toBe('input/invalid')
  })

  it('relocates a document onto a path held by a stale row', () => {
    const moved = library.upsertDocument(input)
    const stale = library.upsertDocument({ ...input, path: '/docs/a.pdf', hash: sha256('old') })
    library.relocateDocument(moved.id, '/docs/a.pdf', 'moved')

    expect(library.getDocumentByPath('/docs/a.pdf')).toMatchObject({
      id: moved.id,
      status: 'moved',
    })
    expect(library.getDocument(stale.id)).toBeUndefined()
    expect(library.getDocumentByPath('/downloads/a.pdf')).toBeUndefined()
  })
})

describe('suggestions', () => {
  it('lists a suggestion with its document path and category name', () => {
    const doc = library.upsertDocument({
      path: '/in/x.pdf',
      hash: sha256('x'),
      size: 1,
      mtimeMs: 1,
      status: 'suggested',
    })
    const tax = library.upsertCategory('Tax', '/docs/tax')
    const added = library.addSuggestion({
      documentId: doc.id,
      categoryId: tax.id,
      confidence: 0.91,
      runnersUp: [{ label: 'Bank', confidence: 0.05 }],
      unsure: false,
      modelVersion: 'v1',
    })

    expect(library.listSuggestions('pending')).toEqual([
      {
        id: added.id,
        documentId: doc.id,
        categoryId: tax.id,
        category: 'Tax',
        path: '/in/x.pdf',
        confidence: 0.91,
        runnersUp: [{ label: 'Bank', confidence: 0.05 }],
        unsure: false,
        status: 'pending',
        modelVersion: 'v1',
        createdAt: expect.any(Number) as number,
      },
    ])
    library.setSuggestionStatus(added.id, 'accepted')
    expect(library.listSuggestions('pending')).toEqual([])
    expect(library.getSuggestion(added.id)?.status).toBe('accepted')
  })

  it('drops the earlier pending suggestion of a document when a new one is added', () => {
    const doc = library.upsertDocument({
      path: '/in/y.pdf',
      hash: sha256('y'),
      size: 1,
      mtimeMs: 1,
      status: 'suggested',
    })
    const base = { documentId: doc.id, categoryId: null, runnersUp: [], modelVersion: null }
    const older = library.addSuggestion({ ...base, confidence: 0.3, unsure: true })
    library.setSuggestionStatus(older.id, 'skipped')
    library.addSuggestion({ ...base, confidence: 0.4, unsure: true })
    const newest = library.addSuggestion({ ...base, confidence: 0.8, unsure: false })

    expect(library.listSuggestions().map((s) => [s.status, s.confidence])).toEqual([
      ['skipped', 0.3],
      ['pending', 0.8],
    ])
    expect(newest.category).toBeNull()
  })

  it('counts pending suggestions and settles those of one document without touching others', () => {
    const base = { categoryId: null, runnersUp: [], modelVersion: null, unsure: false }
    const [a, b] = ['a', 'b'].map((name) =>
      library.upsertDocument({
        path: `/in/${name}.pdf`,
        hash: sha256(name),
        size: 1,
        mtimeMs: 1,
        status: 'suggested',
      }),
    )
    const skipped = library.addSuggestion({ ...base, documentId: a?.id ?? 0, confidence: 0.2 })
    library.setSuggestionStatus(skipped.id, 'skipped')
    library.addSuggestion({ ...base, documentId: a?.id ?? 0, confidence: 0.9 })
    library.addSuggestion({ ...base, documentId: b?.id ?? 0, confidence: 0.7 })
    expect(library.countSuggestions('pending')).toBe(2)

    library.settlePendingSuggestions(a?.id ?? 0, 'moved')

    expect(library.countSuggestions('pending')).toBe(1)
    expect(library.listSuggestions().map((s) => [s.path, s.status])).toEqual([
      ['/in/a.pdf', 'skipped'],
      ['/in/a.pdf', 'moved'],
      ['/in/b.pdf', 'pending'],
    ])
  })

  it('rejects a suggestion for an unknown document with input/invalid', () => {
    const add = (): unknown =>
      library.addSuggestion({
        documentId: 42,
        categoryId: null,
        confidence: 0.5,
        runnersUp: [],
        unsure: true,
        modelVersion: null,
      })
    expect(errorCode(add)).toBe('input/invalid')
  })
})

describe('models', () => {
  const metrics = null

  it('keeps exactly one active model', () => {
    library.recordModel({ version: 'v1', dir: '/models/v1', labels: ['a', 'b'], metrics })
    library.recordModel({ version: 'v2', dir: '/models/v2', labels: ['a', 'b', 'c'], metrics })
    expect(library.activeModel()).toBeUndefined()

    library.setActiveModel('v1')
    library.setActiveModel('v2')

    expect(library.activeModel()).toMatchObject({ version: 'v2', labels: ['a', 'b', 'c'] })
    expect(
      library
        .listModels()
        .filter((m) => m.active)
        .map((m) => m.version),
    ).toEqual(['v2'])
  })

  it('finds its models again after the whole data folder was moved', () => {
    const root = mkdtempSync(join(tmpdir(), 'docsort-moved-'))
    try {
      const before = join(root, 'before')
      mkdirSync(join(before, 'models', 'v1'), { recursive: true })
      mkdirSync(join(before, 'models', 'v0'), { recursive: true })
      const first = Library.open(join(before, 'library.db'))
      first.recordModel({
        version: 'v1',
        dir: join(before, 'models', 'v1'),
        labels: ['a'],
        metrics,
      })
      // A row written before model folders were stored relative to the data folder.
      first.db
        .prepare(
          "INSERT INTO models (version, dir, labels, created_at, active) VALUES ('v0', ?, '[\"a\"]', 0, 0)",
        )
        .run(join(before, 'models', 'v0'))
      first.setActiveModel('v1')
      first.close()

      const after = join(root, 'after')
      renameSync(before, after)
      const moved = Library.open(join(after, 'library.db'))
      try {
        expect(moved.activeModel()?.dir).toBe(join(after, 'models', 'v1'))
        expect(moved.listModels().map((m) => m.dir)).toEqual([
          join(after, 'models', 'v1'),
          join(after, 'models', 'v0'),
        ])
      } finally {
        moved.close()
      }
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('refuses an unknown version with model/not-found and keeps the active one', () => {
    library.recordModel({ version: 'v1', dir: '/models/v1', labels: ['a'], metrics })
    library.setActiveModel('v1')

    expect(errorCode(() => library.setActiveModel('v9'))).toBe('model/not-found')
    expect(library.activeModel()?.version).toBe('v1')
  })

  it('refuses a version that is already recorded', () => {
    library.recordModel({ version: 'v1', dir: '/models/v1', labels: ['a'], metrics })
    const again = (): unknown =>
      library.recordModel({ version: 'v1', dir: '/models/x', labels: ['a'], metrics })
    expect(errorCode(again)).toBe('input/invalid')
  })
})
