/**
 * Start-up: the Electron preload's API when it is there, else the browser mode with the token
 * that `docsort serve` put in the URL. The token moves from the address bar to session storage so
 * that it is neither bookmarked nor shown, yet survives a reload of the tab.
 */
import { TOKEN_QUERY, type DocsortApi } from '../../../../shared/api'
import type { ConnectionSource } from './connection'
import { httpApi } from './http-api'
import { hasIpcApi, type IpcHost } from './ipc-api'

export const TOKEN_STORAGE_KEY = 'docsort.token'

/** What start-up reads from the page; main.ts builds it from window, tests from plain objects. */
export interface StartupEnvironment {
  host: IpcHost
  /** location.href */
  href: string
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void }
  /** history.replaceState with the cleaned URL. */
  replaceUrl: (url: string) => void
  createHttpApi?: typeof httpApi
}

export type Transport =
  | { kind: 'ipc'; api: DocsortApi }
  | { kind: 'http'; api: DocsortApi & ConnectionSource }
  | { kind: 'none' }

export function chooseTransport(env: StartupEnvironment): Transport {
  if (hasIpcApi(env.host)) return { kind: 'ipc', api: env.host.docsort }

  const url = new URL(env.href)
  const fromUrl = url.searchParams.get(TOKEN_QUERY)
  if (fromUrl) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    url.searchParams.delete(TOKEN_QUERY)
    env.replaceUrl(url.toString())
  }
  const token = fromUrl || env.storage.getItem(TOKEN_STORAGE_KEY)
  if (!token) return { kind: 'none' }

  const create = env.createHttpApi ?? httpApi
  return { kind: 'http', api: create(token, url.origin) }
}
