/**
 * Makes the Debian packages a Python peer needs present, installing them with apt-get when they
 * are missing. It never installs from pip: the peers run on /usr/bin/python3 with Debian's builds.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

export type PackageCheck = { ok: true } | { ok: false; reason: string }

interface Policy {
  installed: boolean
  candidate: boolean
}

async function policy(name: string): Promise<Policy> {
  const { stdout } = await run('apt-cache', ['policy', name])
  const field = (key: string) => new RegExp(`^\\s*${key}:\\s*(\\S+)`, 'm').exec(stdout)?.[1]
  const installed = field('Installed')
  const candidate = field('Candidate')
  return {
    installed: installed !== undefined && installed !== '(none)',
    candidate: candidate !== undefined && candidate !== '(none)',
  }
}

export class DebianPackages {
  private updated = false

  /** Installs what is missing; answers why not when a package cannot be had. */
  async ensure(names: readonly string[]): Promise<PackageCheck> {
    try {
      let missing = await this.missing(names)
      if (missing.length === 0) return { ok: true }
      if (!this.updated) {
        // The package lists of a fresh machine may be empty, which reads as "no candidate".
        await run('apt-get', ['update'], { maxBuffer: 16 * 1024 * 1024 })
        this.updated = true
      }
      for (const name of missing) {
        if (!(await policy(name)).candidate)
          return { ok: false, reason: `apt has no candidate for ${name}` }
      }
      await run('apt-get', ['install', '-y', ...missing], {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        maxBuffer: 64 * 1024 * 1024,
      })
      missing = await this.missing(names)
      return missing.length === 0
        ? { ok: true }
        : { ok: false, reason: `apt-get install left ${missing.join(', ')} missing` }
    } catch (error) {
      return { ok: false, reason: `apt failed: ${(error as Error).message.split('\n')[0]}` }
    }
  }

  private async missing(names: readonly string[]): Promise<string[]> {
    const found: string[] = []
    for (const name of names) if (!(await policy(name)).installed) found.push(name)
    return found
  }
}
