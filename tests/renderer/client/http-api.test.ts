import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Events } from '../../../src/shared/api'
import { UnauthorizedError } from '../../../src/renderer/src/lib/client/api-error'
import type { SocketLike } from '../../../src/renderer/src/lib/client/event-socket'
import { backoffDelay } from '../../../src/renderer/src/lib/client/event-socket'
import { eventsUrl, httpApi } from '../../../src/renderer/src/lib/client/http-api'

class FakeSocket implements SocketLike {
  onopen: ((event: unknown) => void) | null = null
  onclose: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  closed = false

  constructor(readonly url: string) {}

  open(): void {
    this.onopen?.({})
  }

  receive(data: unknown): void {
    this.onmessage?.({ data })
  }

  drop(): void {
    this.onerror?.({})
    this.onclose?.({})
  }

  close(): void {
    this.closed = true
  }
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

describe('httpApi', () => {
  const sockets: FakeSocket[] = []
  const createSocket = (url: string): FakeSocket => {
    const socket = new FakeSocket(url)
    sockets.push(socket)
    return socket
  }

  beforeEach(() => {
    sockets.length = 0
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('posts the params as JSON with the token header to the request path', async () => {
    const calls: { url: string; init: RequestInit | undefined }[] = []
    const fetch = (url: string, init?: RequestInit): Promise<Response> => {
      calls.push({ url, init })
      return Promise.resolve(jsonResponse({ ok: true, value: [] }))
    }
    const api = httpApi('secret', 'http://127.0.0.1:4300', {
      fetch: fetch as unknown as typeof globalThis.fetch,
      createSocket,
    })

    const envelope = await api.invoke('watch:recent', { limit: 5 })

    expect(envelope).toEqual({ ok: true, value: [] })
    expect(calls).toHaveLength(1)
    const [{ url, init }] = calls as [(typeof calls)[number]]
    expect(url).toBe('http://127.0.0.1:4300/api/watch:recent')
    expect(init?.method).toBe('POST')
    expect(init?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-docsort-token': 'secret',
    })
    expect(typeof init?.body === 'string' ? JSON.parse(init.body) : null).toEqual({ limit: 5 })
  })

  it('passes an error envelope through whatever the HTTP status', async () => {
    const error = { code: 'input/path-refused', message: 'refused', path: '/etc' }
    const fetch = vi.fn(() => Promise.resolve(jsonResponse({ ok: false, error }, 400)))
    const api = httpApi('t', 'http://127.0.0.1:1', {
      fetch: fetch as unknown as typeof globalThis.fetch,
      createSocket,
    })

    expect(await api.invoke('watch:add', { folder: '/etc' })).toEqual({ ok: false, error })
  })

  it('rejects with UnauthorizedError when the server refuses the token', async () => {
    const refusal = {
      ok: false,
      error: { code: 'input/invalid', message: 'Missing or wrong token' },
    }
    const fetch = vi.fn(() => Promise.resolve(jsonResponse(refusal, 401)))
    const api = httpApi('stale', 'http://127.0.0.1:1', {
      fetch: fetch as unknown as typeof globalThis.fetch,
      createSocket,
    })

    await expect(api.invoke('app:state', {})).rejects.toBeInstanceOf(UnauthorizedError)
  })

  it('rejects when the reply is not an envelope', async () => {
    const fetch = vi.fn(() => Promise.resolve(new Response('Forbidden', { status: 403 })))
    const api = httpApi('t', 'http://127.0.0.1:1', {
      fetch: fetch as unknown as typeof globalThis.fetch,
      createSocket,
    })

    await expect(api.invoke('app:state', {})).rejects.toThrow('HTTP 403')
  })

  it('opens one socket with the token on the first subscription and routes events by name', () => {
    const api = httpApi('a b', 'http://127.0.0.1:4300', { createSocket })
    const counts: Events['inbox:changed'][] = []
    const moved: unknown[] = []

    api.on('inbox:changed', (payload) => counts.push(payload))
    api.on('file:moved', (payload) => moved.push(payload))
    sockets[0]?.open()
    sockets[0]?.receive(JSON.stringify({ name: 'inbox:changed', payload: { count: 3 } }))
    sockets[0]?.receive('not json')
    sockets[0]?.receive(JSON.stringify({ unrelated: true }))

    expect(sockets).toHaveLength(1)
    expect(sockets[0]?.url).toBe('ws://127.0.0.1:4300/events?token=a+b')
    expect(counts).toEqual([{ count: 3 }])
    expect(moved).toEqual([])
  })

  it('stops delivering to a listener once it unsubscribed', () => {
    const api = httpApi('t', 'http://127.0.0.1:1', { createSocket })
    const counts: unknown[] = []

    const off = api.on('inbox:changed', (payload) => counts.push(payload))
    off()
    sockets[0]?.receive(JSON.stringify({ name: 'inbox:changed', payload: { count: 1 } }))

    expect(counts).toEqual([])
  })

  it('reconnects with a doubling delay and reports the connection going and coming back', () => {
    // given a socket that is open
    vi.useFakeTimers()
    const api = httpApi('t', 'http://127.0.0.1:1', {
      createSocket,
      backoff: { initialMs: 100, maxMs: 1000 },
    })
    const states: boolean[] = []
    api.onConnectionChange((online) => states.push(online))
    sockets[0]?.open()

    // when it drops twice before a reconnect succeeds
    sockets[0]?.drop()
    vi.advanceTimersByTime(99)
    expect(sockets).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(sockets).toHaveLength(2)
    sockets[1]?.drop()
    vi.advanceTimersByTime(199)
    expect(sockets).toHaveLength(2)
    vi.advanceTimersByTime(1)
    sockets[2]?.open()

    // then each retry waited twice as long, and listeners saw up, down, up
    expect(sockets).toHaveLength(3)
    expect(states).toEqual([true, false, true])
  })

  it('does not reconnect after close', () => {
    vi.useFakeTimers()
    const api = httpApi('t', 'http://127.0.0.1:1', {
      createSocket,
      backoff: { initialMs: 10, maxMs: 10 },
    })
    api.on('file:seen', () => {})
    sockets[0]?.open()

    api.close()
    vi.advanceTimersByTime(1000)

    expect(sockets[0]?.closed).toBe(true)
    expect(sockets).toHaveLength(1)
  })
})

describe('eventsUrl', () => {
  it('uses wss for an https origin', () => {
    expect(eventsUrl('https://docs.local:8443', 'x')).toBe('wss://docs.local:8443/events?token=x')
  })
})

describe('backoffDelay', () => {
  it('doubles from the initial delay and stops at the maximum', () => {
    const backoff = { initialMs: 500, maxMs: 15_000 }
    expect([0, 1, 2, 5, 10].map((attempt) => backoffDelay(attempt, backoff))).toEqual([
      500, 1000, 2000, 15_000, 15_000,
    ])
  })
})
