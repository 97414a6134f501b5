// Draws Docsort's icons into resources/icons from the SVG drawings below: the app icon, the
// coloured tray icons (Windows, Linux) and the macOS tray template. The PNGs are committed and
// packaging does not run this; run it after changing a drawing:
//   node scripts/make-icons.mjs [output folder, resources/icons by default]
// It renders with the system Chromium through Playwright; CHROMIUM_PATH names another binary.
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'

// 512 viewBox: blue tile, white page with a folded corner and text lines, green arrow badge.
const APP_SVG = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <defs>
    <linearGradient id="tile" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#3b82f6"/><stop offset="1" stop-color="#1d4ed8"/>
    </linearGradient>
    <linearGradient id="badge" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#34d399"/><stop offset="1" stop-color="#059669"/>
    </linearGradient>
  </defs>
  <rect x="24" y="24" width="464" height="464" rx="104" fill="url(#tile)"/>
  <path fill="#ffffff" d="M150 88 H296 L376 168 V404 a20 20 0 0 1 -20 20
    H150 a20 20 0 0 1 -20 -20 V108 a20 20 0 0 1 20 -20 Z"/>
  <path d="M296 88 V148 a20 20 0 0 0 20 20 H376 Z" fill="#bfdbfe"/>
  <g stroke="#cbd5e1" stroke-width="18" stroke-linecap="round">
    <line x1="172" y1="210" x2="332" y2="210"/>
    <line x1="172" y1="256" x2="332" y2="256"/>
    <line x1="172" y1="302" x2="260" y2="302"/>
  </g>
  <circle cx="364" cy="372" r="92" fill="url(#badge)" stroke="#ffffff" stroke-width="16"/>
  <g fill="none" stroke="#ffffff" stroke-width="24" stroke-linecap="round" stroke-linejoin="round">
    <line x1="318" y1="372" x2="404" y2="372"/>
    <polyline points="370,336 406,372 370,408"/>
  </g>
</svg>`

// 32 viewBox: the same page and arrow, simplified so that it survives 16 px.
const TRAY_SVG = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <rect x="1" y="1" width="30" height="30" rx="7" fill="#2563eb"/>
  <path fill="#ffffff" d="M8.5 5 H19 L25 11 V26 a1.5 1.5 0 0 1 -1.5 1.5
    H8.5 A1.5 1.5 0 0 1 7 26 V6.5 A1.5 1.5 0 0 1 8.5 5 Z"/>
  <path d="M19 5 V11 H25 Z" fill="#93c5fd"/>
  <g fill="none" stroke="#059669" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">
    <line x1="10.5" y1="19" x2="20" y2="19"/>
    <polyline points="16.5,15.5 20,19 16.5,22.5"/>
  </g>
</svg>`

// macOS template: a black page with the arrow and fold cut out; the menu bar tints it.
const TEMPLATE_SVG = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
  <defs>
    <mask id="cut">
      <path fill="#fff" d="M7.5 2 H20 L27 9 V28 a2 2 0 0 1 -2 2
        H7.5 a2 2 0 0 1 -2 -2 V4 a2 2 0 0 1 2 -2 Z"/>
      <path d="M20 2 V9 H27" fill="none" stroke="#000" stroke-width="2"/>
      <g fill="none" stroke="#000" stroke-width="3.2"
        stroke-linecap="round" stroke-linejoin="round">
        <line x1="9.5" y1="18" x2="21" y2="18"/>
        <polyline points="17,14 21,18 17,22"/>
      </g>
    </mask>
  </defs>
  <rect width="32" height="32" fill="#000" mask="url(#cut)"/>
</svg>`

// Sizes in pixels; src/main/electron/icons.ts says which file each platform's tray takes.
const ICONS = [
  { file: 'icon.png', svg: APP_SVG, size: 512 },
  { file: 'tray-16.png', svg: TRAY_SVG, size: 16 },
  { file: 'tray-16@2x.png', svg: TRAY_SVG, size: 32 },
  { file: 'tray-32.png', svg: TRAY_SVG, size: 32 },
  { file: 'tray-32@2x.png', svg: TRAY_SVG, size: 64 },
  { file: 'trayTemplate.png', svg: TEMPLATE_SVG, size: 16 },
  { file: 'trayTemplate@2x.png', svg: TEMPLATE_SVG, size: 32 },
]

const out = process.argv[2] ?? fileURLToPath(new URL('../resources/icons', import.meta.url))
mkdirSync(out, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
try {
  const page = await browser.newPage()
  for (const { file, svg, size } of ICONS) {
    await page.setViewportSize({ width: size, height: size })
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `)
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${sized}</body></html>`,
    )
    // omitBackground keeps the corners around the rounded tile transparent.
    await page.screenshot({
      path: join(out, file),
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    })
  }
} finally {
  await browser.close()
}
console.log(`wrote ${ICONS.length} icons to ${out}`)
