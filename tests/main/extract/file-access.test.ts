import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileSystemError, readForExtraction } from '../../../src/main/extract/file-access'

let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docsort-file-access-'))
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('readForExtraction', () => {
  it('reads the whole file', async () => {
    const path = join(dir, 'a.txt')
    await writeFile(path, 'hello')

    expect((await readForExtraction(path, 100)).toString()).toBe('hello')
  })

  it('refuses a named pipe at once instead of waiting for a writer', async () => {
    const path = join(dir, 'pipe.txt')
    execFileSync('mkfifo', [path])

    await expect(readForExtraction(path, 100)).rejects.toMatchObject({
      code: 'extract/unsupported',
      message: 'pipe.txt is not a regular file (a device, pipe or socket)',
    })
  })

  it('checks the size through the open handle', async () => {
    const path = join(dir, 'big.csv')
    await writeFile(path, 'x'.repeat(3000))

    await expect(readForExtraction(path, 1024)).rejects.toMatchObject({
      code: 'extract/too-large',
      message: 'big.csv is 2.9 KiB; Docsort reads files up to 1.0 KiB',
    })
  })
})

describe('fileSystemError', () => {
  const failure = (code: string): Error => Object.assign(new Error(code), { code })

  it('maps permission errors to extract/failed', () => {
    expect(fileSystemError(failure('EACCES'), '/in/private.pdf')).toMatchObject({
      code: 'extract/failed',
      path: '/in/private.pdf',
      message: 'private.pdf cannot be opened: permission denied',
    })
  })

  it('maps a missing parent folder to extract/not-found', () => {
    expect(fileSystemError(failure('ENOTDIR'), '/in/file.pdf/child.pdf')).toMatchObject({
      code: 'extract/not-found',
    })
  })

  it('keeps an unknown I/O error code in the message', () => {
    expect(fileSystemError(failure('EIO'), '/in/disk.pdf')).toMatchObject({
      code: 'extract/failed',
      message: 'disk.pdf could not be read (EIO)',
    })
  })
})
