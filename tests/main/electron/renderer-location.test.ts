import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  isAllowedRequest,
  rendererLocation,
  type RendererLocation,
} from '../../../src/main/electron/renderer-location'

const appPath = '/opt/Docsort/resources/app.asar'
const ownFolder = `file://${appPath}/out/renderer`
const devServerUrl = 'http://localhost:5173/'

function packaged(platform: NodeJS.Platform = 'linux'): RendererLocation {
  return rendererLocation({ appPath, isPackaged: true, devServerUrl: undefined, platform })
}

function dev(): RendererLocation {
  return rendererLocation({ appPath, isPackaged: false, devServerUrl, platform: 'linux' })
}

describe('rendererLocation with built files', () => {
  it('loads index.html from out/renderer when no dev server is set', () => {
    const location = packaged()

    expect(location.kind).toBe('file')
    expect(location.entry).toBe(`${appPath}/out/renderer/index.html`)
  })

  it.each([
    `${ownFolder}/index.html`,
    `${ownFolder}/assets/index-3f2a.js`,
    `${ownFolder}/index.html?view=inbox#top`,
    `file://localhost${appPath}/out/renderer/index.html`,
  ])('accepts its own file %s', (url) => {
    expect(packaged().isOwnUrl(url)).toBe(true)
  })

  it.each([
    `${ownFolder}/../../secret.txt`,
    `${ownFolder}/assets/../../../secret.txt`,
    `${ownFolder}/%2e%2e/%2E%2E/secret.txt`,
    `${ownFolder}\\..\\..\\secret.txt`,
  ])('refuses %s when `..` climbs out of the folder', (url) => {
    expect(packaged().isOwnUrl(url)).toBe(false)
  })

  it.each([
    'file:///etc/passwd',
    `file://${appPath}/out/main/index.js`,
    // Shares the folder's name as a prefix, but is a sibling folder.
    `file://${appPath}/out/renderer-evil/index.html`,
    `file://${appPath}/out/renderer`,
    `file://fileserver${appPath}/out/renderer/index.html`,
  ])('refuses the other file path %s', (url) => {
    expect(packaged().isOwnUrl(url)).toBe(false)
  })

  it.each([
    'https://example.com/index.html',
    'http://localhost:5173/',
    `https://example.com${appPath}/out/renderer/index.html`,
    'not a url',
    '',
  ])('refuses %j when it is not a file URL', (url) => {
    expect(packaged().isOwnUrl(url)).toBe(false)
  })

  it('accepts its own files when the app path has spaces and URL-special characters', () => {
    const odd = '/home/ann/My Apps/50% #1?/Docsort'
    const location = rendererLocation({ appPath: odd, isPackaged: true, devServerUrl: undefined })
    const own = `${pathToFileURL(odd).href}/out/renderer/index.html`

    expect(own).toContain('My%20Apps/50%25%20%231%3F')
    expect(location.isOwnUrl(own)).toBe(true)
    expect(location.isOwnUrl(`file://${odd}/out/renderer/index.html`)).toBe(false)
  })

  it('folds case when the platform is win32', () => {
    const shouted = `file://${appPath.toUpperCase()}/OUT/RENDERER/INDEX.HTML`

    expect(packaged('win32').isOwnUrl(shouted)).toBe(true)
    expect(packaged('win32').isOwnUrl(`${ownFolder}/index.html`)).toBe(true)
    expect(packaged('win32').isOwnUrl(`${ownFolder.toUpperCase()}/../../SECRET.TXT`)).toBe(false)
  })

  it.each(['linux', 'darwin'] as const)('keeps case when the platform is %s', (platform) => {
    const shouted = `file://${appPath.toUpperCase()}/OUT/RENDERER/INDEX.HTML`

    expect(packaged(platform).isOwnUrl(shouted)).toBe(false)
  })
})

describe('rendererLocation with a dev server', () => {
  it('uses the dev server when the app is not packaged', () => {
    const location = dev()

    expect(location).toMatchObject({
      kind: 'dev',
      entry: devServerUrl,
      origin: 'http://localhost:5173',
    })
    expect(location.isOwnUrl('http://localhost:5173/src/main.ts')).toBe(true)
  })

  it('ignores the dev server when the app is packaged', () => {
    const location = rendererLocation({ appPath, isPackaged: true, devServerUrl })

    expect(location.kind).toBe('file')
    expect(location.isOwnUrl('http://localhost:5173/src/main.ts')).toBe(false)
    expect(location.isOwnUrl(`${ownFolder}/index.html`)).toBe(true)
  })

  it('uses the built files when the dev server URL is empty', () => {
    const location = rendererLocation({ appPath, isPackaged: false, devServerUrl: '' })

    expect(location.kind).toBe('file')
  })

  it.each([
    'http://localhost:5174/',
    'http://127.0.0.1:5173/',
    'https://localhost:5173/',
    'http://localhost.evil.example:5173/',
    `${ownFolder}/index.html`,
  ])('refuses %s when it is not the dev server origin', (url) => {
    expect(dev().isOwnUrl(url)).toBe(false)
  })
})

describe('isAllowedRequest', () => {
  it.each(['data:image/png;base64,iVBORw0KGgo=', 'devtools://devtools/bundled/inspector.html'])(
    'allows %s with built files and with the dev server',
    (url) => {
      expect(isAllowedRequest(packaged(), url)).toBe(true)
      expect(isAllowedRequest(dev(), url)).toBe(true)
    },
  )

  it('allows own files and refuses foreign ones with built files', () => {
    expect(isAllowedRequest(packaged(), `${ownFolder}/assets/app.css`)).toBe(true)
    expect(isAllowedRequest(packaged(), 'file:///etc/passwd')).toBe(false)
    expect(isAllowedRequest(packaged(), 'https://example.com/tracker.js')).toBe(false)
    expect(isAllowedRequest(packaged(), 'blob:https://example.com/1234')).toBe(false)
  })

  it('allows the WebSocket to the dev server when in dev', () => {
    expect(isAllowedRequest(dev(), 'ws://localhost:5173/?token=abc')).toBe(true)
  })

  it.each(['ws://localhost:5174/', 'ws://127.0.0.1:5173/', 'wss://localhost:5173/'])(
    'refuses the WebSocket %s when it is not the dev server origin',
    (url) => {
      expect(isAllowedRequest(dev(), url)).toBe(false)
    },
  )

  it('refuses a WebSocket to the would-be dev server when running built files', () => {
    const location = rendererLocation({ appPath, isPackaged: true, devServerUrl })

    expect(isAllowedRequest(location, 'ws://localhost:5173/')).toBe(false)
    expect(isAllowedRequest(location, 'http://localhost:5173/')).toBe(false)
  })
})
