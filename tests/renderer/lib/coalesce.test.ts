import { describe, expect, it } from 'vitest'
import { coalesce } from '../../../src/renderer/src/lib/coalesce'

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {}
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('coalesce', () => {
  it('runs once more after the current run when called during it, however often', async () => {
    // given a load that is still running
    const gates = [deferred(), deferred()]
    let runs = 0
    let concurrent = 0
    let maxConcurrent = 0
    const reload = coalesce(async () => {
      const gate = gates[runs]
      runs += 1
      concurrent += 1
      maxConcurrent = Math.max(maxConcurrent, concurrent)
      await gate?.promise
      concurrent -= 1
    })
    const first = reload()

    // when three more calls arrive meanwhile
    const calls = [reload(), reload(), reload()]
    gates[0]?.resolve()
    gates[1]?.resolve()
    await Promise.all([first, ...calls])

    // then there was exactly one more run, never two at once
    expect(runs).toBe(2)
    expect(maxConcurrent).toBe(1)
  })

  it('starts afresh once the previous burst has finished', async () => {
    let runs = 0
    const reload = coalesce(() => {
      runs += 1
      return Promise.resolve()
    })

    await reload()
    await reload()

    expect(runs).toBe(2)
  })
})
