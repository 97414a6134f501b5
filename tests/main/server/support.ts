/** A fake ApiHost, a temp renderer folder and a raw HTTP client for the browser-mode server tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Envelope, EventMessage } from '../../../src/shared/api'
import type { ApiHost } from '../../../src/main/api/host'

export class FakeHost implements ApiHost {
  readonly calls: { name: string; params: unknown }[] = []
  readonly listeners = new Set<(event: EventMessage) => void>()

  invoke(name: string, params: unknown): Promise<Envelope<unknown>> {
    this.calls.push({ name, params })
    return Promise.resolve({ ok: true, value: { name, params } })
  }

  subscribe(listener: (event: EventMessage) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(event: EventMessage): void {
    for (const listener of this.listeners) listener(event)
  }
}

export const INDEX_HTML =
  '<!doctype html><title>Docsort</title><script src="./assets/app.js"></script>'
export const APP_JS = 'console.log("docsort")'
export const SECRET = 'the secret next to the renderer folder'

/** `<root>/renderer` with index.html and assets/app.js, and `<root>/secret.txt` beside it. */
export function rendererFixture(): { root: string; rendererDir: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'docsort-server-'))
  const rendererDir = join(root, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML)
  writeFileSync(join(rendererDir, 'assets', 'app.js'), APP_JS)
  writeFileSync(join(root, 'secret.txt'), SECRET)
  return { root, rendererDir, dispose: () => rmSync(root, { recursive: true, force: true }) }
}

export interface RawResponse {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** Sends the path exactly as given (no normalising) with the given headers; Host defaults right. */
export function send(
  port: number,
  options: {
    method?: string
    path: string
    headers?: Record<string, string>
    body?: string | Buffer
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}
