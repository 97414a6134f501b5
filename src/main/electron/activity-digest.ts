/**
 * Turns the service's event stream into the few things worth a desktop notification: files the
 * watcher sorted on its own, and files newly waiting for review. Events are gathered for a short
 * window so that a dropped folder of twenty files makes one notification, not twenty. Decides
 * what to say, not how to show it; imports no electron.
 */
import type { EventMessage } from '../../shared/api'

export type Digest =
  { kind: 'sorted'; count: number; names: string[] } | { kind: 'waiting'; count: number }

export interface DigestOptions {
  /** How long after the first event of a burst the digest is sent, in milliseconds. */
  windowMs?: number
  /** The inbox size when the shell started, so that only growth after it is announced. */
  initialInbox?: number
}

const DEFAULT_WINDOW_MS = 3000

export class ActivityDigest {
  readonly #send: (digest: Digest) => void
  readonly #windowMs: number
  #sortedNames: string[] = []
  #inbox: number
  /** The inbox size when the current burst of growth began; null when no burst is open. */
  #inboxBefore: number | null = null
  #timer: ReturnType<typeof setTimeout> | null = null

  constructor(send: (digest: Digest) => void, options: DigestOptions = {}) {
    this.#send = send
    this.#windowMs = options.windowMs ?? DEFAULT_WINDOW_MS
    this.#inbox = options.initialInbox ?? 0
  }

  observe(event: EventMessage): void {
    if (event.name === 'file:moved' && event.payload.automatic && !event.payload.undone) {
      this.#sortedNames.push(baseName(event.payload.to))
      this.#arm()
    } else if (event.name === 'inbox:changed') {
      this.#inboxChanged(event.payload.count)
    }
  }

  /** Drops what is pending; nothing is announced after the shell stops. */
  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    this.#sortedNames = []
    this.#inboxBefore = null
  }

  #flush(): void {
    this.#timer = null
    if (this.#sortedNames.length > 0) {
      this.#send({ kind: 'sorted', count: this.#sortedNames.length, names: this.#sortedNames })
      this.#sortedNames = []
    }
    if (this.#inboxBefore !== null && this.#inbox > this.#inboxBefore) {
      this.#send({ kind: 'waiting', count: this.#inbox })
    }
    this.#inboxBefore = null
  }

  #inboxChanged(count: number): void {
    if (count > this.#inbox && this.#inboxBefore === null) {
      this.#inboxBefore = this.#inbox
      this.#arm()
    }
    this.#inbox = count
  }

  #arm(): void {
    if (this.#timer === null) this.#timer = setTimeout(() => this.#flush(), this.#windowMs)
  }
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}
