import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocket, type ClientOptions } from 'ws'
import type { EventMessage } from '../../../src/shared/api'
import { startServer, type RunningServer } from '../../../src/main/server/server'
import { FakeHost, rendererFixture } from './support'

let fixture: ReturnType<typeof rendererFixture>
let host: FakeHost
let server: RunningServer
const sockets: WebSocket[] = []

beforeEach(async () => {
  fixture = rendererFixture()
  host = new FakeHost()
  server = await startServer({ host, rendererDir: fixture.rendererDir })
})

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate()
  await server.close()
  fixture.dispose()
})

function eventsUrl(query = `?token=${server.token}`, path = '/events'): string {
  return `ws://127.0.0.1:${server.port}${path}${query}`
}

function open(url: string, options: ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, options)
  sockets.push(socket)
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

/** The HTTP status of a refused upgrade. */
function refusal(url: string, options: ClientOptions = {}): Promise<number> {
  const socket = new WebSocket(url, options)
  sockets.push(socket)
  return new Promise((resolve, reject) => {
    socket.once('open', () => reject(new Error('the upgrade was accepted')))
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    socket.once('error', reject)
  })
}

function nextMessage(socket: WebSocket): Promise<unknown> {
  return new Promise((resolve) =>
    socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))),
  )
}

const EVENT: EventMessage = { name: 'inbox:changed', payload: { count: 3 } }

describe('browser-mode event socket', () => {
  it('delivers a host event as JSON when the token is right', async () => {
    const socket = await open(eventsUrl(), { origin: `http://127.0.0.1:${server.port}` })
    await vi.waitFor(() => expect(host.listeners.size).toBe(1))
    const message = nextMessage(socket)

    host.emit(EVENT)

    await expect(message).resolves.toEqual(EVENT)
  })

  it('refuses the upgrade with 401 when the token is missing or wrong', async () => {
    const missing = await refusal(eventsUrl(''))
    const wrong = await refusal(eventsUrl('?token=nope'))

    expect([missing, wrong]).toEqual([401, 401])
    expect(host.listeners.size).toBe(0)
  })

  it('refuses the upgrade with 403 when the Origin or Host is foreign', async () => {
    const origin = await refusal(eventsUrl(), { origin: 'http://evil.example' })
    const hostHeader = await refusal(eventsUrl(), {
      headers: { host: `evil.example:${server.port}` },
    })

    expect([origin, hostHeader]).toEqual([403, 403])
    expect(host.listeners.size).toBe(0)
  })

  it('refuses the upgrade with 404 on any other path', async () => {
    await expect(refusal(eventsUrl(undefined, '/api/app:state'))).resolves.toBe(404)
  })

  it('unsubscribes from the host when the client closes', async () => {
    const socket = await open(eventsUrl())
    await vi.waitFor(() => expect(host.listeners.size).toBe(1))

    socket.close()

    await vi.waitFor(() => expect(host.listeners.size).toBe(0))
  })

  it('closes its clients with 1001 when the server closes', async () => {
    // given a connected client
    const socket = await open(eventsUrl())
    const closed = new Promise<number>((resolve) => socket.once('close', resolve))

    // when the server closes
    await server.close()

    // then the client was told the server is going away, and the host has no listener left
    await expect(closed).resolves.toBe(1001)
    expect(host.listeners.size).toBe(0)
  })
})
