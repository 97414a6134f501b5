/**
 * The WebSocket at EVENTS_PATH: accepts an upgrade only with this server's Host and Origin and the
 * token in the query, then forwards every host event to the socket as JSON text. Clients never
 * send anything that is read.
 */
import type { IncomingMessage } from 'node:http'
import { STATUS_CODES } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { EVENTS_PATH, TOKEN_QUERY } from '../../shared/api'
import type { ApiHost } from '../api/host'
import { createLogger, errorFields } from '../log/logger'
import { isOwnOrigin, isTokenValid } from './request-guard'

/** How long a client gets to answer the closing handshake before its socket is cut. */
const CLOSE_GRACE_MS = 1000

const log = createLogger('server')

export interface EventSocket {
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  close(): Promise<void>
}

export function createEventSocket(options: {
  host: ApiHost
  token: string
  port: number
  headers: Record<string, string>
}): EventSocket {
  // A client has nothing to say: a small cap closes a socket that floods instead.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 })

  const refusal = (req: IncomingMessage): { status: number; message: string } | null => {
    if (!isOwnOrigin(req, options.port)) return { status: 403, message: 'Foreign Host or Origin' }
    const [path, query = ''] = (req.url ?? '').split('?', 2)
    if (path !== EVENTS_PATH) return { status: 404, message: 'Not found' }
    const token = new URLSearchParams(query).get(TOKEN_QUERY)
    if (!isTokenValid(token, options.token)) {
      return { status: 401, message: 'Missing or wrong token' }
    }
    return null
  }

  const attach = (ws: WebSocket): void => {
    const unsubscribe = options.host.subscribe((event) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event))
    })
    ws.on('close', unsubscribe)
    ws.on('error', (error) => log.debug('event socket failed', errorFields(error)))
    log.debug('event client connected', { clients: wss.clients.size })
  }

  return {
    upgrade(req, socket, head) {
      const refused = refusal(req)
      if (refused) {
        log.warn('event socket refused', { status: refused.status, reason: refused.message })
        // An accepted socket gets ws's own error handling; a refused one needs this.
        socket.on('error', (error) => log.debug('refused socket failed', errorFields(error)))
        return rejectUpgrade(socket, refused.status, refused.message, options.headers)
      }
      wss.handleUpgrade(req, socket, head, attach)
    },

    async close() {
      for (const client of wss.clients) client.close(1001, 'Docsort is stopping')
      const cut = setTimeout(() => {
        for (const client of wss.clients) client.terminate()
      }, CLOSE_GRACE_MS)
      // Called back once the last client is gone.
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      clearTimeout(cut)
    },
  }
}

function rejectUpgrade(
  socket: Duplex,
  status: number,
  message: string,
  headers: Record<string, string>,
): void {
  const body = JSON.stringify({ ok: false, error: { code: 'input/invalid', message } })
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Connection: close',
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
  ]
  // Destroy only once the answer is flushed, or the client sees a reset instead of the status.
  socket.once('finish', () => socket.destroy())
  socket.end(`${lines.join('\r\n')}\r\n\r\n${body}`)
}
