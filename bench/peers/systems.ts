/**
 * The systems compared by the classification benchmark: Docsort through its CLI, and the Python
 * peers in this folder. Each trains on a folder-per-category tree and scores another.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { DebianPackages } from './debian-packages'
import { parseSystemResult, type SystemOutcome } from './system-result'

const run = promisify(execFile)

export interface SystemInput {
  train: string
  test: string
  /** Scratch folder the system may write to (Docsort's data dir). */
  scratch: string
  epochs: number | undefined
}

export interface BenchSystem {
  name: string
  run(input: SystemInput): Promise<SystemOutcome>
}

/** Debian's interpreter, not whatever `python3` is first on PATH, sees Debian's packages. */
const PYTHON = '/usr/bin/python3'
const PEERS = import.meta.dirname

interface EvalJson {
  accuracy: number
  documents: number
  skipped: number
}

function failure(error: unknown): SystemOutcome {
  const err = error as Error & { stderr?: string }
  const detail = (err.stderr ?? '').trim().split('\n').at(-1) ?? ''
  return { ok: false, reason: `${err.message.split('\n')[0]}${detail ? `: ${detail}` : ''}` }
}

export function docsortSystem(): BenchSystem {
  return {
    name: 'docsort',
    async run({ train, test, scratch, epochs }) {
      const args = ['bin/docsort.js', 'eval', '--json', '--data-dir', join(scratch, 'data')]
      args.push('--train', train, '--test', test)
      if (epochs !== undefined) args.push('--epochs', String(epochs))
      try {
        const { stdout } = await run('node', args, { maxBuffer: 64 * 1024 * 1024 })
        const result = parseSystemResult(stdout, 'docsort eval')
        const raw = JSON.parse(stdout) as EvalJson
        // Skipped test files count as wrong, so that every system is scored on the same set.
        const total = raw.documents + raw.skipped
        return { ok: true, result: { ...result, accuracy: (raw.accuracy * raw.documents) / total } }
      } catch (error) {
        return failure(error)
      }
    },
  }
}

export function pythonPeer(
  name: string,
  script: string,
  packages: readonly string[],
  apt: DebianPackages,
): BenchSystem {
  return {
    name,
    async run({ train, test }) {
      const check = await apt.ensure(packages)
      if (!check.ok) return { ok: false, reason: check.reason }
      try {
        // No __pycache__ next to the scripts: the source tree stays as committed.
        const { stdout } = await run(PYTHON, [join(PEERS, script), train, test], {
          env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
          maxBuffer: 16 * 1024 * 1024,
        })
        return { ok: true, result: parseSystemResult(stdout, script) }
      } catch (error) {
        return failure(error)
      }
    },
  }
}

export function allSystems(apt: DebianPackages): BenchSystem[] {
  return [
    docsortSystem(),
    pythonPeer('sklearn-svm', 'sklearn_svm.py', ['python3-sklearn'], apt),
    pythonPeer('fasttext', 'fasttext_clf.py', ['python3-fasttext'], apt),
  ]
}
