import { execFile } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { runNode, type NodeResult } from '../../support/run-node'
import { apiClient, startServe } from '../../support/serve-process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = process.cwd()
const run = promisify(execFile)
const preload = fileURLToPath(new URL('./deny-network.js', import.meta.url))

interface Attempt {
  api: string
  target: string
  thread: string
  stack?: string
}

let root = ''
let recordFile = ''

/**
 * Runs `node <args>` with the deny-network preload; never throws on a non-zero exit. NODE_OPTIONS
 * carries the preload to any process the command itself starts (workers inherit --import).
 */
function nodeWithoutNetwork(args: string[]): Promise<NodeResult> {
  const env = {
    ...process.env,
    DOCSORT_NETWORK_LOG: recordFile,
    NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
  }
  return runNode(['--import', preload, ...args], { cwd: repo, env })
}

async function attempts(): Promise<Attempt[]> {
  const text = await readFile(recordFile, 'utf8')
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Attempt)
}

beforeAll(async () => {
  // Build every time so the flows below run the code as it is now, not an old out/.
  await run('npx', ['electron-vite', 'build'], {
    cwd: repo,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  })
  root = await mkdtemp(join(tmpdir(), 'docsort-no-network-'))
  await cp(resolve(repo, 'resources/demo/library'), join(root, 'library'), { recursive: true })
  await cp(resolve(repo, 'resources/demo/inbox'), join(root, 'inbox'), { recursive: true })
  recordFile = join(root, 'network-attempts.jsonl')
}, 120_000)

afterAll(async () => {
  if (root !== '') await rm(root, { recursive: true, force: true })
})

describe('deny-network preload', () => {
  it('records and refuses a fetch when a script calls one in the main thread or a worker', async () => {
    // Given a script that fetches from the main thread and from a worker thread,
    // when it runs under the preload,
    // then both attempts are refused and recorded, so the CLI test below can fail.
    await writeFile(recordFile, '')
    const script = join(root, 'fetch-probe.mjs')
    await writeFile(
      script,
      [
        "import { Worker, isMainThread } from 'node:worker_threads'",
        "const probe = async () => { try { await fetch('http://127.0.0.1:9') } catch (error) {",
        '  console.log(String(error)) } }',
        'await probe()',
        'if (isMainThread) await new Promise((done) =>',
        "  new Worker(new URL(import.meta.url)).on('exit', done))",
        '',
      ].join('\n'),
    )

    const result = await nodeWithoutNetwork([script])

    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Network access is denied in this process: fetch')
    expect((await attempts()).map((a) => [a.api, a.target, a.thread.split(' ')[0]])).toEqual([
      ['fetch', 'http://127.0.0.1:9', 'main'],
      ['fetch', 'http://127.0.0.1:9', 'worker'],
    ])
  })

  it('records a raw socket, a DNS lookup and a UDP socket when a script opens them', async () => {
    await writeFile(recordFile, '')
    const script = join(root, 'socket-probe.mjs')
    await writeFile(
      script,
      [
        "import { Socket } from 'node:net'",
        "import { lookup } from 'node:dns/promises'",
        "import dgram from 'node:dgram'",
        "for (const attempt of [() => new Socket().connect(9, '127.0.0.1'),",
        "  () => lookup('localhost'), () => dgram.createSocket('udp4')]) {",
        '  try { await attempt() } catch { }',
        '}',
        '',
      ].join('\n'),
    )

    const result = await nodeWithoutNetwork([script])

    expect(result.code).toBe(0)
    expect((await attempts()).map((a) => a.api)).toEqual([
      'net.Socket.connect',
      'dns.promises.lookup',
      'dgram.createSocket',
    ])
  })
})

describe('deny-network preload on servers', () => {
  it('lets a server listen on loopback and records one that listens on every interface', async () => {
    await writeFile(recordFile, '')
    const script = join(root, 'listen-probe.mjs')
    await writeFile(
      script,
      [
        "import { createServer } from 'node:net'",
        "const local = createServer().listen(0, '127.0.0.1', () => local.close())",
        "try { createServer().listen(0, '0.0.0.0') } catch (error) { console.log(String(error)) }",
        'try { createServer().listen(0) } catch (error) { console.log(String(error)) }',
        '',
      ].join('\n'),
    )

    const result = await nodeWithoutNetwork([script])

    expect(result.code).toBe(0)
    expect((await attempts()).map((a) => [a.api, a.target])).toEqual([
      ['net.Server.listen', '0.0.0.0'],
      ['net.Server.listen', 'all interfaces'],
    ])
  })
})

