/**
 * The files under a folder that arrived in a watched folder after watching began (a folder moved
 * or copied in), found without following symlinks. It lists; it does not wait for files to
 * settle or decide what they are.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** Every regular file under `dir`, depth first; names `skip` rejects are not entered. */
export async function* walkFiles(
  dir: string,
  skip: (path: string) => boolean,
): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name)
    if (skip(path)) continue
    if (entry.isDirectory()) yield* walkFiles(path, skip)
    else if (entry.isFile()) yield path
  }
}
