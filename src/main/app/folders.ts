/**
 * Finds the documents in folders: which files are worth reading, and how a folder tree maps to
 * categories. Hidden files, Office lock files and partial downloads are never candidates.
 */
import { readdir } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { isSupportedPath } from '../extract/extractor'

const TEMPORARY = /\.(crdownload|part|download|tmp|docsort-partial)$/i

/**
 * Whether a file is a candidate document. Files without an extension are read too (their content
 * decides the format): mail exports and newsgroup archives often have none.
 */
export function isCandidateFile(path: string): boolean {
  const name = basename(path)
  if (name.startsWith('.') || name.startsWith('~$') || TEMPORARY.test(name)) return false
  return isSupportedPath(path) || extname(name) === ''
}

export async function listFiles(dir: string, options: { recursive: boolean }): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name)
    if (entry.isFile() && isCandidateFile(path)) files.push(path)
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
  const entries = await readdir(root, { withFileTypes: true })
  const subfolders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b))
  if (subfolders.length === 0) return [{ name: basename(root), folder: root }]
  return subfolders.map((name) => ({ name, folder: join(root, name) }))
}
