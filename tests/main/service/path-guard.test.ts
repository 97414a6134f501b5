import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PathGuard } from '../../../src/main/service/path-guard'

describe('PathGuard', () => {
  const root = mkdtempSync(join(tmpdir(), 'docsort-guard-'))
  const allowed = join(root, 'home')
  const configured = join(allowed, 'Invoices')
  const outside = join(root, 'elsewhere')
  for (const folder of [configured, outside, join(allowed, 'new')]) {
    mkdirSync(folder, { recursive: true })
  }
  writeFileSync(join(configured, 'a.pdf'), 'x')
  writeFileSync(join(outside, 'secret.txt'), 'x')
  symlinkSync(outside, join(allowed, 'link-out'))
  symlinkSync(join(outside, 'secret.txt'), join(configured, 'secret-link.txt'))
  const guard = new PathGuard(
    () => [allowed],
    () => [configured],
  )

  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('accepts a plain folder under an allowed root and returns its real path', async () => {
    await expect(guard.newFolder(join(allowed, 'new'))).resolves.toBe(join(allowed, 'new'))
  })

  it('accepts a folder written with a trailing slash, as pasted paths often are', async () => {
    await expect(guard.newFolder(`${allowed}/new/`)).resolves.toBe(join(allowed, 'new'))
  })

  it('creates a missing folder when asked, if its parent is allowed', async () => {
    await expect(guard.newFolder(join(allowed, 'Receipts'), { create: true })).resolves.toBe(
      join(allowed, 'Receipts'),
    )
    await expect(
      guard.newFolder(join(outside, 'Receipts'), { create: true }),
    ).rejects.toMatchObject({ code: 'input/path-refused' })
    await expect(guard.newFolder(join(allowed, 'a', 'b'), { create: true })).rejects.toMatchObject({
      code: 'input/invalid',
    })
  })

  it('accepts a file inside a configured folder', async () => {
    await expect(guard.configuredPath(join(configured, 'a.pdf'))).resolves.toBe(
      join(configured, 'a.pdf'),
    )
  })

  it.each([
    ['a folder outside the allowed roots', outside],
    ['a symlink that leads out of the allowed roots', join(allowed, 'link-out')],
    ['a relative path', 'home/new'],
    ['a path with .. segments', `${allowed}/new/../new`],
    ['a path with a . segment', `${allowed}/./new`],
    ['a path with a NUL byte', `${allowed}/new\u0000`],
    ['a path with a right-to-left override', `${allowed}/new\u202e`],
    ['a path in NFD form', `${allowed}/Cafe\u0301`],
  ])('refuses %s as a new folder', async (_what, path) => {
    await expect(guard.newFolder(path)).rejects.toMatchObject({ code: 'input/path-refused' })
  })

  it.each([
    ['a file outside the configured folders', join(outside, 'secret.txt')],
    ['a symlink inside that points outside', join(configured, 'secret-link.txt')],
    ['the allowed root itself, which is not configured', allowed],
    ['a traversal out of a configured folder', `${configured}/../../elsewhere/secret.txt`],
  ])('refuses %s as a configured path', async (_what, path) => {
    await expect(guard.configuredPath(path)).rejects.toMatchObject({ code: 'input/path-refused' })
  })

  it('answers input/invalid for a folder that does not exist', async () => {
    await expect(guard.newFolder(join(allowed, 'missing'))).rejects.toMatchObject({
      code: 'input/invalid',
    })
  })
})
