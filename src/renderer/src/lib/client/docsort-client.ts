/**
 * What screens talk to: one request method that unwraps the envelope (throwing ApiError or
 * ConnectionError) and event subscription, over whichever transport main.ts picked.
 */
import type {
  DocsortApi,
  EventName,
  Events,
  Params,
  RequestName,
  Result,
} from '../../../../shared/api'
import { ApiError, ConnectionError } from './api-error'
import type { ConnectionSource } from './connection'

export class DocsortClient {
  readonly #api: DocsortApi
  readonly #connection: ConnectionSource | null

  constructor(api: DocsortApi, connection: ConnectionSource | null = null) {
    this.#api = api
    this.#connection = connection
  }

  async request<N extends RequestName>(name: N, params: Params<N>): Promise<Result<N>> {
    let envelope
    try {
      envelope = await this.#api.invoke(name, params)
    } catch (cause) {
      throw new ConnectionError(name, cause)
    }
    if (!envelope.ok) throw new ApiError(name, envelope.error)
    return envelope.value
  }

  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    return this.#api.on(name, listener)
  }

  /** The IPC transport never drops, so without a source the app is always online. */
  onConnectionChange(listener: (online: boolean) => void): () => void {
    return this.#connection?.onConnectionChange(listener) ?? (() => {})
  }
}
