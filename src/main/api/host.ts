/**
 * What a transport (Electron IPC, the browser-mode HTTP server) needs from the main process:
 * invoke a request by name with untrusted params and get an envelope back, and subscribe to
 * events. Validation and error wrapping happen behind this interface, never in a transport.
 */
import type { Envelope, EventMessage } from '../../shared/api'

export interface ApiHost {
  /** Never rejects: an unknown name, bad params or a failed service all come back as ok: false. */
  invoke(name: string, params: unknown): Promise<Envelope<unknown>>
  /** Returns a function that removes the listener. */
  subscribe(listener: (event: EventMessage) => void): () => void
}

/** What only the desktop shell can do; the browser mode has none of it. */
export interface DesktopBridge {
  pickFolder(): Promise<string | null>
  openPath(path: string): Promise<void>
  revealPath(path: string): void
  setStartAtLogin(enabled: boolean): void
}
