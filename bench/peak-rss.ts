/** The peak memory of another process, read by the benchmarks that start `docsort serve`. */
import { existsSync, readFileSync } from 'node:fs'

/** The process's peak resident set (VmHWM) in MB; Linux only, 0 elsewhere. */
export function peakRssMb(pid: number | undefined): number {
  const status = `/proc/${pid ?? 0}/status`
  if (!existsSync(status)) return 0
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'))
  return match ? Number(match[1]) / 1024 : 0
}
