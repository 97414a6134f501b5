import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Ingestor } from '../../../src/main/app/ingest'
import { Extractor } from '../../../src/main/extract/extractor'
import { tempLibrary } from '../library/support'

describe('Ingestor', () => {
  let env: ReturnType<typeof tempLibrary>
  let extractor: Extractor
  let ingestor: Ingestor

  beforeEach(() => {
    env = tempLibrary()
    extractor = new Extractor()
    ingestor = new Ingestor(env.library, extractor)
  })

  afterEach(async () => {
    await extractor.close()
    env.dispose()
  })

  it('names the file at hand when identical bytes failed earlier under another name', async () => {
    // Given an empty file whose failure is cached, when an identical file arrives under another
    // name, then its message names the new file and not the first one.
    const first = join(env.dir, 'zero_bytes.docx')
    const second = join(env.dir, 'report.pdf')
    await writeFile(first, '')
    await writeFile(second, '')

    const a = await ingestor.ingest(first)
    const b = await ingestor.ingest(second)

    expect(a.content.ok).toBe(false)
    expect(b.content.ok).toBe(false)
    if (a.content.ok || b.content.ok) return
    expect(b.content.errorCode).toBe(a.content.errorCode)
    expect(a.content.errorMessage).toContain('zero_bytes.docx')
    expect(b.content.errorMessage).toContain('report.pdf')
    expect(b.content.errorMessage).not.toContain('zero_bytes.docx')
  })

  it('extracts identical content once and reuses the cached text', async () => {
    const one = join(env.dir, 'a.txt')
    const two = join(env.dir, 'b.txt')
    await writeFile(one, 'Invoice number 42, total due in thirty days.')
    await writeFile(two, 'Invoice number 42, total due in thirty days.')

    const a = await ingestor.ingest(one)
    const b = await ingestor.ingest(two)

    expect(b.hash).toBe(a.hash)
    expect(b.content.ok && b.content.text).toContain('Invoice number 42')
    expect(env.library.stats().contents.cached).toBe(1)
  })

  it('reports a missing file as extract/not-found saying it does not exist', async () => {
    await expect(ingestor.ingest(join(env.dir, 'gone.pdf'))).rejects.toMatchObject({
      code: 'extract/not-found',
      message: 'gone.pdf does not exist',
    })
  })

  it('reports a folder passed as a file', async () => {
    const dir = join(env.dir, 'folder.pdf')
    await mkdir(dir)
    await expect(ingestor.ingest(dir)).rejects.toMatchObject({ code: 'extract/not-found' })
  })
})
