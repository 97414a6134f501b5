import { symlinkSync } from 'node:fs'
import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../../src/main/server/server'
import { APP_JS, FakeHost, INDEX_HTML, SECRET, rendererFixture, send } from './support'

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self' ws://127.0.0.1:PORT ws://localhost:PORT; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

let fixture: ReturnType<typeof rendererFixture>
let host: FakeHost
let server: RunningServer

beforeEach(async () => {
  fixture = rendererFixture()
  host = new FakeHost()
  server = await startServer({ host, rendererDir: fixture.rendererDir })
})

afterEach(async () => {
  await server.close()
  fixture.dispose()
})

function api(
  name: string,
  options: { body?: string | Buffer; headers?: Record<string, string>; method?: string } = {},
): ReturnType<typeof send> {
  return send(server.port, {
    method: options.method ?? 'POST',
    path: `/api/${name}`,
    headers: {
      'content-type': 'application/json',
      'x-docsort-token': server.token,
      ...options.headers,
    },
    body: options.body ?? '{}',
  })
}

describe('startServer', () => {
  it('binds to 127.0.0.1 only and hands out a URL with a fresh 32-byte token', async () => {
    const other = await startServer({ host, rendererDir: fixture.rendererDir })
    await other.close()

    expect(server.address).toBe('127.0.0.1')
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`)
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32)
    expect(other.token).not.toBe(server.token)
  })

  const publicAddress = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address
  it.skipIf(publicAddress === undefined)(
    'refuses connections on a non-loopback interface when one exists',
    async () => {
      const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
        const socket = connect(server.port, publicAddress)
        socket.on('connect', () => {
          socket.destroy()
          reject(new Error(`connected on ${publicAddress}`))
        })
        socket.on('error', resolve)
      })

      expect(error.code).toBe('ECONNREFUSED')
    },
  )

  it('rejects with EADDRINUSE when the port is taken', async () => {
    await expect(
      startServer({ host, rendererDir: fixture.rendererDir, port: server.port }),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' })
  })

  it('stops accepting connections after close', async () => {
    await server.close()

    await expect(send(server.port, { path: '/' })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
  })
})

describe('browser-mode API', () => {
  it('passes the host envelope through when the token is right', async () => {
    const response = await api('suggestion:accept', { body: '{"id":7}' })

    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(response.body)).toEqual({
      ok: true,
      value: { name: 'suggestion:accept', params: { id: 7 } },
    })
    expect(host.calls).toEqual([{ name: 'suggestion:accept', params: { id: 7 } }])
  })

  it('accepts the localhost Host and Origin as well as 127.0.0.1', async () => {
    const response = await api('app:state', {
      headers: {
        host: `localhost:${server.port}`,
        origin: `http://localhost:${server.port}`,
        'content-type': 'application/json; charset=utf-8',
      },
    })

    expect(response.status).toBe(200)
    expect(host.calls).toEqual([{ name: 'app:state', params: {} }])
  })

  it('answers 401 and never invokes the host when the token is missing or wrong', async () => {
    const wrongSameLength = server.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))
    const missing = await send(server.port, {
      method: 'POST',
      path: '/api/app:state',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    const wrong = await api('app:state', { headers: { 'x-docsort-token': wrongSameLength } })
    const short = await api('app:state', { headers: { 'x-docsort-token': 'x' } })

    for (const response of [missing, wrong, short]) {
      expect(response.status).toBe(401)
      expect(JSON.parse(response.body)).toEqual({
        ok: false,
        error: { code: 'input/invalid', message: 'Missing or wrong token' },
      })
    }
    expect(host.calls).toEqual([])
  })

  it('answers 403 when the Origin is foreign, even with the token', async () => {
    const foreign = await api('app:state', { headers: { origin: 'http://evil.example' } })
    const otherPort = await api('app:state', {
      headers: { origin: `http://127.0.0.1:${server.port + 1}` },
    })
    const opaque = await api('app:state', { headers: { origin: 'null' } })

    expect([foreign.status, otherPort.status, opaque.status]).toEqual([403, 403, 403])
    expect(host.calls).toEqual([])
  })

  it('answers 403 when the Host header is foreign, as after DNS rebinding', async () => {
    const rebound = await api('app:state', { headers: { host: `evil.example:${server.port}` } })
    const otherPort = await api('app:state', { headers: { host: `127.0.0.1:${server.port + 1}` } })
    const page = await send(server.port, { path: '/', headers: { host: 'evil.example' } })

    expect([rebound.status, otherPort.status, page.status]).toEqual([403, 403, 403])
    expect(page.body).not.toContain('Docsort</title>')
    expect(host.calls).toEqual([])
  })

  it('answers 400 with the envelope when the body is not JSON', async () => {
    const response = await api('app:state', { body: '{"id":' })

    expect(response.status).toBe(400)
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'input/invalid' } })
    expect(host.calls).toEqual([])
  })

  it('answers 415 when the body is not declared as JSON', async () => {
    const response = await api('app:state', { headers: { 'content-type': 'text/plain' } })

    expect(response.status).toBe(415)
    expect(host.calls).toEqual([])
  })

  it('answers 413 when the body is over 1 MiB, declared or streamed', async () => {
    const body = `{"pad":"${'x'.repeat(1024 * 1024)}"}`
    const declared = await api('app:state', { body })
    const streamed = await api('app:state', {
      body,
      headers: { 'transfer-encoding': 'chunked' },
    })

    expect([declared.status, streamed.status]).toEqual([413, 413])
    expect(host.calls).toEqual([])
  })

  it('answers 405 when the method is not POST', async () => {
    const response = await api('app:state', { method: 'GET', body: '' })

    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('POST')
    expect(host.calls).toEqual([])
  })

  it('decodes an encoded request name before handing it to the host', async () => {
    const response = await api('model%3Alist')

    expect(response.status).toBe(200)
    expect(host.calls).toEqual([{ name: 'model:list', params: {} }])
  })
})

