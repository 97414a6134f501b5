/** Small filesystem steps the mover is built from: hashing, durable copies, directory fsync. */
import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { copyFile, constants, lstat, open, rm, stat } from 'node:fs/promises'
import { pipeline } from 'node:stream/promises'

export interface Fingerprint {
  hash: string
  size: number
  mtimeMs: number
  ino: number
}

export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

/** True for errors that mean "nothing is at this path". */
export function isAbsent(error: unknown): boolean {
  const code = errnoOf(error)
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/** True when anything (a file, a folder, a dangling link) has this name. */
export async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (error) {
    if (isAbsent(error)) return false
    throw error
  }
}

/** SHA-256 of the file's bytes and its stat; throws ECHANGED if it changed while being read. */
export async function fingerprint(path: string): Promise<Fingerprint> {
  const before = await stat(path)
  const hash = await hashFile(path)
  const after = await stat(path)
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
    throw Object.assign(new Error(`"${path}" changed while it was being read`), {
      code: 'ECHANGED',
    })
  }
  return { hash, size: before.size, mtimeMs: before.mtimeMs, ino: before.ino }
}

export async function hashFile(path: string): Promise<string> {
  const digest = createHash('sha256')
  await pipeline(createReadStream(path), digest)
  return digest.digest('hex')
}

/** The file's hash, or null when nothing is there. */
export async function hashIfPresent(path: string): Promise<string | null> {
  try {
    return await hashFile(path)
  } catch (error) {
    if (isAbsent(error)) return null
    throw error
  }
}

/** Copies to a new file (never over an existing one) and flushes it to disk before returning. */
export async function copyDurably(source: string, target: string): Promise<void> {
  await copyFile(source, target, constants.COPYFILE_EXCL)
  const handle = await open(target, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Makes a new or removed directory entry durable; a file's own fsync does not cover its name. */
export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals its metadata instead.
  if (process.platform === 'win32') return
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

export async function removeIfPresent(path: string): Promise<void> {
  await rm(path, { force: true })
}
