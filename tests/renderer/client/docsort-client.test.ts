import { describe, expect, it, vi } from 'vitest'
import type { DocsortApi, Envelope } from '../../../src/shared/api'
import { ApiError, ConnectionError } from '../../../src/renderer/src/lib/client/api-error'
import { DocsortClient } from '../../../src/renderer/src/lib/client/docsort-client'

/** A transport whose invoke answers with `reply`; the spy is returned beside it to assert on. */
function apiAnswering(reply: () => Promise<Envelope<unknown>>): {
  api: DocsortApi
  invoke: ReturnType<typeof vi.fn>
} {
  const invoke = vi.fn(reply)
  const api: DocsortApi = { invoke: invoke as DocsortApi['invoke'], on: () => () => {} }
  return { api, invoke }
}

describe('DocsortClient', () => {
  it('returns the value when the envelope is ok', async () => {
    const { api, invoke } = apiAnswering(() =>
      Promise.resolve({ ok: true, value: { enabled: true } }),
    )
    const client = new DocsortClient(api)

    const value = await client.request('watch:pause', { paused: true })

    expect(value).toEqual({ enabled: true })
    expect(invoke).toHaveBeenCalledWith('watch:pause', { paused: true })
  })

  it('throws an ApiError carrying the serialized error when the envelope is not ok', async () => {
    const error = { code: 'sort/target-exists', message: 'exists', path: '/d/a.pdf' } as const
    const client = new DocsortClient(apiAnswering(() => Promise.resolve({ ok: false, error })).api)

    const failure: unknown = await client
      .request('suggestion:accept', { id: 1 })
      .catch((e: unknown) => e)

    expect(failure).toBeInstanceOf(ApiError)
    expect((failure as ApiError).error).toEqual(error)
    expect((failure as ApiError).code).toBe('sort/target-exists')
    expect((failure as ApiError).request).toBe('suggestion:accept')
  })

  it('throws a ConnectionError when the transport rejects', async () => {
    const client = new DocsortClient(
      apiAnswering(() => Promise.reject(new Error('socket hang up'))).api,
    )

    const failure: unknown = await client.request('app:state', {}).catch((e: unknown) => e)

    expect(failure).toBeInstanceOf(ConnectionError)
    expect((failure as ConnectionError).message).toContain('socket hang up')
  })

  it('hands event subscriptions to the transport and returns its unsubscribe', () => {
    const off = vi.fn()
    const on = vi.fn(() => off)
    const api: DocsortApi = { invoke: vi.fn(), on }
    const listener = vi.fn()

    const unsubscribe = new DocsortClient(api).on('inbox:changed', listener)
    unsubscribe()

    expect(on).toHaveBeenCalledWith('inbox:changed', listener)
    expect(off).toHaveBeenCalledOnce()
  })

  it('reports connection changes only when the transport has a source for them', () => {
    const { api } = apiAnswering(() => Promise.resolve({ ok: true, value: null }))
    let notify: (online: boolean) => void = () => {}
    const source = {
      onConnectionChange: (listener: (online: boolean) => void) => {
        notify = listener
        return () => {}
      },
    }
    const seen: boolean[] = []

    new DocsortClient(api).onConnectionChange((online) => seen.push(online))
    new DocsortClient(api, source).onConnectionChange((online) => seen.push(online))
    notify(false)

    expect(seen).toEqual([false])
  })
})
