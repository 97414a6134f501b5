import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import { Mover } from '../../../src/main/sort/mover'
import { MemoryMoveJournal } from './memory-journal'
import { hashOf, listFiles, put, tempDir } from './support'

let dir: string
let dispose: () => void
let journal: MemoryMoveJournal

beforeEach(() => {
  ;({ dir, dispose } = tempDir())
  journal = new MemoryMoveJournal()
})

afterEach(() => dispose())

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected a rejection')
}

describe.each([
  { method: 'link', forceCopy: false },
  { method: 'copy', forceCopy: true },
])('Mover.move by $method', ({ method, forceCopy }) => {
  const mover = (): Mover => new Mover(journal, undefined, { forceCopy })

  it('moves the file with its bytes and journals the move as done', async () => {
    const source = put(join(dir, 'in', 'report.pdf'), 'quarterly numbers')
    const before = statSync(source)

    const result = await mover().move(source, join(dir, 'docs', 'Tax'))

    const target = join(dir, 'docs', 'Tax', 'report.pdf')
    expect(result).toMatchObject({ status: 'moved', from: source, to: target, method })
    expect(existsSync(source)).toBe(false)
    expect(readFileSync(target, 'utf8')).toBe('quarterly numbers')
    // A link keeps the inode; the cross-device path writes a new file.
    expect(statSync(target).ino === before.ino).toBe(!forceCopy)
    expect(listFiles(dir)).toEqual(['docs/Tax/report.pdf'])
    expect([...journal.rows.values()]).toMatchObject([
      { kind: 'move', source, target, state: 'done', method, hash: hashOf(target), size: 17 },
    ])
  })

  it('names three same-named files a.pdf, a (1).pdf and a (2).pdf', async () => {
    const sources = [1, 2, 3].map((i) => put(join(dir, `in${i}`, 'a.pdf'), `content ${i}`))
    const docs = join(dir, 'docs')
    for (const source of sources) await mover().move(source, docs)

    expect(listFiles(docs)).toEqual(['a (1).pdf', 'a (2).pdf', 'a.pdf'])
    expect(readFileSync(join(docs, 'a.pdf'), 'utf8')).toBe('content 1')
    expect(readFileSync(join(docs, 'a (1).pdf'), 'utf8')).toBe('content 2')
    expect(readFileSync(join(docs, 'a (2).pdf'), 'utf8')).toBe('content 3')
  })

  it('gives every file its own name when same-named moves run at once', async () => {
    const sources = [0, 1, 2, 3, 4, 5].map((i) => put(join(dir, `in${i}`, 'scan'), `page ${i}`))
    const docs = join(dir, 'docs')
    const one = mover()
    const results = await Promise.all(sources.map((source) => one.move(source, docs)))

    expect(new Set(results.map((r) => (r.status === 'moved' ? r.to : r.status))).size).toBe(6)
    expect(listFiles(docs)).toEqual([
      'scan',
      'scan (1)',
      'scan (2)',
      'scan (3)',
      'scan (4)',
      'scan (5)',
    ])
    const contents = listFiles(docs).map((name) => readFileSync(join(docs, name), 'utf8'))
    expect(contents.sort()).toEqual(sources.map((_, i) => `page ${i}`))
  })

  it('leaves the source in place when an identical file already has a candidate name', async () => {
    const docs = join(dir, 'docs')
    put(join(docs, 'a.pdf'), 'other bytes')
    const twin = put(join(docs, 'a (1).pdf'), 'same bytes')
    const source = put(join(dir, 'in', 'a.pdf'), 'same bytes')

    const result = await mover().move(source, docs)

    expect(result).toEqual({
      status: 'duplicate',
      from: source,
      duplicateOf: twin,
      hash: hashOf(twin),
    })
    expect(readFileSync(source, 'utf8')).toBe('same bytes')
    expect(listFiles(docs)).toEqual(['a (1).pdf', 'a.pdf'])
    expect(journal.rows.size).toBe(0)
  })
})

describe('Mover.move errors', () => {
  it('refuses a missing source with sort/source-missing', async () => {
    const error = await rejection(new Mover(journal).move(join(dir, 'nope.pdf'), join(dir, 'd')))

    expect(error.code).toBe('sort/source-missing')
    expect(error.message).toContain('nope.pdf')
    expect(journal.rows.size).toBe(0)
  })

  it('refuses a destination below a regular file and leaves the file where it was', async () => {
    const source = put(join(dir, 'in', 'a.pdf'), 'bytes')
    put(join(dir, 'blocker'), 'I am a file')

    const error = await rejection(new Mover(journal).move(source, join(dir, 'blocker', 'Tax')))

    expect(error.code).toBe('sort/destination-unavailable')
    expect(error.message).toContain(join(dir, 'blocker', 'Tax'))
    expect(error.message).toMatch(/not a folder \(ENOTDIR\)|in the way \(EEXIST\)/)
    expect(readFileSync(source, 'utf8')).toBe('bytes')
    expect(journal.rows.size).toBe(0)
  })

  it('refuses a destination that is itself a regular file', async () => {
    const source = put(join(dir, 'in', 'a.pdf'), 'bytes')
    const blocker = put(join(dir, 'blocker'), 'I am a file')

    const error = await rejection(new Mover(journal).move(source, blocker))

    expect(error.code).toBe('sort/destination-unavailable')
    expect(existsSync(source)).toBe(true)
  })

  it('refuses to move a file into the folder it is already in', async () => {
    const source = put(join(dir, 'docs', 'a.pdf'), 'bytes')

    const error = await rejection(new Mover(journal).move(source, join(dir, 'docs')))

    expect(error.code).toBe('input/invalid')
    expect(existsSync(source)).toBe(true)
  })
})

