import { existsSync, linkSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../../../src/main/library/library'
import { Mover } from '../../../src/main/sort/mover'
import { SqliteMoveJournal } from '../../../src/main/sort/sqlite-move-journal'
import { partialPath } from '../../../src/main/sort/target-name'
import { listFiles, put, sha256, tempDir } from './support'

let dir: string
let dispose: () => void
let library: Library
let journal: SqliteMoveJournal

beforeEach(() => {
  ;({ dir, dispose } = tempDir())
  library = Library.open(join(dir, 'state', 'library.db'))
  journal = new SqliteMoveJournal(library.db)
})

afterEach(() => {
  library.close()
  dispose()
})

/** Given a pending journal row for moving in/a.pdf to docs/a.pdf, as a crash would leave it. */
function pendingMove(bytes = 'the bytes') {
  const source = join(dir, 'in', 'a.pdf')
  const target = join(dir, 'docs', 'a.pdf')
  const row = journal.begin({
    kind: 'move',
    batchId: null,
    undoes: null,
    source,
    target,
    hash: sha256(bytes),
    size: bytes.length,
  })
  return { row, source, target, partial: partialPath(source, target, row.id) }
}

function reopen(): Mover {
  library.close()
  library = Library.open(join(dir, 'state', 'library.db'))
  journal = new SqliteMoveJournal(library.db)
  return new Mover(journal)
}

describe('Mover.recover', () => {
  it('rolls back a move that stopped mid-copy and removes the partial copy', async () => {
    const { row, source, partial } = pendingMove()
    put(source, 'the bytes')
    put(partial, 'the by')

    const report = await reopen().recover()

    expect(report).toEqual({ completed: [], rolledBack: [row.id], failed: [], deferred: [] })
    expect(listFiles(join(dir, 'in'))).toEqual(['a.pdf'])
    expect(listFiles(join(dir, 'docs'))).toEqual([])
    expect(journal.get(row.id)?.state).toBe('rolled-back')
  })

  it('completes a move that stopped between link and unlink', async () => {
    const { row, source, target } = pendingMove()
    put(source, 'the bytes')
    put(join(dir, 'docs', 'keep.txt'), 'other')
    linkSync(source, target)

    const report = await reopen().recover()

    expect(report.completed).toEqual([row.id])
    expect(existsSync(source)).toBe(false)
    expect(readFileSync(target, 'utf8')).toBe('the bytes')
    expect(journal.get(row.id)?.state).toBe('done')
  })

  it('completes a move whose source is already gone', async () => {
    const { row, target, partial } = pendingMove()
    put(target, 'the bytes')
    put(partial, 'the bytes')

    const report = await reopen().recover()

    expect(report.completed).toEqual([row.id])
    expect(listFiles(dir).filter((f) => !f.startsWith('state'))).toEqual(['docs/a.pdf'])
  })

  it('touches nothing when neither name holds the journaled bytes', async () => {
    const { row, source, target, partial } = pendingMove()
    put(source, 'edited by the user')
    put(target, 'somebody else')
    put(partial, 'the bytes')

    const report = await reopen().recover()

    expect(report.failed).toEqual([row.id])
    expect(readFileSync(source, 'utf8')).toBe('edited by the user')
    expect(readFileSync(target, 'utf8')).toBe('somebody else')
    expect(readFileSync(partial, 'utf8')).toBe('the bytes')
    expect(journal.get(row.id)?.error).toMatch(/neither .* holds the journaled file/)
  })

  it('keeps an unrelated file at the target and rolls back to the source', async () => {
    const { row, source, target } = pendingMove()
    put(source, 'the bytes')
    put(target, 'an unrelated file that took the name')

    const report = await reopen().recover()

    expect(report.rolledBack).toEqual([row.id])
    expect(readFileSync(target, 'utf8')).toBe('an unrelated file that took the name')
    expect(readFileSync(source, 'utf8')).toBe('the bytes')
  })

  it('finishes an interrupted undo and marks the original move undone', async () => {
    const mover = new Mover(journal)
    const source = put(join(dir, 'in', 'a.pdf'), 'the bytes')
    const moved = await mover.move(source, join(dir, 'docs'))
    if (moved.status !== 'moved') throw new Error('expected a move')
    const undo = journal.begin({
      kind: 'undo',
      batchId: null,
      undoes: moved.moveId,
      source: moved.to,
      target: source,
      hash: moved.hash,
      size: 9,
    })
    linkSync(moved.to, source)

    const report = await reopen().recover()

    expect(report.completed).toEqual([undo.id])
    expect(journal.get(moved.moveId)?.state).toBe('undone')
    expect(listFiles(dir).filter((f) => !f.startsWith('state'))).toEqual(['in/a.pdf'])
  })
})

describe('Mover.undo after a restart', () => {
  it('moves the file back using only the journal on disk', async () => {
    const source = put(join(dir, 'in', 'a.pdf'), 'the bytes')
    const moved = await new Mover(journal).move(source, join(dir, 'docs'), { batchId: 'run-1' })
    if (moved.status !== 'moved') throw new Error('expected a move')

    const mover = reopen()
    const report = await mover.undoBatch(mover.lastBatch()?.batchId ?? 'none')

    expect(report.undone).toMatchObject([{ moveId: moved.moveId, to: source }])
    expect(readFileSync(source, 'utf8')).toBe('the bytes')
    expect(existsSync(moved.to)).toBe(false)
    expect(library.stats().moves).toMatchObject({ done: 1, undone: 1 })
  })
})
