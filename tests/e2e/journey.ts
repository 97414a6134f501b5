/**
 * The whole journey of a new user, through the UI only, shared by the browser-mode and the
 * Electron end-to-end tests: set up categories from folders of real documents and learn them,
 * train, watch an inbox, receive real PDF and DOCX files, accept one, correct another, retrain
 * from the button, undo a move; then a screenshot of every screen in English and Chinese.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, type Page } from '@playwright/test'

export interface JourneySetup {
  /** Holds one folder per category: Invoices, Resumes and Contracts at least. */
  library: string
  /** An empty folder to watch. */
  inbox: string
  /** Where the dropped files are copied from. */
  drops: string
  screenshots?: string
}

export const CATEGORIES = ['Invoices', 'Resumes', 'Contracts'] as const
export const DROPS = {
  invoice: 'invoice-103767-adatum.pdf',
  resume: 'john-doe-cv-oldstyle.pdf',
  contract: 'joint-venture-agreement-mightycell.pdf',
  chineseResume: 'resume-template-chinese.docx',
} as const
const SCREENS = ['inbox', 'categories', 'watching', 'model', 'history'] as const
// Training runs in a worker on two cores; the demo library trains in well under a minute.
const TRAINING_MS = 180_000

export async function runJourney(page: Page, setup: JourneySetup): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 })
  await expect(page.getByTestId('nav-inbox')).toBeVisible()
  await page.getByTestId('locale-select').selectOption('en')
  await shoot(page, setup, 'en-start')

  await setUpCategories(page, setup)
  await retrain(page, 1)
  await watchInbox(page, setup)

  for (const name of Object.values(DROPS)) {
    copyFileSync(join(setup.drops, name), join(setup.inbox, name))
  }
  await open(page, 'inbox')
  const rows = page.getByTestId('suggestion-row')
  await expect(rows).toHaveCount(Object.keys(DROPS).length, { timeout: 60_000 })
  for (const name of Object.values(DROPS)) {
    await expect(row(page, name)).toContainText('%')
    await expect(row(page, name)).toBeVisible()
  }

  await row(page, DROPS.invoice).getByTestId('accept').click()
  await expect(row(page, DROPS.invoice)).toHaveCount(0)
  await expectFile(join(setup.library, 'Invoices', DROPS.invoice))
  expect(existsSync(join(setup.inbox, DROPS.invoice))).toBe(false)

  // A correction: the contract goes to Resumes, whatever the model said.
  await row(page, DROPS.contract).getByTestId('correct-select').selectOption('Resumes')
  await expect(row(page, DROPS.contract)).toHaveCount(0)
  await expectFile(join(setup.library, 'Resumes', DROPS.contract))

  await retrain(page, 2)

  await open(page, 'history')
  const historyRow = page.getByTestId('history-row').filter({ hasText: DROPS.invoice })
  await expect(historyRow).toHaveAttribute('data-undone', 'false')
  await historyRow.getByTestId('undo').click()
  await expect(historyRow).toHaveAttribute('data-undone', 'true')
  await expectFile(join(setup.inbox, DROPS.invoice))
  expect(existsSync(join(setup.library, 'Invoices', DROPS.invoice))).toBe(false)

  await screenshotEveryScreen(page, setup)
}

async function setUpCategories(page: Page, setup: JourneySetup): Promise<void> {
  await open(page, 'categories')
  for (const name of CATEGORIES) {
    await page.getByTestId('category-name-input').fill(name)
    await page.getByTestId('category-folder-input').fill(join(setup.library, name))
    await page.getByTestId('category-add').click()
    const added = page.locator(`[data-testid="category-row"][data-name="${name}"]`)
    await expect(added).toBeVisible()
    await added.getByTestId('category-learn').click()
    await expect(page.getByTestId('learning-result')).toBeVisible({ timeout: 60_000 })
    // The row's document count comes from the library once learning is done.
    await expect(added).not.toContainText(/^\s*0\s*$/)
  }
  // Every learned document can be found by a word of its text.
  await page.getByTestId('search-input').fill('invoice')
  await expect(page.getByTestId('search-hit').first()).toBeVisible()
  await page.getByTestId('search-input').fill('')
  await shoot(page, setup, 'en-categories-learned')
}

async function retrain(page: Page, models: number): Promise<void> {
  await open(page, 'model')
  await page.getByTestId('retrain').click()
  await expect(page.getByTestId('model-row')).toHaveCount(models, { timeout: TRAINING_MS })
  await expect(page.getByTestId('training-outcome')).toBeVisible()
  await expect(page.getByTestId('training-progress')).toHaveAttribute('aria-valuenow', '100')
}

async function watchInbox(page: Page, setup: JourneySetup): Promise<void> {
  await open(page, 'watching')
  await page.getByTestId('watch-folder-input').fill(setup.inbox)
  await page.getByTestId('watch-add').click()
  await expect(page.getByTestId('watch-row')).toHaveCount(1)
}

async function screenshotEveryScreen(page: Page, setup: JourneySetup): Promise<void> {
  if (!setup.screenshots) return
  // A fresh page: no toasts left over from the journey, in whichever language they were.
  await page.reload()
  for (const locale of ['en', 'zh-CN'] as const) {
    await page.getByTestId('locale-select').selectOption(locale)
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
    for (const screen of SCREENS) {
      await open(page, screen)
      await shoot(page, setup, `${locale}-${screen}`)
    }
  }
  await page.getByTestId('locale-select').selectOption('en')
}

async function open(page: Page, screen: (typeof SCREENS)[number]): Promise<void> {
  await page.getByTestId(`nav-${screen}`).click()
  await expect(page.getByTestId(`nav-${screen}`)).toHaveAttribute('aria-current', 'page')
}

function row(page: Page, name: string) {
  return page.locator(`[data-testid="suggestion-row"][data-name="${name}"]`)
}

async function shoot(page: Page, setup: JourneySetup, name: string): Promise<void> {
  if (!setup.screenshots) return
  mkdirSync(setup.screenshots, { recursive: true })
  // Let transitions (progress bars, toasts sliding in) settle so the picture is what a person sees.
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(setup.screenshots, `${name}.png`) })
}

async function expectFile(path: string): Promise<void> {
  await expect.poll(() => existsSync(path), { message: `${path} exists` }).toBe(true)
}
