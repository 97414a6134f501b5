/**
 * Preload for `node --import` (ESM, as the package is "type": "module"): every API that could open
 * a socket or resolve a host name records the attempt as one JSON line in the file named by
 * DOCSORT_NETWORK_LOG, then throws. A server may listen, on a loopback address only (the browser
 * mode); listening anywhere else is recorded and refused too. Node runs --import preloads in
 * worker threads too; the guard patches each thread once even when NODE_OPTIONS repeats the
 * preload.
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
  denyListenBeyondLoopback()
  // `import { connect } from 'node:net'` reads the ESM named exports, which keep the original
  // functions until they are synced with the patched CommonJS objects.
  syncBuiltinESMExports()
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

function denyListenBeyondLoopback() {
  const listen = net.Server.prototype.listen
  net.Server.prototype.listen = function guardedListen(...args) {
    const options = args[0] && typeof args[0] === 'object' ? args[0] : { host: args[1] }
    const host = typeof options.host === 'string' ? options.host : undefined
    // A Unix socket or a pipe (a path) is not the network.
    if (typeof options.path === 'string' || (host !== undefined && LOOPBACK.has(host))) {
      return listen.apply(this, args)
    }
    record('net.Server.listen', String(host ?? 'all interfaces'))
    throw new Error(`Listening beyond loopback is denied in this process: ${String(host)}`)
  }
}

function record(api, target) {
  const attempt = {
    api,
    target,
    pid: process.pid,
    thread: isMainThread ? 'main' : `worker ${threadId}`,
    stack: new Error().stack?.split('\n').slice(3, 9).join('\n'),
  }
  appendFileSync(logPath, `${JSON.stringify(attempt)}\n`)
}

function deny(owner, key, api) {
  const original = owner[key]
  Object.defineProperty(owner, key, {
    configurable: true,
    writable: true,
    value: function denied(...args) {
      // listen() "looks up" its host even when it is an IP literal; that asks no DNS server.
      if (api.includes('lookup') && LOOPBACK.has(args[0]) && net.isIP(args[0]) !== 0) {
        return original.apply(this, args)
      }
      const target = describeTarget(args[0])
      record(api, target)
      throw new Error(`Network access is denied in this process: ${api}(${target})`)
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
