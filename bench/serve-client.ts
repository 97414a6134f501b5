/** Drives `docsort serve` from a benchmark: start it, call its API, read its peak memory. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'

export interface ServeProcess {
  /** The address printed on the first line, token included. */
  url: string
  child: ChildProcessWithoutNullStreams
  stop(): Promise<void>
}

export async function startServe(dataDir: string, allow: string): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['bin/docsort.js', 'serve', '--port', '0', '--data-dir', dataDir, '--allow', allow],
    { stdio: 'pipe' },
  )
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk))
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`docsort serve exited with ${String(code)}`)))
  })
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGINT')
      await exited
    },
  }
}

/** Calls a request and returns its value; an error envelope throws. */
export function apiClient(url: string): (name: string, params: unknown) => Promise<unknown> {
  const { origin, searchParams } = new URL(url)
  const token = searchParams.get('token') ?? ''
  return async (name, params) => {
    const response = await fetch(`${origin}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-docsort-token': token },
      body: JSON.stringify(params),
    })
    const reply = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown }
    if (!reply.ok) throw new Error(`${name}: ${JSON.stringify(reply.error)}`)
    return reply.value
  }
}

/** The process's peak resident set (VmHWM) in MB; Linux only, 0 elsewhere. */
export function peakRssMb(pid: number | undefined): number {
  const status = `/proc/${pid ?? 0}/status`
  if (!existsSync(status)) return 0
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))
  return match ? Number(match[1]) / 1024 : 0
}
