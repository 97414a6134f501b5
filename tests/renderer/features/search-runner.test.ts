import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  QUERY_MAX_LENGTH,
  SEARCH_DELAY_MS,
  SearchRunner,
  normalizeQuery,
  type SearchListener,
} from '../../../src/renderer/src/features/categories/search-runner'

interface Pending {
  query: string
  resolve: (hits: string[]) => void
  reject: (failure: unknown) => void
}

/** A search whose answers the test hands out one by one, in any order. */
function controlledSearch(): { search: (query: string) => Promise<string[]>; pending: Pending[] } {
  const pending: Pending[] = []
  const search = (query: string): Promise<string[]> =>
    new Promise((resolve, reject) => pending.push({ query, resolve, reject }))
  return { search, pending }
}

function recorder(): SearchListener<string[]> & { events: string[] } {
  const events: string[] = []
  return {
    events,
    started: (query) => events.push(`started ${query}`),
    answered: (query, hits) => events.push(`answered ${query}: ${hits.join(',')}`),
    failed: (query, failure) => events.push(`failed ${query}: ${String(failure)}`),
    cleared: () => events.push('cleared'),
  }
}

/** A runner over a controlled search, with a listener that records what it is told. */
function started(): {
  pending: Pending[]
  listener: ReturnType<typeof recorder>
  runner: SearchRunner<string[]>
} {
  const { search, pending } = controlledSearch()
  const listener = recorder()
  return { pending, listener, runner: new SearchRunner(search, listener) }
}

/** Two requests in flight: "inv", then "invoice". */
function sendInvThenInvoice(runner: SearchRunner<string[]>): void {
  runner.type('inv')
  vi.advanceTimersByTime(SEARCH_DELAY_MS)
  runner.type('invoice')
  vi.advanceTimersByTime(SEARCH_DELAY_MS)
}

/** Lets the awaits inside the runner go on after a promise settled. */
async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0)
}

describe('normalizeQuery', () => {
  it('trims the text when it has spaces around it', () => {
    expect(normalizeQuery('  简历 ')).toBe('简历')
  })

  it('returns null when the text is only white space', () => {
    expect(normalizeQuery(' \t ')).toBeNull()
  })

  it('cuts the query to what main accepts when the text is longer', () => {
    expect(normalizeQuery('a'.repeat(QUERY_MAX_LENGTH + 20))).toHaveLength(QUERY_MAX_LENGTH)
  })
})

describe('SearchRunner', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends one request for the last text when typing pauses', async () => {
    const { pending, listener, runner } = started()

    runner.type('i')
    runner.type('in')
    runner.type('inv')
    vi.advanceTimersByTime(SEARCH_DELAY_MS - 1)
    expect(pending).toHaveLength(0)

    vi.advanceTimersByTime(1)
    pending[0]?.resolve(['a.pdf'])
    await settle()

    expect(pending.map((p) => p.query)).toEqual(['inv'])
    expect(listener.events).toEqual(['started inv', 'answered inv: a.pdf'])
  })

  it('drops the older answer when it arrives after a newer one', async () => {
    // given two requests in flight, for "inv" and then "invoice"
    const { pending, listener, runner } = started()
    sendInvThenInvoice(runner)

    // when the newer answer comes first and the older one after it
    pending[1]?.resolve(['invoice.pdf'])
    await settle()
    pending[0]?.resolve(['inventory.txt', 'invoice.pdf'])
    await settle()

    // then only the newer answer was reported
    expect(listener.events).toEqual([
      'started inv',
      'started invoice',
      'answered invoice: invoice.pdf',
    ])
  })

  it('drops an older failure when a newer request is out', async () => {
    const { pending, listener, runner } = started()
    sendInvThenInvoice(runner)

    pending[0]?.reject(new Error('offline'))
    await settle()
    pending[1]?.resolve([])
    await settle()

    expect(listener.events).toEqual(['started inv', 'started invoice', 'answered invoice: '])
  })

  it('reports the failure of the newest request', async () => {
    const { pending, listener, runner } = started()

    runner.type('resume')
    runner.now()
    pending[0]?.reject(new Error('offline'))
    await settle()

    expect(listener.events).toEqual(['started resume', 'failed resume: Error: offline'])
  })

  it('clears at once and drops the answer on its way when the field is emptied', async () => {
    // given a request in flight and another waiting for the typing pause
    const { pending, listener, runner } = started()
    runner.type('invoice')
    runner.now()
    runner.type('invoices')

    // when the field is emptied and the first answer arrives afterwards
    runner.type('   ')
    pending[0]?.resolve(['invoice.pdf'])
    await settle()
    vi.advanceTimersByTime(SEARCH_DELAY_MS)

    // then nothing was reported after the clear and no second request went out
    expect(listener.events).toEqual(['started invoice', 'cleared'])
    expect(pending).toHaveLength(1)
    expect(runner.query).toBeNull()
  })

  it('sends nothing new when only white space around the query changed', () => {
    const { search, pending } = controlledSearch()
    const runner = new SearchRunner(search, recorder())
    runner.type('invoice')
    vi.advanceTimersByTime(SEARCH_DELAY_MS)

    runner.type('invoice ')
    vi.advanceTimersByTime(SEARCH_DELAY_MS)

    expect(pending.map((p) => p.query)).toEqual(['invoice'])
  })

  it('searches the current query again after a pause when refreshed', async () => {
    const { pending, listener, runner } = started()
    runner.type('简历')
    runner.now()
    pending[0]?.resolve(['a.docx'])
    await settle()

    runner.refresh()
    runner.refresh()
    vi.advanceTimersByTime(SEARCH_DELAY_MS)
    pending[1]?.resolve(['a.docx', 'b.docx'])
    await settle()

    expect(pending.map((p) => p.query)).toEqual(['简历', '简历'])
    expect(listener.events.at(-1)).toBe('answered 简历: a.docx,b.docx')
  })

  it('sends nothing when refreshed with an empty field', () => {
    const { search, pending } = controlledSearch()
    const runner = new SearchRunner(search, recorder())

    runner.refresh()
    runner.now()
    vi.advanceTimersByTime(SEARCH_DELAY_MS)

    expect(pending).toHaveLength(0)
  })

  it('reports nothing after dispose, whatever is still on its way', async () => {
    const { pending, listener, runner } = started()
    runner.type('invoice')
    runner.now()
    runner.type('invoices')

    runner.dispose()
    pending[0]?.resolve(['invoice.pdf'])
    await settle()
    vi.advanceTimersByTime(SEARCH_DELAY_MS)

    expect(listener.events).toEqual(['started invoice'])
    expect(pending).toHaveLength(1)
  })
})
