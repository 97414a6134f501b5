/**
 * What every request to the browser-mode server passes before it is routed: Host and Origin must
 * name this loopback server (a DNS-rebinding page cannot forge them), and the API and event socket
 * need the per-run token. Also the headers every response carries, and the refusal envelope.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Envelope } from '../../shared/api'

export function createToken(): string {
  return randomBytes(32).toString('base64url')
}

export function isTokenValid(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  // timingSafeEqual needs equal lengths; the token's length is no secret.
  return a.length === b.length && timingSafeEqual(a, b)
}

/** True when Host names this server and Origin, if sent, is one of its own two origins. */
export function isOwnOrigin(req: IncomingMessage, port: number): boolean {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  const host = req.headers.host?.toLowerCase()
  if (host === undefined || !hosts.includes(host)) return false
  const origin = req.headers.origin?.toLowerCase()
  return origin === undefined || hosts.some((h) => origin === `http://${h}`)
}

export function securityHeaders(port: number): Record<string, string> {
  const sockets = `ws://127.0.0.1:${port} ws://localhost:${port}`
  return {
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
      `img-src 'self' data:; font-src 'self'; connect-src 'self' ${sockets}; ` +
      "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // The page's own URL holds the token, and every API answer is live state.
    'Cache-Control': 'no-store',
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  })
  res.end(text)
}

/** Refusals use the API's own envelope so that the browser client reads them like any failure. */
export function sendRefusal(res: ServerResponse, status: number, message: string): void {
  const code = status >= 500 ? 'app/failed' : 'input/invalid'
  const envelope: Envelope<never> = { ok: false, error: { code, message } }
  sendJson(res, status, envelope)
}
