import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  EventMessage,
  EventName,
  Events,
  Params,
  RequestName,
  Result,
} from '../../../src/shared/api'
import { DocsortService } from '../../../src/main/service/docsort-service'

export const DEMO = join(import.meta.dirname, '../../../resources/demo')

export interface ServiceWorld {
  root: string
  library: string
  inbox: string
  service: DocsortService
  events: EventMessage[]
  dispose(): Promise<void>
}

/** A service over a temp data folder, a copy of the demo library and an empty inbox. */
export async function openWorld(): Promise<ServiceWorld> {
  const root = mkdtempSync(join(tmpdir(), 'docsort-service-'))
  const library = join(root, 'library')
  const inbox = join(root, 'inbox')
  cpSync(join(DEMO, 'library'), library, { recursive: true })
  mkdirSync(inbox)
  const service = await DocsortService.open({
    dataDir: join(root, 'data'),
    allowedRoots: [root],
    inbox: {
      watcher: { stabilityThreshold: 300, pollInterval: 50 },
      retry: { firstMs: 200, maxMs: 1000 },
    },
  })
  const events: EventMessage[] = []
  service.subscribe((event) => events.push(event))
  return {
    root,
    library,
    inbox,
    service,
    events,
    async dispose() {
      await service.close()
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** Resolves with the payload of the next `name` event that satisfies `match`. */
export function nextEvent<E extends EventName>(
  world: ServiceWorld,
  name: E,
  match: (payload: Events[E]) => boolean = () => true,
  timeoutMs = 120_000,
): Promise<Events[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`no ${name} event within ${timeoutMs} ms`))
    }, timeoutMs)
    const stop = world.service.subscribe((event) => {
      if (event.name !== name) return
      const payload = event.payload as Events[E]
      if (!match(payload)) return
      clearTimeout(timer)
      stop()
      resolve(payload)
    })
  })
}

/** Invokes a request and returns its value, failing the test with the error otherwise. */
export async function call<N extends RequestName>(
  world: ServiceWorld,
  name: N,
  params: Params<N>,
): Promise<Result<N>> {
  const reply = await world.service.invoke(name, params)
  if (!reply.ok) throw new Error(`${name} failed: ${reply.error.code}: ${reply.error.message}`)
  return reply.value as Result<N>
}
