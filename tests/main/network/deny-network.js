/**
 * Preload for `node --import` (ESM, as the package is "type": "module"): every API that could open
 * a socket or resolve a host name records the attempt as one JSON line in the file named by
 * DOCSORT_NETWORK_LOG, then throws. Node runs --import preloads in worker threads too; the guard
 * patches each thread once even when NODE_OPTIONS repeats the preload.
 */
import { appendFileSync } from 'node:fs'
import dgram from 'node:dgram'
import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { syncBuiltinESMExports } from 'node:module'
import net from 'node:net'
import tls from 'node:tls'
import { isMainThread, threadId } from 'node:worker_threads'

const GUARD = Symbol.for('docsort.denyNetwork')
const logPath = process.env.DOCSORT_NETWORK_LOG

if (!logPath) throw new Error('deny-network.js: set DOCSORT_NETWORK_LOG to the record file')

if (!globalThis[GUARD]) {
  globalThis[GUARD] = true
  deny(net.Socket.prototype, 'connect', 'net.Socket.connect')
  deny(net, 'connect', 'net.connect')
  deny(net, 'createConnection', 'net.createConnection')
  deny(tls, 'connect', 'tls.connect')
  deny(dgram, 'createSocket', 'dgram.createSocket')
  deny(http, 'request', 'http.request')
  deny(http, 'get', 'http.get')
  deny(https, 'request', 'https.request')
  deny(https, 'get', 'https.get')
  deny(dns, 'lookup', 'dns.lookup')
  deny(dns.promises, 'lookup', 'dns.promises.lookup')
  deny(globalThis, 'fetch', 'fetch')
  // `import { connect } from 'node:net'` reads the ESM named exports, which keep the original
  // functions until they are synced with the patched CommonJS objects.
  syncBuiltinESMExports()
}

function deny(owner, key, api) {
  Object.defineProperty(owner, key, {
    configurable: true,
    writable: true,
    value: function denied(...args) {
      const attempt = {
        api,
        target: describeTarget(args[0]),
        pid: process.pid,
        thread: isMainThread ? 'main' : `worker ${threadId}`,
        stack: new Error().stack?.split('\n').slice(2, 8).join('\n'),
      }
      appendFileSync(logPath, `${JSON.stringify(attempt)}\n`)
      throw new Error(`Network access is denied in this process: ${api}(${attempt.target})`)
    },
  })
}

function describeTarget(value) {
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  if (value instanceof URL) return value.href
  if (value && typeof value === 'object') {
    const { href, url, host, hostname, port, path } = value
    return String(href ?? url ?? `${host ?? hostname ?? ''}:${port ?? path ?? ''}`)
  }
  return typeof value
}
