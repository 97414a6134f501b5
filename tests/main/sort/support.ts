import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function hashOf(path: string): string {
  return sha256(readFileSync(path))
}

export function tempDir(prefix = 'docsort-sort-'): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Writes `content` at `path`, creating folders, and returns the path. */
export function put(path: string, content: string | Buffer): string {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
  return path
}

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}
