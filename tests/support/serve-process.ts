/**
 * Starts the built `docsort serve` on a free port and reads the address it prints first, for the
 * end-to-end tests, the no-network test and the benchmarks. `stop` sends SIGINT and waits.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

const ROOT = resolve(import.meta.dirname, '../..')

export interface ServeProcess {
  /** The address printed on the first line, token included. */
  url: string
  origin: string
  token: string
  pid: number | undefined
  stop(): Promise<void>
}

export interface ServeOptions {
  dataDir: string
  /** The folder the window may configure folders under. */
  allow: string
  /** Node options before the CLI, e.g. a preload. */
  nodeArgs?: string[]
  env?: NodeJS.ProcessEnv
  /** Copy the server's stderr to this process's, as a benchmark wants. */
  echoStderr?: boolean
}

export async function startServe(options: ServeOptions): Promise<ServeProcess> {
  const args = ['serve', '--port', '0', '--data-dir', options.dataDir, '--allow', options.allow]
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), join(ROOT, 'bin/docsort.js'), ...args],
    { cwd: ROOT, stdio: 'pipe', env: options.env ?? process.env },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
    if (options.echoStderr) process.stderr.write(chunk)
  })
  const url = await new Promise<string>((resolveLine, reject) => {
    createInterface({ input: child.stdout }).once('line', resolveLine)
    child.once('exit', (code) =>
      reject(new Error(`docsort serve exited with ${String(code)}: ${stderr}`)),
    )
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    pid: child.pid,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGINT')
      await exited
    },
  }
}

/** Calls a request of the running server and returns its value; an error envelope throws. */
export function apiClient(
  server: ServeProcess,
): (name: string, params: unknown) => Promise<unknown> {
  return async (name, params) => {
    const response = await fetch(`${server.origin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-docsort-token': server.token },
      body: JSON.stringify(params),
    })
    const reply = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
    if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`)
    return reply.value
  }
}