describe('docsort CLI without network', () => {
  it('learns, trains, sorts, undoes and reports status when every socket is refused', async () => {
    // Given the demo library and inbox and a preload that refuses and records any network use,
    // when the built CLI runs the whole user flow,
    // then every command succeeds and nothing tried to reach the network.
    await writeFile(recordFile, '')
    const dataDir = join(root, 'data')
    const inbox = join(root, 'inbox')
    const docsort = (...args: string[]) =>
      nodeWithoutNetwork(['bin/docsort.js', ...args, '--data-dir', dataDir])
    const inboxBefore = (await readdir(inbox)).sort()

    const learned = await docsort('learn', join(root, 'library'))
    const trained = await docsort('train', '--epochs', '2')
    const sorted = await docsort('sort', inbox, '--apply', '--json')
    const movedOut = (await readdir(inbox)).length
    const undone = await docsort('undo')
    const status = await docsort('status')

    for (const [name, result] of Object.entries({ learned, trained, sorted, undone, status })) {
      expect({ name, code: result.code, stderr: result.stderr }).toEqual({
        name,
        code: 0,
        stderr: expect.not.stringContaining('Network access is denied') as unknown,
      })
    }
    const plan = JSON.parse(sorted.stdout) as { applied: boolean; files: unknown[] }
    expect(plan.applied).toBe(true)
    expect(plan.files).toHaveLength(inboxBefore.length)
    // The flow really moved files and undo really brought them back.
    expect(movedOut).toBeLessThan(inboxBefore.length)
    expect((await readdir(inbox)).sort()).toEqual(inboxBefore)
    expect(await attempts()).toEqual([])
  }, 90_000)
})

describe('docsort serve without network', () => {
  it('serves the whole desktop flow on loopback when every other socket is refused', async () => {
    // Given docsort serve under the preload (it may listen on loopback, nothing more),
    // when a client learns, trains, watches an inbox, receives a file, accepts it and undoes it,
    // then every request succeeds and nothing tried to reach the network.
    await writeFile(recordFile, '')
    const inbox = join(root, 'serve-inbox')
    await mkdir(inbox)
    const server = await startServe({
      dataDir: join(root, 'serve-data'),
      allow: root,
      nodeArgs: ['--import', preload],
      env: {
        ...process.env,
        DOCSORT_NETWORK_LOG: recordFile,
        NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
      },
    })
    try {
      const call = apiClient(server)
      const until = async <T>(ask: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
        for (let i = 0; i < 600; i++) {
          const value = await ask()
          if (done(value)) return value
          await new Promise((resolve) => setTimeout(resolve, 200))
        }
        throw new Error('timed out')
      }

      await call('folder:learn', { folder: join(root, 'library') })
      await call('model:retrain', {})
      await until(
        () => call('app:state', {}) as Promise<{ model: unknown; training: { running: boolean } }>,
        (state) => state.model !== null && !state.training.running,
      )
      await call('watch:add', { folder: inbox })
      await cp(join(root, 'inbox', 'invoice-103767-adatum.pdf'), join(inbox, 'invoice.pdf'))
      const [suggestion] = await until(
        () => call('inbox:list', {}) as Promise<{ id: number }[]>,
        (list) => list.length > 0,
      )
      const accepted = (await call('suggestion:accept', { id: suggestion?.id })) as {
        movedTo: string | null
      }
      const [move] = (await call('history:list', {})) as { id: number }[]
      const undone = (await call('history:undo', { moveIds: [move?.id] })) as { undone: number[] }

      expect(accepted.movedTo).not.toBeNull()
      expect(undone.undone).toEqual([move?.id])
      expect(await readdir(inbox)).toEqual(['invoice.pdf'])
      expect(await attempts()).toEqual([])
    } finally {
      await server.stop()
    }
  }, 120_000)
})
