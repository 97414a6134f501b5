import { closeSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Mover } from '../../../src/main/sort/mover'
import { isOpenForWriting } from '../../../src/main/sort/open-writers'
import { startPausedWriter } from '../../support/paused-writer'
import { MemoryMoveJournal } from './memory-journal'
import { put, tempDir } from './support'

describe.skipIf(process.platform !== 'linux')('isOpenForWriting', () => {
  it('is true while another process holds the file open for writing, false after', async () => {
    const { dir, dispose } = tempDir()
    try {
      const path = join(dir, 'scan.pdf')
      const writer = await startPausedWriter(path, 'first half ', 'second half')
      try {
        expect(await isOpenForWriting(path)).toBe(true)
      } finally {
        await writer.finish()
      }
      expect(await isOpenForWriting(path)).toBe(false)
    } finally {
      dispose()
    }
  })

  it('is false for a file only this process has open, or none has', async () => {
    const { dir, dispose } = tempDir()
    try {
      const path = put(join(dir, 'a.txt'), 'text')
      const fd = openSync(path, 'r+')
      try {
        expect(await isOpenForWriting(path)).toBe(false)
      } finally {
        closeSync(fd)
      }
      expect(await isOpenForWriting(join(dir, 'missing.txt'))).toBe(false)
    } finally {
      dispose()
    }
  })
})

describe.skipIf(process.platform !== 'linux')('Mover with a paused writer', () => {
  it('leaves a file that is still being written where it is, and moves it once complete', async () => {
    // Given a writer that paused halfway with the file open,
    // when the file is moved across devices (copy), during the pause and then after it,
    // then the first move is refused as busy and the second carries every byte.
    const { dir, dispose } = tempDir()
    try {
      const path = join(dir, 'in', 'scan.txt')
      put(path, '')
      const writer = await startPausedWriter(path, 'first half ', 'second half')
      const mover = new Mover(new MemoryMoveJournal(), undefined, { forceCopy: true })

      await expect(mover.move(path, join(dir, 'docs'))).rejects.toMatchObject({
        code: 'sort/io-failed',
        path,
      })
      expect(readFileSync(path, 'utf8')).toBe('first half ')

      await writer.finish()
      const moved = await mover.move(path, join(dir, 'docs'))
      expect(moved.status === 'moved' && readFileSync(moved.to, 'utf8')).toBe(
        'first half second half',
      )
    } finally {
      dispose()
    }
  })
})
