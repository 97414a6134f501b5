/** Names the mover may give a file: the original, then "name (1).ext", "name (2).ext", ... */
import type { Stats } from 'node:fs'
import { lstat } from 'node:fs/promises'
import { basename, dirname, extname, join } from 'node:path'
import { AppError } from '../../shared/errors'
import { hashFile, isAbsent, type Fingerprint } from './file-ops'
import type { Candidate } from './transfer'

/** The suffix our temporary copies carry; the folder watcher ignores it. */
export const PARTIAL_SUFFIX = '.docsort-partial'

export function candidateName(dir: string, fileName: string, attempt: number): string {
  if (attempt === 0) return join(dir, fileName)
  const ext = extname(fileName)
  return join(dir, `${fileName.slice(0, fileName.length - ext.length)} (${attempt})${ext}`)
}

/**
 * The temporary copy of a cross-device move. It sits in the destination folder (so the final
 * step is a same-device link) and is named after the move's id, not the target, because the
 * target can change while the move runs.
 */
export function partialPath(source: string, target: string, moveId: number): string {
  // 50 characters are at most 200 bytes of UTF-8, so the name stays under the 255-byte limit.
  const name = Array.from(basename(source)).slice(0, 50).join('')
  return join(dirname(target), `.${name}.${moveId}${PARTIAL_SUFFIX}`)
}

/**
 * Walks the candidate names in a folder: the first free one, or an existing file with the same
 * bytes (a duplicate, which is not copied again). Asked again after a name was taken by a racing
 * writer, it looks at that name once more before going on.
 */
export class TargetPicker {
  private attempt = 0

  constructor(
    private readonly dir: string,
    private readonly fileName: string,
    private readonly source: Fingerprint,
    private readonly limit = 10_000,
  ) {}

  async next(): Promise<Candidate> {
    for (; this.attempt < this.limit; this.attempt++) {
      const candidate = candidateName(this.dir, this.fileName, this.attempt)
      let existing: Stats
      try {
        existing = await lstat(candidate)
      } catch (error) {
        if (isAbsent(error)) return { kind: 'free', target: candidate }
        throw error
      }
      if (await this.isSameContent(candidate, existing)) return { kind: 'duplicate', of: candidate }
    }
    throw new AppError(
      'sort/target-exists',
      `Cannot move "${this.fileName}" to "${this.dir}": ${this.limit} names are already taken`,
      { path: join(this.dir, this.fileName) },
    )
  }

  private async isSameContent(path: string, existing: Stats): Promise<boolean> {
    if (!existing.isFile() || existing.size !== this.source.size) return false
    return (await hashFile(path)) === this.source.hash
  }
}
