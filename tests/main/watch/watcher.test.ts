import {
  appendFileSync,
  chmodSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Logger } from '../../../src/main/log/logger'
import {
  FolderWatcher,
  type FolderWatcherOptions,
  type WatchedFile,
} from '../../../src/main/watch/watcher'
import { tempDir } from '../sort/support'

// Short thresholds keep the suite fast; the writers below pause well under them.
const STABLE_MS = 300
const CHUNK = Buffer.alloc(16 * 1024, 7)

let dir: string
let dispose: () => void
let watcher: FolderWatcher | undefined
let files: WatchedFile[]
let errors: Error[]
let debugMessages: string[]

beforeEach(() => {
  ;({ dir, dispose } = tempDir('docsort-watch-'))
  files = []
  errors = []
  debugMessages = []
})

afterEach(async () => {
  await watcher?.close()
  watcher = undefined
  dispose()
})

function recordingLogger(): Logger {
  const logger: Logger = {
    debug: (msg: string) => void debugMessages.push(msg),
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    child: () => logger,
  }
  return logger
}

async function start(options: FolderWatcherOptions = {}, folder = dir): Promise<FolderWatcher> {
  watcher = new FolderWatcher(folder, {
    stabilityThreshold: STABLE_MS,
    pollInterval: 50,
    logger: recordingLogger(),
    ...options,
  })
  watcher.on('file', (file) => files.push(file))
  watcher.on('error', (error) => errors.push(error))
  await watcher.whenReady()
  return watcher
}

/** Waits until `count` files were reported, then a further quiet period for stray events. */
async function settle(count: number, quietMs = 3 * STABLE_MS): Promise<void> {
  const deadline = Date.now() + 10_000
  while (files.length < count && Date.now() < deadline) await sleep(25)
  await sleep(quietMs)
}

async function writeSlowly(path: string, chunks: number, pauseMs: number): Promise<void> {
  writeFileSync(path, CHUNK)
  for (let i = 1; i < chunks; i++) {
    await sleep(pauseMs)
    appendFileSync(path, CHUNK)
  }
}

describe.each([{ usePolling: false }, { usePolling: true }])(
  'FolderWatcher (usePolling: $usePolling)',
  ({ usePolling }) => {
    it('reports a slowly written file once, with its final size', async () => {
      await start({ usePolling })

      await writeSlowly(join(dir, 'report.pdf'), 6, 100)
      await settle(1)

      expect(files).toEqual([
        {
          path: join(dir, 'report.pdf'),
          size: 6 * CHUNK.length,
          mtimeMs: statSync(join(dir, 'report.pdf')).mtimeMs,
        },
      ])
      expect(errors).toEqual([])
    })
  },
)

