import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { discoverCategories, listFiles } from '../../../src/main/app/folders'

describe('folders', () => {
  let dir: string

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'docsort-folders-'))
  })

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('treats each subfolder as a category when a folder has subfolders', async () => {
    await mkdir(join(dir, 'Invoices'))
    await mkdir(join(dir, 'Papers'))
    await mkdir(join(dir, '.hidden'))

    const categories = await discoverCategories(dir)

    expect(categories.map((c) => c.name)).toEqual(['Invoices', 'Papers'])
  })

  it('treats a folder without subfolders as one category named after it', async () => {
    await writeFile(join(dir, 'a.pdf'), '%PDF-1.4')
    expect(await discoverCategories(dir)).toEqual([{ name: basename(dir), folder: dir }])
  })

  it('lists documents and skips partial downloads, lock files and hidden files', async () => {
    for (const name of [
      'b.pdf',
      'a.docx',
      'notes',
      'x.pdf.crdownload',
      '~$a.docx',
      '.DS_Store',
      'pic.jpg',
    ]) {
      await writeFile(join(dir, name), 'x')
    }
    const candidates = (await listFiles(dir, { recursive: false })).map((p) => basename(p))
    const all = (await listFiles(dir, { recursive: false, all: true })).map((p) => basename(p))

    expect(candidates).toEqual(['a.docx', 'b.pdf', 'notes'])
    expect(all).toEqual(['a.docx', 'b.pdf', 'notes', 'pic.jpg'])
  })

  it('answers input/invalid naming the folder when it does not exist', async () => {
    const missing = join(dir, 'nope')
    await expect(listFiles(missing, { recursive: false })).rejects.toMatchObject({
      code: 'input/invalid',
      message: `${missing} does not exist`,
    })
  })

  it('answers input/invalid when given a file instead of a folder', async () => {
    const file = join(dir, 'a.pdf')
    await writeFile(file, 'x')
    await expect(discoverCategories(file)).rejects.toMatchObject({ code: 'input/invalid' })
  })
})
