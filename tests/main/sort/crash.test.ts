import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { countLostAndDuplicated, runCrashLoop } from './crash-harness'
import { put, sha256, tempDir } from './support'

describe('Mover under SIGKILL', () => {
  it('keeps every file exactly once with its bytes when killed at random points', async () => {
    // Given 80 files with colliding names, half moved by copy and half by link,
    // when the moving process is killed again and again and recover() runs after each kill,
    // then no file is lost, duplicated or altered, and no partial copy is left.
    const { dir, dispose } = tempDir('docsort-crash-')
    try {
      const report = await runCrashLoop({
        workDir: dir,
        moves: 80,
        seed: 20261204,
      })

      expect(report.violations).toEqual([])
      expect({ lost: report.filesLost, duplicated: report.filesDuplicated }).toEqual({
        lost: 0,
        duplicated: 0,
      })
      expect(report.kills).toBeGreaterThanOrEqual(5)
      // Each kill right after a journal write left a pending row for recover() to settle; timed
      // kills may add more, depending on how fast this machine moves files.
      expect(report.journalKills).toBeGreaterThanOrEqual(2)
      expect(report.completed + report.rolledBack).toBeGreaterThanOrEqual(report.journalKills)
    } finally {
      dispose()
    }
  }, 60_000)
})

describe('countLostAndDuplicated', () => {
  it('counts a missing, an altered and a doubled original when the folders hold them', () => {
    // Given four originals: one intact, one gone, one truncated, one at two paths,
    // when the folders are scanned,
    // then the gone and the truncated ones are lost and the doubled one is duplicated.
    const { dir, dispose } = tempDir('docsort-crash-count-')
    try {
      const originals = ['intact', 'gone', 'truncated', 'doubled'].map((n) => `${n} bytes`)
      put(join(dir, 'in', '0', 'a.txt'), originals[0] ?? '')
      put(join(dir, 'docs', 'c0', 'c.txt'), 'truncated')
      put(join(dir, 'in', '3', 'd.txt'), originals[3] ?? '')
      put(join(dir, 'docs', 'c1', 'd.txt'), originals[3] ?? '')

      const counts = countLostAndDuplicated(dir, new Set(originals.map((o) => sha256(o))))

      expect(counts).toEqual({ filesLost: 2, filesDuplicated: 1 })
    } finally {
      dispose()
    }
  })
})