describe('FolderWatcher with browser downloads', () => {
  it('reports a Chrome download once under its final name', async () => {
    await start()

    await writeSlowly(join(dir, 'x.pdf.crdownload'), 5, 100)
    renameSync(join(dir, 'x.pdf.crdownload'), join(dir, 'x.pdf'))
    await settle(1)

    expect(files.map((f) => [f.path, f.size])).toEqual([[join(dir, 'x.pdf'), 5 * CHUNK.length]])
  })

  it('reports a Firefox download with its full size, not the empty placeholder', async () => {
    await start()

    // Firefox creates an empty placeholder, writes x.pdf.part, then renames it over x.pdf; here
    // the download outlasts the stability threshold, so the placeholder settles first.
    writeFileSync(join(dir, 'x.pdf'), '')
    await writeSlowly(join(dir, 'x.pdf.part'), 8, 100)
    renameSync(join(dir, 'x.pdf.part'), join(dir, 'x.pdf'))
    await settle(1)

    expect(files.map((f) => [f.path, f.size])).toEqual([[join(dir, 'x.pdf'), 8 * CHUNK.length]])
    expect(debugMessages).toContain('empty file skipped')
  })

  it('reports a file again with its full size after a stall longer than the window', async () => {
    // Given a writer that pauses under the final name for three stability windows,
    // when it then writes the rest,
    // then the part is reported (it looked finished) and the whole file is reported after it.
    await start()
    const path = join(dir, 'scan.pdf')

    writeFileSync(path, CHUNK)
    await sleep(3 * STABLE_MS)
    appendFileSync(path, CHUNK)
    await settle(2)

    expect(files.map((f) => [f.path, f.size])).toEqual([
      [path, CHUNK.length],
      [path, 2 * CHUNK.length],
    ])
  })

  it('does not follow a symlink out of the watched folder', async () => {
    // Given a folder elsewhere and a symlink to it inside the watched folder,
    // when files appear in that folder and beside the symlink,
    // then only the file in the watched folder itself is reported.
    const elsewhere = join(dir, '..', `${basename(dir)}-elsewhere`)
    mkdirSync(elsewhere)
    const inbox = join(dir, 'inbox')
    mkdirSync(inbox)
    symlinkSync(elsewhere, join(inbox, 'link'))
    symlinkSync(join(elsewhere, 'secret.pdf'), join(inbox, 'secret-link.pdf'))
    try {
      await start({ depth: 2 }, inbox)

      writeFileSync(join(elsewhere, 'secret.pdf'), 'secret')
      writeFileSync(join(elsewhere, 'other.pdf'), 'other')
      writeFileSync(join(inbox, 'mine.pdf'), 'mine')
      await settle(1)

      expect(files.map((f) => f.path)).toEqual([join(inbox, 'mine.pdf')])
    } finally {
      rmSync(elsewhere, { recursive: true, force: true })
    }
  })

  it('walks a folder moved in after watching began and reports every file in it', async () => {
    // Given a folder with nested files prepared elsewhere,
    // when it is renamed into the watched folder,
    // then each of its files is reported once, hidden ones and symlinks excepted.
    const outside = join(dir, '..', `${basename(dir)}-album`)
    mkdirSync(join(outside, 'nested', 'deeper'), { recursive: true })
    writeFileSync(join(outside, 'a.pdf'), 'a')
    writeFileSync(join(outside, 'nested', 'b.docx'), 'bb')
    writeFileSync(join(outside, 'nested', 'deeper', 'c.txt'), 'ccc')
    writeFileSync(join(outside, '.hidden.pdf'), 'h')
    symlinkSync('/etc/hostname', join(outside, 'link.txt'))
    await start()

    renameSync(outside, join(dir, 'album'))
    await settle(3)

    expect(files.map((f) => [f.path, f.size]).sort()).toEqual([
      [join(dir, 'album', 'a.pdf'), 1],
      [join(dir, 'album', 'nested', 'b.docx'), 2],
      [join(dir, 'album', 'nested', 'deeper', 'c.txt'), 3],
    ])
  })

  it('never reports files inside an excluded folder', async () => {
    mkdirSync(join(dir, 'Invoices'))
    await start({ depth: 1, exclude: () => [join(dir, 'Invoices')] })

    writeFileSync(join(dir, 'Invoices', 'sorted.pdf'), 'sorted')
    writeFileSync(join(dir, 'new.pdf'), 'new')
    await settle(1)

    expect(files.map((f) => f.path)).toEqual([join(dir, 'new.pdf')])
  })

  it('never reports temporary, hidden, lock or partial files', async () => {
    await start()
    const ignored = [
      'a.crdownload',
      'b.PART',
      'c.download',
      'd.tmp',
      '.hidden.pdf',
      '~$letter.docx',
      '.scan.pdf.12.docsort-partial',
    ]

    for (const name of ignored) writeFileSync(join(dir, name), 'data')
    writeFileSync(join(dir, 'real.pdf'), 'data')
    await settle(1)

    expect(files.map((f) => f.path)).toEqual([join(dir, 'real.pdf')])
  })
})

describe('FolderWatcher events', () => {
  it('drops a repeated event for the same size and mtime, and reports a real change', async () => {
    await start()
    const path = join(dir, 'a.pdf')
    writeFileSync(path, 'first version')
    await settle(1)

    // A mode change touches neither size nor mtime, yet chokidar reports it as 'change'.
    chmodSync(path, 0o600)
    await sleep(4 * STABLE_MS)
    appendFileSync(path, ', second version')
    await settle(2)

    expect(debugMessages).toContain('repeated event skipped')
    expect(files.map((f) => f.size)).toEqual([13, 29])
  })

  it('skips files already present by default', async () => {
    writeFileSync(join(dir, 'old.pdf'), 'old')
    await start()

    writeFileSync(join(dir, 'new.pdf'), 'new')
    await settle(1)

    expect(files.map((f) => f.path)).toEqual([join(dir, 'new.pdf')])
  })

  it('reports files already present when ignoreInitial is off', async () => {
    writeFileSync(join(dir, 'old.pdf'), 'old')
    await start({ ignoreInitial: false })
    await settle(1)

    expect(files.map((f) => f.path)).toEqual([join(dir, 'old.pdf')])
  })

  it('watches subfolders only as deep as asked', async () => {
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true })
    await start({ depth: 1 })

    writeFileSync(join(dir, 'sub', 'one.pdf'), 'one')
    writeFileSync(join(dir, 'sub', 'deeper', 'two.pdf'), 'two')
    await settle(1)

    expect(files.map((f) => f.path)).toEqual([join(dir, 'sub', 'one.pdf')])
  })

  it('watches a hidden folder while ignoring hidden files inside it', async () => {
    const hidden = join(dir, '.inbox')
    mkdirSync(hidden)
    await start({}, hidden)

    writeFileSync(join(hidden, '.x'), 'x')
    writeFileSync(join(hidden, 'y.pdf'), 'y')
    await settle(1)

    expect(files.map((f) => f.path)).toEqual([join(hidden, 'y.pdf')])
  })

  it('stays silent when a file vanishes before it settles', async () => {
    await start()

    writeFileSync(join(dir, 'gone.pdf'), 'brief')
    await sleep(STABLE_MS / 3)
    dispose()
    mkdirSync(dir)
    await sleep(3 * STABLE_MS)

    expect(files).toEqual([])
    expect(errors).toEqual([])
  })

  it('rejects a negative threshold with input/invalid', () => {
    expect(() => new FolderWatcher(dir, { stabilityThreshold: -1 })).toThrow(
      /stabilityThreshold to be a whole number >= 0, got -1/,
    )
  })
})
