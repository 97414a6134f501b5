import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServe, type ServeProcess } from '../support/serve-process'
import { build } from './serve'

interface Reply {
  status: number
  body: { ok: boolean; error?: { code: string } }
}

/** A raw request, so that Host and Origin can be set as a hostile page or client would. */
function post(
  served: ServeProcess,
  name: string,
  params: unknown,
  headers: Record<string, string>,
) {
  const body = JSON.stringify(params)
  const { hostname, port } = new URL(served.origin)
  return new Promise<Reply>((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method: 'POST',
        path: `/api/${name}`,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Reply['body'] }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

describe('docsort serve security', () => {
  let root: string
  let served: ServeProcess
  let allowed: string

  beforeAll(async () => {
    build()
    root = mkdtempSync(join(tmpdir(), 'docsort-security-'))
    allowed = join(root, 'home')
    mkdirSync(join(allowed, 'Invoices'), { recursive: true })
    mkdirSync(join(root, 'outside'))
    symlinkSync(join(root, 'outside'), join(allowed, 'escape'))
    served = await startServe({ dataDir: join(root, 'data'), allow: allowed })
  }, 120_000)

  afterAll(async () => {
    await served.stop()
    rmSync(root, { recursive: true, force: true })
  })

  it('answers a request with the token and its own origin', async () => {
    const reply = await post(
      served,
      'app:state',
      {},
      {
        'x-docsort-token': served.token,
        origin: served.origin,
      },
    )
    expect(reply.status).toBe(200)
    expect(reply.body.ok).toBe(true)
  })

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-docsort-token': 'x'.repeat(43) }],
    ['the token in another case', { 'x-docsort-token': 'A'.repeat(43) }],
  ])('refuses a request with %s', async (_what, headers) => {
    const reply = await post(served, 'app:state', {}, headers)
    expect(reply.status).toBe(401)
    expect(reply.body.ok).toBe(false)
  })

  it('refuses a request from a foreign origin even with the token', async () => {
    const reply = await post(
      served,
      'app:state',
      {},
      {
        'x-docsort-token': served.token,
        origin: 'http://evil.example',
      },
    )
    expect(reply.status).toBe(403)
  })

  it('refuses a request whose Host is not its own, as after DNS rebinding', async () => {
    const reply = await post(
      served,
      'app:state',
      {},
      {
        'x-docsort-token': served.token,
        host: 'evil.example',
      },
    )
    expect(reply.status).toBe(403)
  })

  it.each([
    [
      'a folder outside the allowed folders',
      'category:add',
      () => ({ name: 'Etc', folder: '/etc' }),
    ],
    ['a symlink leading out', 'watch:add', () => ({ folder: join(allowed, 'escape') })],
    ['a .. traversal', 'folder:learn', () => ({ folder: `${allowed}/../outside` })],
    ['a file outside the configured folders', 'file:open', () => ({ path: '/etc/passwd' })],
  ])('refuses %s with input/path-refused', async (_what, name, params) => {
    const reply = await post(served, name, params(), { 'x-docsort-token': served.token })
    expect(reply.status).toBe(200)
    expect(reply.body).toMatchObject({ ok: false, error: { code: 'input/path-refused' } })
  })
})
