import { execFile } from 'node:child_process'
import { chmodSync, chownSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MoveRecord } from '../../../src/main/sort/move-journal'
import { listFiles, put, tempDir } from './support'

const isRoot = process.getuid?.() === 0
// Root ignores permission bits, so as root the move runs in a child as "nobody".
const NOBODY = 65534
const canRun = process.platform !== 'win32'

interface Outcome {
  result?: { status: string }
  error?: { code: string; message: string }
  rows: MoveRecord[]
}

async function moveAsUser(source: string, destination: string): Promise<Outcome> {
  const script = fileURLToPath(new URL('./move-as-user.ts', import.meta.url))
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', tsx, script, source, destination],
    isRoot ? { uid: NOBODY, gid: NOBODY } : {},
  )
  return JSON.parse(stdout) as Outcome
}

/** Gives a path to the user the mover runs as (a no-op when not root). */
function own(path: string): void {
  if (isRoot) chownSync(path, NOBODY, NOBODY)
}

describe.skipIf(!canRun)('Mover with permission errors', () => {
  let dir: string
  let dispose: () => void

  beforeEach(() => {
    ;({ dir, dispose } = tempDir())
    chmodSync(dir, 0o755)
  })

  afterEach(() => {
    // Without root, a read-only folder would stop the clean-up.
    for (const folder of ['in', 'docs']) chmodSync(join(dir, folder), 0o755)
    dispose()
  })

  it('reports a read-only destination and leaves the file where it was', async () => {
    const source = put(join(dir, 'in', 'a.pdf'), 'bytes')
    own(join(dir, 'in'))
    own(source)
    put(join(dir, 'docs', 'existing.pdf'), 'x')
    chmodSync(join(dir, 'docs'), 0o555)

    const outcome = await moveAsUser(source, join(dir, 'docs'))

    expect(outcome.error?.code).toBe('sort/destination-unavailable')
    expect(outcome.error?.message).toContain(join(dir, 'docs'))
    expect(outcome.error?.message).toMatch(/permission denied \(EACCES\)/)
    expect(outcome.rows).toMatchObject([{ state: 'failed' }])
    expect(listFiles(dir)).toEqual(['docs/existing.pdf', 'in/a.pdf'])
  }, 20_000)

  it('undoes the copy when the source cannot be removed and reports sort/io-failed', async () => {
    // Given a source folder the mover may read but not change, and a writable destination,
    const source = put(join(dir, 'in', 'a.pdf'), 'bytes')
    put(join(dir, 'docs', 'existing.pdf'), 'x')
    own(join(dir, 'docs'))
    if (!isRoot) chmodSync(join(dir, 'in'), 0o555)

    // when the file is moved,
    const outcome = await moveAsUser(source, join(dir, 'docs'))

    // then the new name is removed again and the file stays where it was.
    expect(outcome.error?.code).toBe('sort/io-failed')
    expect(outcome.error?.message).toMatch(/permission denied \(EACCES\)/)
    expect(outcome.rows).toMatchObject([{ state: 'failed' }])
    expect(listFiles(dir)).toEqual(['docs/existing.pdf', 'in/a.pdf'])
    expect(readFileSync(source, 'utf8')).toBe('bytes')
  }, 20_000)
})
