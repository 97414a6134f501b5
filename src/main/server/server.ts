/**
 * The browser mode's server: the same ApiHost the desktop shell uses, over HTTP and a WebSocket on
 * 127.0.0.1 only, plus the built renderer's files. A per-run token guards the API and the events.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { realpath } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { HTTP_API_PREFIX } from '../../shared/api'
import type { ApiHost } from '../api/host'
import { createLogger, errorFields } from '../log/logger'
import { handleApiRequest } from './api-route'
import { createEventSocket } from './event-socket'
import { createToken, isOwnOrigin, securityHeaders, sendRefusal } from './request-guard'
import { serveStatic } from './static-files'

export interface ServerOptions {
  host: ApiHost
  /** The built renderer: index.html and assets/. */
  rendererDir: string
  /** 0 or absent: any free port. */
  port?: number
  /** A fresh random one per run when absent. */
  token?: string
}

export interface RunningServer {
  /** The page to open, token included: http://127.0.0.1:PORT/?token=... */
  url: string
  port: number
  /** The address the server is bound to: 127.0.0.1, never a public interface. */
  address: string
  token: string
  close(): Promise<void>
}

const log = createLogger('server')

/** Rejects with the listen error (its `code` says EADDRINUSE, EACCES...) when the port is taken. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? createToken()
  const root = await realpath(options.rendererDir)
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { address, port } = server.address() as AddressInfo
  const headers = securityHeaders(port)
  const events = createEventSocket({ host: options.host, token, port, headers })

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    if (!isOwnOrigin(req, port)) {
      log.warn('request refused: foreign Host or Origin', { path: pathOf(req.url) })
      return sendRefusal(res, 403, 'Foreign Host or Origin')
    }
    const target = req.url ?? ''
    // Only origin-form targets: an absolute URL here would be a proxy request.
    if (!target.startsWith('/')) return sendRefusal(res, 400, 'Not a path')
    const pathname = pathOf(target)
    if (pathname.startsWith(HTTP_API_PREFIX)) {
      return handleApiRequest(req, res, pathname, { host: options.host, token })
    }
    return serveStatic(req, res, pathname, root)
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((error: unknown) => {
      const fields = { path: pathOf(req.url), ...errorFields(error) }
      // A client that goes away mid-answer is routine; anything else is a bug worth seeing.
      if (req.destroyed || res.destroyed) log.debug('client went away', fields)
      else log.error('request failed', fields)
      if (!res.headersSent) sendRefusal(res, 500, 'The server failed to answer this request')
      else res.destroy()
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    events.upgrade(req, socket, head),
  )
  log.info('browser mode listening', { port })

  let closing: Promise<void> | undefined
  const close = (): Promise<void> => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await events.close()
      await stopped
      log.info('browser mode stopped', { port })
    })()
    return closing
  }

  return { url: `http://127.0.0.1:${port}/?token=${token}`, port, address, token, close }
}

/** The path without the query, which may hold the token and must never reach a log. */
function pathOf(url: string | undefined): string {
  return (url ?? '').split('?', 1)[0] ?? ''
}
