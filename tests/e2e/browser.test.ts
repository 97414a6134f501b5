import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runJourney } from './journey'
import { startServe, type ServeProcess } from '../support/serve-process'
import { build, hasChromium, launchChromium, ROOT } from './serve'

const DEMO = join(ROOT, 'resources', 'demo')
const SCREENSHOTS = join(ROOT, 'tests', 'screenshots', 'browser')

describe.skipIf(!hasChromium())('browser mode in Chromium', () => {
  let work: string
  let served: ServeProcess
  let browser: Browser
  let page: Page
  const errors: string[] = []

  beforeAll(async () => {
    build()
    work = mkdtempSync(join(tmpdir(), 'docsort-e2e-'))
    cpSync(join(DEMO, 'library'), join(work, 'library'), { recursive: true })
    mkdirSync(join(work, 'inbox'))
    served = await startServe({ dataDir: join(work, 'data'), allow: work })
    browser = await launchChromium()
    page = await browser.newPage()
    page.on('pageerror', (error) => errors.push(error.message))
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    await page.goto(served.url)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await served?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('takes the token out of the address bar', () => {
    expect(new URL(page.url()).searchParams.has('token')).toBe(false)
  })

  it('sorts, corrects, retrains and undoes through the UI of a new user', async () => {
    await runJourney(page, {
      library: join(work, 'library'),
      inbox: join(work, 'inbox'),
      drops: join(DEMO, 'inbox'),
      screenshots: SCREENSHOTS,
    })

    expect(errors).toEqual([])
  }, 600_000)
})
