import { describe, expect, it, vi } from 'vitest'
import type { DocsortApi } from '../../../src/shared/api'
import {
  chooseTransport,
  TOKEN_STORAGE_KEY,
  type StartupEnvironment,
} from '../../../src/renderer/src/lib/client/choose-transport'
import { httpApi } from '../../../src/renderer/src/lib/client/http-api'
import { ipcApi } from '../../../src/renderer/src/lib/client/ipc-api'

function memoryStorage(initial: Record<string, string> = {}): StartupEnvironment['storage'] & {
  items: Record<string, string>
} {
  const items = { ...initial }
  return {
    items,
    getItem: (key) => items[key] ?? null,
    setItem: (key, value) => {
      items[key] = value
    },
  }
}

const preloadApi: DocsortApi = {
  invoke: vi.fn(),
  on: vi.fn(() => () => {}),
}

describe('chooseTransport', () => {
  it('uses the preload API when the Electron shell provides one', () => {
    const replaceUrl = vi.fn()

    const transport = chooseTransport({
      host: { docsort: preloadApi },
      href: 'file:///app/index.html?token=ignored',
      storage: memoryStorage(),
      replaceUrl,
    })

    expect(transport).toEqual({ kind: 'ipc', api: preloadApi })
    expect(replaceUrl).not.toHaveBeenCalled()
  })

  it('moves the token from the address bar to session storage and uses HTTP', () => {
    const storage = memoryStorage()
    const replaceUrl = vi.fn()
    const createHttpApi = vi.fn(httpApi)

    const transport = chooseTransport({
      host: {},
      href: 'http://127.0.0.1:4300/?token=s3cret&x=1#/history',
      storage,
      replaceUrl,
      createHttpApi,
    })

    expect(transport.kind).toBe('http')
    expect(storage.items[TOKEN_STORAGE_KEY]).toBe('s3cret')
    expect(replaceUrl).toHaveBeenCalledWith('http://127.0.0.1:4300/?x=1#/history')
    expect(createHttpApi).toHaveBeenCalledWith('s3cret', 'http://127.0.0.1:4300')
  })

  it('uses the stored token after a reload without one in the URL', () => {
    const createHttpApi = vi.fn(httpApi)

    const transport = chooseTransport({
      host: {},
      href: 'http://127.0.0.1:4300/#/model',
      storage: memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept' }),
      replaceUrl: vi.fn(),
      createHttpApi,
    })

    expect(transport.kind).toBe('http')
    expect(createHttpApi).toHaveBeenCalledWith('kept', 'http://127.0.0.1:4300')
  })

  it('finds no transport without the preload and without a token', () => {
    const transport = chooseTransport({
      host: {},
      href: 'http://127.0.0.1:4300/',
      storage: memoryStorage(),
      replaceUrl: vi.fn(),
    })

    expect(transport).toEqual({ kind: 'none' })
  })
})

describe('ipcApi', () => {
  it('returns the object the preload exposed', () => {
    expect(ipcApi({ docsort: preloadApi })).toBe(preloadApi)
  })

  it('throws when the preload did not run', () => {
    expect(() => ipcApi({})).toThrow('window.docsort is missing')
  })
})
