import { execFile, spawn } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runNode, type NodeResult } from '../../support/run-node'
import { send } from './support'

const repo = process.cwd()
const run = promisify(execFile)

let build = ''
let root = ''
let dataDir = ''

/** Runs the CLI of this suite's own build; never throws on a non-zero exit. */
function docsort(...args: string[]): Promise<NodeResult> {
  return runNode([join(build, 'main/cli.js'), ...args, '--data-dir', dataDir], { cwd: repo })
}

beforeAll(async () => {
  // A build of its own, inside the repository so that its imports find node_modules, and outside
  // out/, which another build may empty at any moment.
  await mkdir(join(repo, '.scratch'), { recursive: true })
  build = await mkdtemp(join(repo, '.scratch', 'serve-cli-'))
  await run('npx', ['electron-vite', 'build', '--outDir', build], {
    cwd: repo,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  })
  root = await mkdtemp(join(tmpdir(), 'docsort-serve-'))
  dataDir = join(root, 'data')
}, 120_000)

afterAll(async () => {
  if (build) await rm(build, { recursive: true, force: true })
  if (root) await rm(root, { recursive: true, force: true })
})

describe('docsort serve', () => {
  it.each(['abc', '70000', '-1', '8080.5'])('exits 2 when the port is %s', async (port) => {
    const result = await docsort('serve', `--port=${port}`)

    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--port takes a whole number from 0 to 65535')
    expect(result.stdout).toBe('')
  })

  it('exits 2 when an --allow folder does not exist', async () => {
    const result = await docsort('serve', '--allow', join(root, 'nowhere'))

    expect(result.code).toBe(2)
    expect(result.stderr).toContain('not an existing folder')
  })

  it('exits 1 naming the port when the port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as AddressInfo
    try {
      const result = await docsort('serve', '--port', String(port))

      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`)
    } finally {
      await new Promise((resolve) => blocker.close(resolve))
    }
  })

  it('exits 1 asking for a build when the renderer is missing', async () => {
    const bare = await mkdtemp(join(repo, '.scratch', 'serve-bare-'))
    try {
      await cp(join(build, 'main'), join(bare, 'main'), { recursive: true })
      const result = await runNode([join(bare, 'main/cli.js'), 'serve', '--data-dir', dataDir], {
        cwd: repo,
      })

      expect(result.code).toBe(1)
      expect(result.stderr).toContain('run "npm run build" first')
    } finally {
      await rm(bare, { recursive: true, force: true })
    }
  })

  it('prints the URL first, serves the UI and the API, and stops cleanly on SIGINT', async () => {
    // given a running `docsort serve` on a free port
    const child = spawn(
      'node',
      [join(build, 'main/cli.js'), 'serve', '--data-dir', dataDir, '--allow', root],
      { cwd: repo },
    )
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
    try {
      await waitFor(() => stdout.includes('Ctrl+C'), 30_000)
      const [first = ''] = stdout.split('\n')
      const match = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]{43})$/.exec(first)
      expect(match, first).not.toBeNull()
      const port = Number(match?.[1])
      const token = match?.[2] ?? ''

      // when the page and the app state are asked for
      const page = await send(port, { path: `/?token=${token}` })
      const state = await send(port, {
        method: 'POST',
        path: '/api/app:state',
        headers: { 'content-type': 'application/json', 'x-docsort-token': token },
        body: '{}',
      })

      // then both come from this run's build and data folder
      expect(page.status).toBe(200)
      expect(page.body).toBe(await readFile(join(build, 'renderer/index.html'), 'utf8'))
      expect(state.status).toBe(200)
      expect(JSON.parse(state.body)).toMatchObject({ ok: true, value: { dataDir } })
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
  }, 60_000)
})

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
