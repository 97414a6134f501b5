/** Shared helpers of the benchmark suites. */
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'

export const run = promisify(execFile)
export const SHARED = resolve(process.cwd(), '../shared')

export interface SuiteOptions {
  json: boolean
  epochs: number | undefined
}

export function round(value: number, digits = 4): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}
