/**
 * Reads a file into the library: hashes it, reuses the cached extraction for that content when
 * there is one, otherwise extracts and caches the text or the failure. A file is extracted once
 * however often it is seen or renamed.
 */
import { stat } from 'node:fs/promises'
import { AppError, isAppError, type ErrorCode } from '../../shared/errors'
import type { Extractor } from '../extract/extractor'
import type { ContentRecord } from '../library/contents'
import type { Library } from '../library/library'
import { hashFile } from './file-hash'

const TRANSIENT: ReadonlySet<ErrorCode> = new Set([
  'extract/timeout',
  'extract/out-of-memory',
  'extract/not-found',
  'extract/failed',
])

export interface IngestedFile {
  path: string
  hash: string
  size: number
  mtimeMs: number
  content: ContentRecord
}

export class Ingestor {
  constructor(
    private readonly library: Library,
    private readonly extractor: Extractor,
  ) {}

  /** Throws `extract/not-found` when the file is gone; every other failure is in `content`. */
  async ingest(path: string): Promise<IngestedFile> {
    let info
    let hash
    try {
      info = await stat(path)
      hash = await hashFile(path)
    } catch (error) {
      throw new AppError(
        'extract/not-found',
        `${path} cannot be read: ${(error as Error).message}`,
        {
          path,
          cause: error,
        },
      )
    }
    const cached = this.library.getContent(hash)
    if (cached) return { path, hash, size: info.size, mtimeMs: info.mtimeMs, content: cached }

    try {
      const doc = await this.extractor.extract(path)
      this.library.putContent(hash, {
        text: doc.text,
        kind: doc.kind,
        pages: doc.pages,
        title: doc.title,
      })
    } catch (error) {
      if (!isAppError(error)) throw error
      const failure = { errorCode: error.code, errorMessage: error.message }
      // A timeout or a vanished file may not happen again: report it, but do not remember it.
      if (TRANSIENT.has(error.code)) {
        return {
          path,
          hash,
          size: info.size,
          mtimeMs: info.mtimeMs,
          content: { hash, ok: false, extractedAt: Date.now(), ...failure },
        }
      }
      this.library.putContent(hash, failure)
    }
    const content = this.library.getContent(hash)
    if (!content) throw new Error(`Content for ${path} was not stored`)
    return { path, hash, size: info.size, mtimeMs: info.mtimeMs, content }
  }
}
