/**
 * Builds the app as it is now, and launches a headless Debian Chromium for Playwright; the
 * server side is tests/support/serve-process.ts.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
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
