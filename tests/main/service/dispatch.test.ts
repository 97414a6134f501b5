import { describe, expect, it } from 'vitest'
import { dispatch, type Handlers } from '../../../src/main/api/dispatch'
import { AppError } from '../../../src/shared/errors'
import { createLogger } from '../../../src/main/log/logger'

const calls: unknown[] = []
const handlers = new Proxy({} as Handlers, {
  get: (_target, name) => (params: unknown) => {
    calls.push({ name, params })
    if (name === 'category:remove') throw new AppError('library/category-not-found', 'none')
    if (name === 'model:list') throw new TypeError('secret internal detail')
    return Promise.resolve('done')
  },
})
const log = createLogger('test')

describe('dispatch', () => {
  it('passes validated params to the handler and wraps its value', async () => {
    const reply = await dispatch(handlers, 'suggestion:skip', { id: 3 }, log)
    expect(reply).toEqual({ ok: true, value: 'done' })
    expect(calls.at(-1)).toEqual({ name: 'suggestion:skip', params: { id: 3 } })
  })

  it.each([
    ['an unknown request', '__proto__', {}],
    ['a missing parameter', 'category:add', { name: 'x' }],
    ['a parameter of the wrong type', 'suggestion:accept', { id: '3' }],
    ['an extra parameter', 'model:retrain', { force: true }],
    ['a threshold above 1', 'settings:update', { autoSortThreshold: 2 }],
    ['params that are not an object', 'history:list', 'all'],
  ])('answers input/invalid for %s without calling a handler', async (_what, name, params) => {
    const before = calls.length
    const reply = await dispatch(handlers, name, params, log)
    expect(reply).toMatchObject({ ok: false, error: { code: 'input/invalid' } })
    expect(calls.length).toBe(before)
  })

  it('carries an AppError across with its code', async () => {
    const reply = await dispatch(handlers, 'category:remove', { name: 'x' }, log)
    expect(reply).toEqual({
      ok: false,
      error: { code: 'library/category-not-found', message: 'none' },
    })
  })

  it('hides the message of an unexpected error', async () => {
    const reply = await dispatch(handlers, 'model:list', {}, log)
    expect(reply).toEqual({
      ok: false,
      error: { code: 'app/failed', message: 'The request "model:list" failed unexpectedly' },
    })
  })
})
