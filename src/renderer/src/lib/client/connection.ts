/** Implemented by transports that can lose the app (the browser's WebSocket), not by IPC. */
export interface ConnectionSource {
  /** Called with false when the event stream drops and true when it is back. */
  onConnectionChange(listener: (online: boolean) => void): () => void
}
