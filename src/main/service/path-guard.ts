/**
 * Decides which paths from the UI may be used. A path must be written plainly (absolute,
 * normalised, NFC, no `.`/`..` segments, no control or bidi characters); its real location,
 * after symlinks, must lie inside an allowed root (to configure a new folder) or inside a folder
 * already configured (to open or reveal a file). Everything else is `input/path-refused`.
 */
import { mkdir, realpath, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { AppError } from '../../shared/errors'

// Controls (C0, C1), and the bidi marks and overrides that can make a path read as another.
const SUSPICIOUS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u

export class PathGuard {
  constructor(
    private readonly allowedRoots: () => readonly string[],
    private readonly configuredFolders: () => readonly string[],
  ) {}

  /**
   * A folder the user configures (category, watched, import): an existing folder under a root.
   * With `create`, a missing folder whose parent exists under a root is created, as a new
   * category's folder may well not exist yet.
   */
  async newFolder(input: string, options: { create?: boolean } = {}): Promise<string> {
    const raw = withoutTrailingSeparators(input)
    if (options.create && writingProblem(raw) === null && !(await exists(raw))) {
      const parent = await this.newFolder(dirname(raw))
      await mkdir(join(parent, basename(raw)))
    }
    const real = await realLocation(raw)
    if (!(await isDirectory(real))) {
      throw new AppError('input/invalid', `"${raw}" is not a folder`, { path: raw })
    }
    await assertInside(raw, real, this.allowedRoots(), 'outside the folders Docsort may use')
    return real
  }

  /** A file or folder the UI names (to open or reveal): inside a configured folder. */
  async configuredPath(input: string): Promise<string> {
    const raw = withoutTrailingSeparators(input)
    const real = await realLocation(raw)
    await assertInside(raw, real, this.configuredFolders(), 'outside the configured folders')
    return real
  }
}

/** Checks how the path is written, then resolves symlinks; a missing path is `input/invalid`. */
async function realLocation(raw: string): Promise<string> {
  const reason = writingProblem(raw)
  if (reason) throw refused(raw, reason)
  try {
    return await realpath(raw)
  } catch (error) {
    throw new AppError('input/invalid', `"${raw}" does not exist or cannot be read`, {
      path: raw,
      cause: error,
    })
  }
}

/** "/home/ann/Inbox/" as "/home/ann/Inbox": a pasted path often ends in a separator. */
function withoutTrailingSeparators(raw: string): string {
  const trimmed = raw.replace(/[\\/]+$/, '')
  return trimmed === '' || /^[A-Za-z]:$/.test(trimmed) ? raw : trimmed
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

function writingProblem(raw: string): string | null {
  if (!isAbsolute(raw)) return 'it is not an absolute path'
  if (SUSPICIOUS.test(raw)) return 'it contains control or direction characters'
  if (raw.normalize('NFC') !== raw) return 'it is not in Unicode normal form C'
  if (raw.split(/[\\/]/).some((part) => part === '.' || part === '..')) {
    return 'it contains "." or ".." segments'
  }
  if (resolve(raw) !== raw) return 'it is not written in its plain form'
  return null
}

async function assertInside(
  raw: string,
  real: string,
  roots: readonly string[],
  reason: string,
): Promise<void> {
  for (const root of roots) {
    const realRoot = await realpath(root).catch(() => null)
    if (realRoot !== null && isInside(realRoot, real)) return
  }
  throw refused(raw, reason)
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path)).isDirectory()
}

function refused(raw: string, reason: string): AppError {
  return new AppError('input/path-refused', `Refused the path "${raw}": ${reason}`, { path: raw })
}
