/**
 * The browser mode's DocsortApi: requests as POST {HTTP_API_PREFIX}{name} with the session token in
 * a header, events from one WebSocket opened on the first subscription.
 */
import {
  EVENTS_PATH,
  HTTP_API_PREFIX,
  TOKEN_HEADER,
  TOKEN_QUERY,
  type DocsortApi,
  type Envelope,
  type EventMessage,
  type EventName,
  type Events,
} from '../../../../shared/api'
import { UnauthorizedError } from './api-error'
import type { ConnectionSource } from './connection'
import { DEFAULT_BACKOFF, EventSocket, type Backoff, type SocketLike } from './event-socket'

export interface HttpApiOptions {
  fetch?: typeof fetch
  createSocket?: (url: string) => SocketLike
  backoff?: Backoff
}

export interface HttpApi extends DocsortApi, ConnectionSource {
  /** Closes the event stream for good; requests keep working. */
  close(): void
}

type AnyListener = (payload: unknown) => void

export function httpApi(token: string, origin: string, options: HttpApiOptions = {}): HttpApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const listeners = new Map<EventName, Set<AnyListener>>()
  const connectionListeners = new Set<(online: boolean) => void>()
  const socket = new EventSocket({
    url: eventsUrl(origin, token),
    createSocket: options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike),
    backoff: options.backoff ?? DEFAULT_BACKOFF,
    onMessage: (message: EventMessage) => {
      for (const listener of listeners.get(message.name) ?? []) listener(message.payload)
    },
    onConnectionChange: (online) => {
      for (const listener of connectionListeners) listener(online)
    },
  })

  return {
    async invoke(name, params) {
      const response = await doFetch(`${origin}${HTTP_API_PREFIX}${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(params),
      })
      return readEnvelope(response)
    },
    on<E extends EventName>(name: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(name) ?? new Set<AnyListener>()
      listeners.set(name, set)
      const wrapped = listener as AnyListener
      set.add(wrapped)
      socket.open()
      return () => set.delete(wrapped)
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener)
      socket.open()
      return () => connectionListeners.delete(listener)
    },
    close: () => socket.close(),
  }
}

export function eventsUrl(origin: string, token: string): string {
  const url = new URL(EVENTS_PATH, origin)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  url.searchParams.set(TOKEN_QUERY, token)
  return url.toString()
}

/**
 * The server answers every request with an envelope, errors included; a refused token, or a body
 * that is not an envelope (a proxy's error page), is a transport failure and rejects.
 */
async function readEnvelope<T>(response: Response): Promise<Envelope<T>> {
  // A refused token is the session's problem, not the request's: no retry of this call can help.
  if (response.status === 401) throw new UnauthorizedError()
  let body: unknown
  try {
    body = await response.json()
  } catch (cause) {
    throw new Error(`HTTP ${response.status}: the reply is not JSON`, { cause })
  }
  if (!isEnvelope(body)) throw new Error(`HTTP ${response.status}: the reply is not an envelope`)
  return body as Envelope<T>
}

function isEnvelope(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value
}
