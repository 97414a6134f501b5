/**
 * The browser mode's event stream: one WebSocket that reconnects with exponential backoff and hands
 * every parsed EventMessage to a callback. It does not replay what was missed while down; listeners
 * of the connection change reload instead.
 */
import type { EventMessage } from '../../../../shared/api'

/** The part of a WebSocket this module uses, so tests can hand in a fake. */
export interface SocketLike {
  onopen: ((event: unknown) => void) | null
  onclose: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
  close(): void
}

export interface Backoff {
  initialMs: number
  maxMs: number
}

export interface EventSocketOptions {
  url: string
  createSocket: (url: string) => SocketLike
  onMessage: (message: EventMessage) => void
  onConnectionChange: (online: boolean) => void
  backoff: Backoff
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 15_000 }

/** Delay before reconnect attempt `attempt` (0-based): doubling from initialMs, capped at maxMs. */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt)
}

export class EventSocket {
  readonly #options: EventSocketOptions
  #socket: SocketLike | null = null
  #attempt = 0
  #timer: ReturnType<typeof setTimeout> | null = null
  #online = false
  #closed = false

  constructor(options: EventSocketOptions) {
    this.#options = options
  }

  open(): void {
    if (this.#closed || this.#socket) return

    const socket = this.#options.createSocket(this.#options.url)
    this.#socket = socket
    socket.onopen = () => {
      this.#attempt = 0
      this.#setOnline(true)
    }
    socket.onmessage = (event) => this.#receive(event.data)
    // An error is always followed by close, which is where the retry is scheduled.
    socket.onerror = () => {}
    socket.onclose = () => {
      this.#socket = null
      this.#setOnline(false)
      this.#scheduleReconnect()
    }
  }

  close(): void {
    this.#closed = true
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    const socket = this.#socket
    this.#socket = null
    if (socket) {
      socket.onclose = null
      socket.close()
    }
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') return
    let message: unknown
    try {
      message = JSON.parse(data)
    } catch {
      // The server only sends JSON; anything else is a proxy's noise and carries no event.
      return
    }
    if (isEventMessage(message)) this.#options.onMessage(message)
  }

  #setOnline(online: boolean): void {
    if (this.#online === online) return
    this.#online = online
    this.#options.onConnectionChange(online)
  }

  #scheduleReconnect(): void {
    if (this.#closed) return

    const delay = backoffDelay(this.#attempt, this.#options.backoff)
    this.#attempt += 1
    this.#timer = setTimeout(() => {
      this.#timer = null
      this.open()
    }, delay)
  }
}

function isEventMessage(value: unknown): value is EventMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    typeof value.name === 'string' &&
    'payload' in value
  )
}
