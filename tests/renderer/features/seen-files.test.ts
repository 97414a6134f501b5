import { describe, expect, it } from 'vitest'
import type { SeenFileView } from '../../../src/shared/api'
import { upsertSeen } from '../../../src/renderer/src/features/watching/seen-files'

function seen(path: string, status: SeenFileView['status']): SeenFileView {
  return { path, name: path.slice(1), status, at: 0, movedTo: null, error: null }
}

describe('upsertSeen', () => {
  it('puts a new file on top', () => {
    expect(upsertSeen([seen('/a', 'moved')], seen('/b', 'queued')).map((f) => f.path)).toEqual([
      '/b',
      '/a',
    ])
  })

  it('replaces the earlier state of the same file and moves it to the top', () => {
    const files = [seen('/a', 'queued'), seen('/b', 'reading')]

    const next = upsertSeen(files, seen('/b', 'suggested'))

    expect(next.map((f) => [f.path, f.status])).toEqual([
      ['/b', 'suggested'],
      ['/a', 'queued'],
    ])
  })

  it('keeps at most the limit', () => {
    const files = [seen('/a', 'moved'), seen('/b', 'moved')]
    expect(upsertSeen(files, seen('/c', 'queued'), 2).map((f) => f.path)).toEqual(['/c', '/a'])
  })
})
