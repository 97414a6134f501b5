import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DocsortService } from '../../../src/main/service/docsort-service'
import { startPausedWriter } from '../../support/paused-writer'
import { call, DEMO, nextEvent, openWorld, type ServiceWorld } from './support'

describe('DocsortService', () => {
  let world: ServiceWorld

  beforeAll(async () => {
    world = await openWorld()
  })

  afterAll(async () => {
    await world.dispose()
  })

  it('learns categories from folders, trains, and reports the model in its state', async () => {
    // Given the demo library's five category folders,
    // when they are imported and a retrain runs from the API,
    // then the state lists five categories with their documents and an active model.
    const learned = await call(world, 'folder:learn', { folder: world.library })
    expect(learned.categories.map((c) => c.name).sort()).toEqual([
      'Contracts',
      'Forms',
      'Invoices',
      'Resumes',
      'Scientific papers',
    ])
    expect(learned.documents).toBeGreaterThanOrEqual(25)

    const finished = nextEvent(world, 'training:finished')
    await call(world, 'model:retrain', {})
    const outcome = await finished
    expect(outcome.activated).toBe(true)
    expect(outcome.model.curve.length).toBeGreaterThan(0)
    const state = await call(world, 'app:state', {})
    expect(state.model?.version).toBe(outcome.model.version)
    expect(state.training.running).toBe(false)
    expect(world.events.some((e) => e.name === 'training:progressed')).toBe(true)
  }, 300_000)

  it('suggests a dropped file, moves it on accept and puts it back on undo', async () => {
    // Given a watched inbox,
    // when an invoice arrives, is suggested and accepted,
    // then it sits in the Invoices folder, the history lists the move, and undo brings it back.
    await call(world, 'watch:add', { folder: world.inbox })
    const suggested = nextEvent(world, 'file:seen', (f) => f.status === 'suggested')
    copyFileSync(
      join(DEMO, 'inbox', 'invoice-103767-adatum.pdf'),
      join(world.inbox, 'invoice-103767-adatum.pdf'),
    )
    await suggested

    const [suggestion] = await call(world, 'inbox:list', {})
    expect(suggestion?.name).toBe('invoice-103767-adatum.pdf')
    expect(suggestion?.category).toBe('Invoices')
    expect(suggestion?.kind).toBe('pdf')
    expect(suggestion?.snippet.length).toBeGreaterThan(20)
    expect(suggestion?.reasons.length).toBeGreaterThan(0)

    const result = await call(world, 'suggestion:accept', { id: suggestion?.id ?? 0 })
    expect(result.movedTo).toBe(join(world.library, 'Invoices', 'invoice-103767-adatum.pdf'))
    expect(existsSync(join(world.inbox, 'invoice-103767-adatum.pdf'))).toBe(false)
    expect(await call(world, 'inbox:list', {})).toEqual([])

    const [move] = await call(world, 'history:list', {})
    expect(move).toMatchObject({ category: 'Invoices', undone: false, automatic: false })
    const undo = await call(world, 'history:undo', { moveIds: [move?.id ?? 0] })
    expect(undo).toEqual({ undone: [move?.id], failed: [] })
    expect(readdirSync(world.inbox)).toEqual(['invoice-103767-adatum.pdf'])
    expect((await call(world, 'history:list', {}))[0]?.undone).toBe(true)
    // Back in the inbox folder, the file waits for a decision again.
    const again = await call(world, 'inbox:list', {})
    expect(again.map((s) => s.name)).toEqual(['invoice-103767-adatum.pdf'])
    await call(world, 'suggestion:skip', { id: again[0]?.id ?? 0 })
  }, 120_000)

  it('moves a corrected file to the chosen category and learns the correction at once', async () => {
    // Given a CV in the inbox,
    // when its suggestion is corrected to Forms,
    // then it moves to Forms, and the same document is classified as Forms right away.
    const suggested = nextEvent(world, 'file:seen', (f) => f.status === 'suggested')
    copyFileSync(
      join(DEMO, 'inbox', 'john-doe-cv-oldstyle.pdf'),
      join(world.inbox, 'john-doe-cv-oldstyle.pdf'),
    )
    await suggested
    const suggestion = (await call(world, 'inbox:list', {})).find(
      (s) => s.name === 'john-doe-cv-oldstyle.pdf',
    )
    expect(suggestion?.category).toBe('Resumes')

    const result = await call(world, 'suggestion:correct', {
      id: suggestion?.id ?? 0,
      category: 'Forms',
    })
    expect(result.movedTo).toBe(join(world.library, 'Forms', 'john-doe-cv-oldstyle.pdf'))
    const [entry] = await world.service.app.classify([result.movedTo ?? ''])
    expect(entry?.predicted).toBe('Forms')
  }, 120_000)

  it('retries a file that cannot be read for a passing reason until it can', async () => {
    // Given a file whose first two reads fail as a locked file's do,
    // when it lands in the watched inbox,
    // then it waits in the retry queue, and is suggested once it can be read.
    const app = world.service.app
    const plan = app.planFiles.bind(app)
    let failures = 0
    const spy = vi.spyOn(app, 'planFiles').mockImplementation(async (paths, options) => {
      if (failures >= 2) return plan(paths, options)
      failures += 1
      return paths.map((path) => ({
        path,
        category: null,
        predicted: null,
        confidence: null,
        runnersUp: [],
        movedTo: null,
        duplicateOf: null,
        error: { code: 'extract/failed' as const, message: 'EBUSY: resource busy', path },
      }))
    })
    try {
      const queued = nextEvent(world, 'file:seen', (f) => f.status === 'queued' && !!f.error)
      const suggested = nextEvent(world, 'file:seen', (f) => f.status === 'suggested')
      copyFileSync(
        join(DEMO, 'inbox', 'orlen-fuel-invoice-pl.txt'),
        join(world.inbox, 'orlen-fuel-invoice-pl.txt'),
      )
      expect((await queued).error?.code).toBe('extract/failed')
      expect((await suggested).name).toBe('orlen-fuel-invoice-pl.txt')
      expect(failures).toBe(2)
      expect(world.service.inbox.retrying()).toEqual([])
    } finally {
      spy.mockRestore()
    }
  }, 60_000)

  it.skipIf(process.platform !== 'linux')(
    'waits for a paused writer before moving its file on its own',
    async () => {
      // Given auto-sort for every confident file, and a program that writes an invoice under its
      // final name and pauses longer than the stability window with the file open,
      // when the watcher sees the part,
      // then the file is not moved while the writer holds it, and moves whole once it is done.
      await call(world, 'settings:update', { autoSortThreshold: 0.05 })
      const invoice = await world.service.app.ingestFile(
        join(DEMO, 'inbox', 'invoice-103767-adatum.pdf'),
      )
      const text = invoice?.content.ok ? invoice.content.text : ''
      const half = Math.floor(text.length / 2)
      const path = join(world.inbox, 'invoice-103767.txt')
      const busy = nextEvent(world, 'file:seen', (f) => f.path === path && !!f.error)
      const moved = nextEvent(world, 'file:moved', (m) => m.from === path)
      const writer = await startPausedWriter(path, text.slice(0, half), text.slice(half))
      try {
        expect((await busy).error?.code).toBe('sort/io-failed')
        expect(existsSync(path)).toBe(true)
      } finally {
        await writer.finish()
      }
      const move = await moved
      expect(move.automatic).toBe(true)
      expect(readFileSync(move.to, 'utf8')).toBe(text)
      await call(world, 'settings:update', { autoSortThreshold: 1 })
    },
    60_000,
  )

  it('keeps a correction after a restart', async () => {
    // Given the CV corrected to Forms above,
    // when the service is closed and opened again on the same data folder,
    // then the CV is still classified as Forms without a retrain.
    await world.service.close()
    world.service = await DocsortService.open({
      dataDir: join(world.root, 'data'),
      allowedRoots: [world.root],
    })
    const [entry] = await world.service.app.classify([
      join(world.library, 'Forms', 'john-doe-cv-oldstyle.pdf'),
    ])
    expect(entry?.predicted).toBe('Forms')
  }, 60_000)
})