describe('Mover.undo', () => {
  it('moves the file back and marks the move undone', async () => {
    const mover = new Mover(journal)
    const source = put(join(dir, 'in', 'a.pdf'), 'bytes')
    const moved = await mover.move(source, join(dir, 'docs'))
    if (moved.status !== 'moved') throw new Error('expected a move')

    const undone = await mover.undo(moved.moveId)

    expect(undone).toMatchObject({ moveId: moved.moveId, from: moved.to, to: source })
    expect(readFileSync(source, 'utf8')).toBe('bytes')
    expect(existsSync(moved.to)).toBe(false)
    expect(journal.get(moved.moveId)?.state).toBe('undone')
    expect(journal.get(undone.undoId)).toMatchObject({ kind: 'undo', state: 'done' })
    expect((await rejection(mover.undo(moved.moveId))).code).toBe('sort/nothing-to-undo')
  })

  it('recreates the source folder when it was removed meanwhile', async () => {
    const mover = new Mover(journal, undefined, { forceCopy: true })
    const source = put(join(dir, 'in', 'deep', 'a.pdf'), 'bytes')
    const moved = await mover.move(source, join(dir, 'docs'))
    rmSync(join(dir, 'in'), { recursive: true })

    await mover.undo(moved.status === 'moved' ? moved.moveId : -1)

    expect(readFileSync(source, 'utf8')).toBe('bytes')
  })

  it('is blocked when something now sits at the original path', async () => {
    const mover = new Mover(journal)
    const source = put(join(dir, 'in', 'a.pdf'), 'bytes')
    const moved = await mover.move(source, join(dir, 'docs'))
    put(source, 'a new download with the same name')

    const error = await rejection(mover.undo(moved.status === 'moved' ? moved.moveId : -1))

    expect(error.code).toBe('sort/undo-blocked')
    expect(readFileSync(source, 'utf8')).toBe('a new download with the same name')
    expect(readFileSync(join(dir, 'docs', 'a.pdf'), 'utf8')).toBe('bytes')
  })

  it('is blocked when the moved file was changed or removed', async () => {
    const mover = new Mover(journal)
    const first = await mover.move(put(join(dir, 'in', 'a.pdf'), 'a'), join(dir, 'docs'))
    const second = await mover.move(put(join(dir, 'in', 'b.pdf'), 'b'), join(dir, 'docs'))
    if (first.status !== 'moved' || second.status !== 'moved') throw new Error('expected moves')
    writeFileSync(first.to, 'edited after the move')
    rmSync(second.to)

    const changed = await rejection(mover.undo(first.moveId))
    const removed = await rejection(mover.undo(second.moveId))

    expect([changed.code, removed.code]).toEqual(['sort/undo-blocked', 'sort/undo-blocked'])
    expect(changed.message).toMatch(/changed since the move/)
    expect(removed.message).toMatch(/no longer exists/)
    expect(journal.get(first.moveId)?.state).toBe('done')
  })
})

describe('Mover batches', () => {
  it('undoes the last batch newest first and reports a blocked move without stopping', async () => {
    const mover = new Mover(journal)
    await mover.move(put(join(dir, 'in', 'old.pdf'), 'old'), join(dir, 'docs'), { batchId: 'b1' })
    const names = ['a.pdf', 'b.pdf', 'c.pdf']
    for (const name of names) {
      await mover.move(put(join(dir, 'in', name), name), join(dir, 'docs'), { batchId: 'b2' })
    }
    put(join(dir, 'in', 'b.pdf'), 'new b')

    const last = mover.lastBatch()
    const report = await mover.undoBatch('b2')

    expect(last?.batchId).toBe('b2')
    expect(last?.moves.map((m) => m.source)).toEqual(names.map((n) => join(dir, 'in', n)))
    expect(report.undone.map((u) => u.to)).toEqual([
      join(dir, 'in', 'c.pdf'),
      join(dir, 'in', 'a.pdf'),
    ])
    expect(report.failed).toMatchObject([{ code: 'sort/undo-blocked' }])
    expect(listFiles(dir)).toEqual([
      'docs/b.pdf',
      'docs/old.pdf',
      'in/a.pdf',
      'in/b.pdf',
      'in/c.pdf',
    ])
    expect((await rejection(mover.undoBatch('none'))).code).toBe('sort/nothing-to-undo')
  })
})
