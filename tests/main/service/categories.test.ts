import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openWorld, type ServiceWorld } from './support'

describe('DocsortService categories and watched folders', () => {
  let world: ServiceWorld

  beforeAll(async () => {
    world = await openWorld()
  })

  afterAll(() => world.dispose())

  it('creates the folder of a new category when it does not exist yet', async () => {
    const reply = await world.service.invoke('category:add', {
      name: 'Receipts',
      folder: join(world.library, 'Receipts'),
    })
    expect(reply).toMatchObject({ ok: true, value: { name: 'Receipts', documents: 0 } })
  })

  it('refuses a name that differs from an existing one only in case', async () => {
    const reply = await world.service.invoke('category:add', {
      name: 'receipts',
      folder: join(world.library, 'Invoices'),
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'library/category-exists' } })
  })

  it('refuses to watch a category folder, or a folder inside one', async () => {
    mkdirSync(join(world.library, 'Receipts', '2024'))
    for (const folder of [
      join(world.library, 'Receipts'),
      join(world.library, 'Receipts', '2024'),
    ]) {
      const reply = await world.service.invoke('watch:add', { folder })
      expect(reply).toMatchObject({ ok: false, error: { code: 'input/invalid' } })
    }
  })

  it('refuses a category whose folder holds a watched folder', async () => {
    await world.service.invoke('watch:add', { folder: world.inbox })
    const reply = await world.service.invoke('category:add', {
      name: 'Everything',
      folder: world.root,
    })
    expect(reply).toMatchObject({ ok: false, error: { code: 'input/invalid' } })
  })
})