describe('browser-mode static files', () => {
  it('serves index.html at / with the security headers', async () => {
    const response = await send(server.port, { path: '/?token=abc' })

    expect(response.status).toBe(200)
    expect(response.body).toBe(INDEX_HTML)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-security-policy']).toBe(
      CSP.replaceAll('PORT', String(server.port)),
    )
    expect(response.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    })
  })

  it('serves an asset with its content type, without a token', async () => {
    const response = await send(server.port, { path: '/assets/app.js' })

    expect(response.status).toBe(200)
    expect(response.body).toBe(APP_JS)
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it('answers HEAD with the length and no body', async () => {
    const response = await send(server.port, { method: 'HEAD', path: '/assets/app.js' })

    expect(response.status).toBe(200)
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(APP_JS)))
    expect(response.body).toBe('')
  })

  it('answers 404 for a missing file or a folder', async () => {
    const missing = await send(server.port, { path: '/assets/nope.js' })
    const folder = await send(server.port, { path: '/assets/' })
    const bare = await send(server.port, { path: '/assets' })

    expect([missing.status, folder.status, bare.status]).toEqual([404, 404, 404])
  })

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/index.html%00.js',
    '/%ZZ',
    '//secret.txt',
  ])('never serves a file outside the renderer folder for %s', async (path) => {
    const response = await send(server.port, { path })

    expect([400, 404]).toContain(response.status)
    expect(response.body).not.toContain(SECRET)
  })

  it('answers 404 for a symlink that leads out of the renderer folder', async () => {
    symlinkSync(join(fixture.root, 'secret.txt'), join(fixture.rendererDir, 'assets', 'link.txt'))

    const response = await send(server.port, { path: '/assets/link.txt' })

    expect(response.status).toBe(404)
    expect(response.body).not.toContain(SECRET)
  })

  it('answers 405 for a write to a file', async () => {
    const response = await send(server.port, { method: 'PUT', path: '/index.html', body: 'x' })

    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
  })
})
