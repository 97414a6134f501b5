/**
 * Finds the documents in folders: which files are worth reading, and how a folder tree maps to
 * categories. Hidden files, Office lock files and partial downloads are never candidates.
 */
import type { Dirent } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { AppError } from '../../shared/errors'
import { isSupportedPath } from '../extract/extractor'

const TEMPORARY = /\.(crdownload|part|download|tmp|docsort-partial)$/i

/**
 * Whether a file is a candidate document. Files without an extension are read too (their content
 * decides the format): mail exports and newsgroup archives often have none.
 */
export function isCandidateFile(path: string): boolean {
  return isVisibleFile(path) && (isSupportedPath(path) || extname(path) === '')
}

/** Not hidden, not an Office lock file, not a download in progress. */
export function isVisibleFile(path: string): boolean {
  const name = basename(path)
  return !(name.startsWith('.') || name.startsWith('~$') || TEMPORARY.test(name))
}

async function readFolder(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'ENOTDIR'
          ? 'is a file, not a folder'
          : `cannot be read (${code ?? 'I/O error'})`
    throw new AppError('input/invalid', `${dir} ${reason}`, { path: dir, cause: error })
  }
}

/**
 * The files of a folder, sorted by name. With `all`, every regular file that is not hidden or a
 * partial download, so that unsupported ones can be reported rather than silently skipped.
 */
export async function listFiles(
  dir: string,
  options: { recursive: boolean; all?: boolean },
): Promise<string[]> {
  const entries = await readFolder(dir)
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name)
    if (entry.isFile() && (options.all ? isVisibleFile(path) : isCandidateFile(path)))
      files.push(path)
    else if (entry.isDirectory() && options.recursive && !entry.name.startsWith('.')) {
      files.push(...(await listFiles(path, options)))
    }
  }
  return files
}

export interface CategoryFolder {
  name: string
  folder: string
}

/**
 * A folder whose subfolders hold documents is a library: each subfolder is a category. A folder
 * with documents and no subfolders is itself one category, named after it.
 */
export async function discoverCategories(dir: string): Promise<CategoryFolder[]> {
  const root = resolve(dir)
  const entries = await readFolder(root)
  const subfolders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
  if (subfolders.length === 0) return [{ name: basename(root), folder: root }]
  return subfolders.map((name) => ({ name, folder: join(root, name) }))
}
