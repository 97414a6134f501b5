import { describe, expect, it } from 'vitest'
import { runCrashLoop } from './crash-harness'
import { tempDir } from './support'

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
      expect(report.kills).toBeGreaterThanOrEqual(5)
      // Kills that landed inside a move left a pending row for recover() to settle.
      expect(report.completed + report.rolledBack).toBeGreaterThanOrEqual(2)
    } finally {
      dispose()
    }
  }, 60_000)
})
