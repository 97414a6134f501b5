import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Mover } from '../../../src/main/sort/mover'
import { MemoryMoveJournal } from './memory-journal'
import { listFiles, put, tempDir } from './support'

const SHM = '/dev/shm'
const onOtherDevice = existsSync(SHM) && statSync(SHM).dev !== statSync(tempDir().dir).dev

describe.skipIf(!onOtherDevice)('Mover across file systems (/tmp to /dev/shm)', () => {
  it('copies, verifies and removes the source, as link(2) cannot cross devices', async () => {
    const { dir, dispose } = tempDir()
    const target = mkdtempSync(join(SHM, 'docsort-device-'))
    try {
      const bytes = Buffer.alloc(300 * 1024, 42)
      const source = put(join(dir, 'report.pdf'), bytes)

      const result = await new Mover(new MemoryMoveJournal()).move(source, target)

      expect(result).toMatchObject({ status: 'moved', method: 'copy' })
      expect(existsSync(source)).toBe(false)
      expect(readFileSync(join(target, 'report.pdf')).equals(bytes)).toBe(true)
    } finally {
      dispose()
      rmSync(target, { recursive: true, force: true })
    }
  })
})

/** A 64 KiB tmpfs, mounted by the test; null where this process may not mount (not root). */
function mountTinyDisk(): { path: string; unmount: () => void } | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null
  const path = mkdtempSync('/tmp/docsort-full-disk-')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', path], { stdio: 'ignore' })
  } catch {
    rmSync(path, { recursive: true, force: true })
    return null
  }
  return {
    path,
    unmount: () => {
      execFileSync('umount', [path])
      rmSync(path, { recursive: true, force: true })
    },
  }
}

describe('Mover on a full disk', () => {
  let disk: ReturnType<typeof mountTinyDisk> = null

  beforeAll(() => {
    disk = mountTinyDisk()
    if (!disk) console.warn('Mover on a full disk: skipped, mounting a tmpfs needs root on Linux')
  })

  afterAll(() => disk?.unmount())

  it('leaves the file where it was, with the reason, when the destination fills up', async (ctx) => {
    // Given a 64 KiB disk as the destination,
    // when a 300 KiB file is moved there,
    // then the move fails as "the disk is full", the source is intact, and no partial copy stays.
    if (!disk) return ctx.skip()
    const { dir, dispose } = tempDir()
    try {
      const bytes = Buffer.alloc(300 * 1024, 7)
      const source = put(join(dir, 'scan.pdf'), bytes)
      const destination = join(disk.path, 'Invoices')
      mkdirSync(destination)

      const error: unknown = await new Mover(new MemoryMoveJournal())
        .move(source, destination)
        .catch((e: unknown) => e)

      expect(error).toMatchObject({ code: 'sort/io-failed', path: source })
      expect(String(error)).toMatch(/disk is full \(ENOSPC\)/)
      expect(readFileSync(source).equals(bytes)).toBe(true)
      expect(listFiles(disk.path)).toEqual([])
    } finally {
      dispose()
    }
  })
})
