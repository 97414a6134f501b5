/**
 * Fault injection on the mover: 1,000 journaled moves in a child process that is SIGKILLed at
 * seeded random points, with recover() after every kill, then a scan for lost and duplicated
 * files. Sets exit code 1 when any file was lost or duplicated. DOCSORT_FAULTS_SEED and
 * DOCSORT_FAULTS_MOVES override the seed and the number of moves.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCrashLoop } from '../../tests/main/sort/crash-harness'
import { round, type SuiteOptions } from './common'

const DEFAULT_SEED = 20261204
const DEFAULT_MOVES = 1000

export async function runSuite({ json }: SuiteOptions): Promise<void> {
  const seed = readPositiveInteger('DOCSORT_FAULTS_SEED', DEFAULT_SEED)
  const moves = readPositiveInteger('DOCSORT_FAULTS_MOVES', DEFAULT_MOVES)
  const work = await mkdtemp(join(tmpdir(), 'docsort-faults-'))
  try {
    // Keep going past a broken invariant so the counts cover every move.
    const report = await runCrashLoop({ workDir: work, moves, seed, stopOnViolation: false })
    const figures = {
      moves: report.moves,
      seed,
      kills: report.kills,
      journalKills: report.journalKills,
      completed: report.completed,
      rolledBack: report.rolledBack,
      filesLost: report.filesLost,
      filesDuplicated: report.filesDuplicated,
      seconds: round(report.durationMs / 1000, 1),
    }
    if (report.filesLost > 0 || report.filesDuplicated > 0) process.exitCode = 1
    if (json) {
      console.log(JSON.stringify({ ...figures, violations: report.violations }))
      return
    }
    console.table([{ ...figures, violations: report.violations.length }])
    for (const violation of report.violations.slice(0, 20)) console.log(`  violation: ${violation}`)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

function readPositiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`)
  }
  return value
}
