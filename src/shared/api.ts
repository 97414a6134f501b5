/**
 * The contract between the renderer and the main process: request names with their parameters
 * and results, event names with their payloads. Channel strings appear nowhere else.
 */
import type { SerializedError } from './errors'

export interface CategorySummary {
  name: string
  folder: string
  documents: number
}

export interface LibraryStatus {
  dataDir: string
  model: { version: string; labels: string[] } | null
  categories: CategorySummary[]
}

export interface Requests {
  'library:status': { params: Record<string, never>; result: LibraryStatus }
}

export type RequestName = keyof Requests

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: SerializedError }

export interface DocsortApi {
  invoke<N extends RequestName>(
    name: N,
    params: Requests[N]['params'],
  ): Promise<Envelope<Requests[N]['result']>>
}

export const REQUEST_NAMES: readonly RequestName[] = ['library:status']
