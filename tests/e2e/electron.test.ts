import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { _electron as electron, type ElectronApplication, type Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppState, Envelope } from '../../src/shared/api'

const ROOT = resolve(import.meta.dirname, '../..')
const DEMO = join(ROOT, 'resources', 'demo')
const SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): skipping the Electron end-to-end test'

/**
 * The Electron executable, found the way electron's own index.js finds it but without its side
 * effect: requiring `electron` starts a download when the binary is missing.
 */
function electronBinary(): string | null {
  const nodeRequire = createRequire(import.meta.url)
  const packageDir = dirname(nodeRequire.resolve('electron/package.json'))
  const pathFile = join(packageDir, 'path.txt')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : override
      ? 'electron'
      : null
  if (relative === null) return null
  const binary = join(override ?? join(packageDir, 'dist'), relative)
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
// Vitest lists skipped suites without their titles, so the reason is printed as well.
if (binary === null) console.warn(SKIP_REASON)

/** Builds main, preload and renderer unless out/ already holds all three. */
function ensureBuilt(): void {
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']
  if (outputs.every((file) => existsSync(join(ROOT, file)))) return
  const nodeRequire = createRequire(import.meta.url)
  const cli = join(
    dirname(nodeRequire.resolve('electron-vite/package.json')),
    'bin/electron-vite.js',
  )
  execFileSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: 'inherit' })
}

describe.skipIf(binary === null)(
  binary === null ? `electron app: ${SKIP_REASON}` : 'electron app',
  () => {
    let home: string
    let app: ElectronApplication
    let page: Page

    beforeAll(async () => {
      ensureBuilt()
      // HOME is the temp folder too: the service accepts folders under the home folder only, and
      // Chromium's own files land there instead of in the user's home.
      home = mkdtempSync(join(tmpdir(), 'docsort-electron-'))
      cpSync(join(DEMO, 'library'), join(home, 'library'), { recursive: true })
      mkdirSync(join(home, 'inbox'))
      const env: Record<string, string> = {}
      for (const [key, value] of Object.entries(process.env)) {
        if (value !== undefined) env[key] = value
      }
      // A dev server URL would point the app away from the built renderer.
      delete env.ELECTRON_RENDERER_URL
      delete env.ELECTRON_RUN_AS_NODE

      app = await electron.launch({
        executablePath: binary ?? '',
        args: [ROOT],
        cwd: ROOT,
        env: { ...env, DOCSORT_DATA_DIR: join(home, 'data'), HOME: home, USERPROFILE: home },
      })
      page = await app.firstWindow()
      await page.waitForLoadState('domcontentloaded')
    })

    afterAll(async () => {
      await app?.close()
      if (home) rmSync(home, { recursive: true, force: true })
    })

    it('keeps Node out of the page when the renderer is sandboxed', async () => {
      const isolated = await page.evaluate(
        () => typeof require === 'undefined' && typeof process === 'undefined',
      )

      expect(isolated).toBe(true)
    })

    it('exposes only invoke and on when the preload ran', async () => {
      const keys = await page.evaluate(() =>
        Object.keys((globalThis as unknown as { docsort: object }).docsort).sort(),
      )

      expect(keys).toEqual(['invoke', 'on'])
    })

    it('answers requests over IPC from the data folder named by DOCSORT_DATA_DIR', async () => {
      const answer = await page.evaluate(() => {
        const api = (
          globalThis as unknown as { docsort: { invoke: (...args: unknown[]) => unknown } }
        ).docsort
        return api.invoke('app:state', {}) as Promise<Envelope<AppState>>
      })

      expect(answer.ok).toBe(true)
      if (!answer.ok) return
      expect(answer.value.dataDir).toBe(join(home, 'data'))
      expect(answer.value.capabilities.desktop).toBe(true)
    })

    it('sorts the inbox when the user goes through the shared journey', async () => {
      const library = join(home, 'library')
      const inbox = join(home, 'inbox')
      const screenshots = join(ROOT, 'tests', 'screenshots', 'electron')
      mkdirSync(screenshots, { recursive: true })
      // Loaded here so that a skipped run does not depend on the journey module.
      const { runJourney } = await import('./journey')

      await runJourney(page, { library, inbox, drops: join(DEMO, 'inbox'), screenshots })
    }, 600_000)
  },
)
