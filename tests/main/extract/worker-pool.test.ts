import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../src/shared/errors'
import {
  WorkerFailure,
  WorkerPool,
  type WorkerPoolOptions,
} from '../../../src/main/extract/worker-pool'
import workerPath from '../../fixtures/extract/pool-test-worker?modulePath'
import type { TestJob, TestResult } from '../../fixtures/extract/pool-test-worker'

const pools: WorkerPool<TestJob, TestResult>[] = []

function makePool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<TestJob, TestResult> {
  const pool = new WorkerPool<TestJob, TestResult>({
    workerPath,
    size: 1,
    timeoutMs: 5_000,
    maxHeapMb: 64,
    maxRssGrowthMb: 4_096,
    ...options,
  })
  pools.push(pool)
  return pool
}

async function failureOf(promise: Promise<unknown>): Promise<WorkerFailure> {
  const error: unknown = await promise.then(
    () => new Error('expected the job to fail'),
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(WorkerFailure)
  return error as WorkerFailure
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

describe('WorkerPool', () => {
  it('returns the result and reuses the same worker for the next job', async () => {
    const pool = makePool()

    const first = await pool.run({ op: 'echo', value: 'a' })
    const second = await pool.run({ op: 'echo', value: 'b' })

    expect(first.value).toBe('a')
    expect(second.value).toBe('b')
    expect(second.threadId).toBe(first.threadId)
  })

  it('rebuilds an AppError the job threw, with code, message and path', async () => {
    const pool = makePool()

    const error: unknown = await pool.run({ op: 'reject-app-error' }).catch((e: unknown) => e)

    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({
      code: 'extract/corrupt',
      message: 'fixture.pdf is damaged',
      path: '/tmp/fixture.pdf',
    })
  })

  it('maps a non-AppError thrown by the job through the serializer fallback', async () => {
    const pool = makePool()

    const error: unknown = await pool.run({ op: 'reject-plain-error' }).catch((e: unknown) => e)

    expect(error).toMatchObject({ code: 'input/invalid', message: 'unexpected: TypeError: boom' })
  })

  it('times out a job that never yields and runs the next job on a fresh worker', async () => {
    const pool = makePool({ timeoutMs: 300 })
    const before = await pool.run({ op: 'echo', value: 'x' })

    const failure = await failureOf(pool.run({ op: 'spin' }))
    const after = await pool.run({ op: 'echo', value: 'y' })

    expect(failure.kind).toBe('timeout')
    expect(after.value).toBe('y')
    expect(after.threadId).not.toBe(before.threadId)
  })

  it('does not count worker start-up against the job timeout', async () => {
    const pool = makePool({ timeoutMs: 5 })

    const result = await pool.run({ op: 'echo', value: 'fresh' })

    expect(result.value).toBe('fresh')
  })

  it('rejects with crashed when the worker exits in the middle of a job', async () => {
    const pool = makePool()

    const failure = await failureOf(pool.run({ op: 'exit' }))

    expect(failure.kind).toBe('crashed')
    expect(failure.message).toContain('code 3')
    expect((await pool.run({ op: 'echo', value: 'ok' })).value).toBe('ok')
  })

  it('rejects with crashed when an uncaught exception kills the worker', async () => {
    const pool = makePool()

    const failure = await failureOf(pool.run({ op: 'throw-later' }))

    expect(failure.kind).toBe('crashed')
    expect(failure.message).toContain('uncaught in worker')
  })

  it('reports out-of-memory when a job passes the V8 heap cap', async () => {
    const pool = makePool({ maxHeapMb: 32, timeoutMs: 20_000 })

    const failure = await failureOf(pool.run({ op: 'fill-heap' }))

    expect(failure.kind).toBe('out-of-memory')
    expect((await pool.run({ op: 'echo', value: 'still here' })).value).toBe('still here')
  })

  it('ends a job whose off-heap memory grows the process past the RSS allowance', async () => {
    const pool = makePool({ maxRssGrowthMb: 150, rssSampleMs: 50, timeoutMs: 20_000 })

    const failure = await failureOf(pool.run({ op: 'fill-external', mbPerTick: 16 }))

    expect(failure.kind).toBe('out-of-memory')
    expect(failure.message).toMatch(/grew by \d+ MiB during the job \(allowance 150 MiB\)/)
  })

  it('runs jobs side by side up to its size and queues the rest', async () => {
    const pool = makePool({ size: 2 })

    const started = performance.now()
    const results = await Promise.all([
      pool.run({ op: 'sleep', ms: 300 }),
      pool.run({ op: 'sleep', ms: 300 }),
      pool.run({ op: 'sleep', ms: 300 }),
    ])
    const elapsed = performance.now() - started

    expect(new Set(results.map((r) => r.threadId)).size).toBe(2)
    // Two rounds of 300 ms: the third job waited for a free worker.
    expect(elapsed).toBeGreaterThanOrEqual(590)
  })

  it('rejects running and queued jobs with closed when closed, and refuses new ones', async () => {
    const pool = makePool()
    const running = failureOf(pool.run({ op: 'sleep', ms: 10_000 }))
    const queued = failureOf(pool.run({ op: 'echo', value: 'never' }))
    await new Promise((resolve) => setTimeout(resolve, 100))

    await pool.close()

    expect((await running).kind).toBe('closed')
    expect((await queued).kind).toBe('closed')
    expect((await failureOf(pool.run({ op: 'echo', value: 'late' }))).kind).toBe('closed')
  })

  it('refuses a size that is not a positive integer', () => {
    expect(() => makePool({ size: 0 })).toThrow(/positive integer, got 0/)
  })
})
