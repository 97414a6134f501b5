/**
 * Starts `docsort serve` from the freshly built CLI on a free port, as a user would, and a
 * headless Debian Chromium for Playwright. Both are stopped by the returned functions.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium, type Browser } from 'playwright'

export const ROOT = resolve(import.meta.dirname, '../..')
export const CHROMIUM = process.env.DOCSORT_CHROMIUM ?? '/usr/bin/chromium'

/** Builds main, preload and renderer, so that the test runs the code of this checkout. */
export function build(): void {
  const nodeRequire = createRequire(import.meta.url)
  const cli = join(
    dirname(nodeRequire.resolve('electron-vite/package.json')),
    'bin/electron-vite.js',
  )
  execFileSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'pipe' })
}

export interface Served {
  url: string
  origin: string
  token: string
  stop(): Promise<void>
}

export async function serve(dataDir: string, allow: string): Promise<Served> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/docsort.js'), 'serve', '--port', '0', '--data-dir', dataDir, '--allow', allow],
    { cwd: ROOT, stdio: 'pipe' },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await firstLine(child, () => stderr)
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token') ?? '',
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGINT')
      await exited
    },
  }
}

function firstLine(child: ChildProcessWithoutNullStreams, stderr: () => string): Promise<string> {
  return new Promise((resolveLine, reject) => {
    createInterface({ input: child.stdout }).once('line', resolveLine)
    child.once('exit', (code) =>
      reject(new Error(`docsort serve exited with ${String(code)}: ${stderr()}`)),
    )
  })
}

export function hasChromium(): boolean {
  return existsSync(CHROMIUM)
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
