/**
 * Reads a file into the library: hashes it, reuses the cached extraction for that content when
 * there is one, otherwise extracts and caches the text or the failure. A file is extracted once
 * however often it is seen or renamed.
 */
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
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
      const code = (error as NodeJS.ErrnoException).code
      const reason =
        code === 'ENOENT'
          ? 'does not exist'
          : code === 'EISDIR'
            ? 'is a folder'
            : `cannot be read (${code ?? 'I/O error'})`
      throw new AppError('extract/not-found', `${basename(path)} ${reason}`, { path, cause: error })
    }
    const cached = this.library.getContent(hash)
    if (cached) {
      return { path, hash, size: info.size, mtimeMs: info.mtimeMs, content: forFile(cached, path) }
    }

    try {
      const doc = await this.extractor.extract(path)
      this.library.putContent(hash, {
        text: doc.text,
        kind: doc.kind,
        pages: doc.pages,
        title: doc.title,
        traits: doc.traits,
      })
    } catch (error) {
      if (!isAppError(error)) throw error
      // Identical bytes may arrive later under another name: the cached reason names no file.
      const failure = {
        errorCode: error.code,
        errorMessage: error.message.split(basename(path)).join(FILE),
      }
      // A timeout or a vanished file may not happen again: report it, but do not remember it.
      if (TRANSIENT.has(error.code)) {
        const content: ContentRecord = { hash, ok: false, extractedAt: Date.now(), ...failure }
        return {
          path,
          hash,
          size: info.size,
          mtimeMs: info.mtimeMs,
          content: forFile(content, path),
        }
      }
      this.library.putContent(hash, failure)
    }
    const content = this.library.getContent(hash)
    if (!content) throw new Error(`Content for ${path} was not stored`)
    return { path, hash, size: info.size, mtimeMs: info.mtimeMs, content: forFile(content, path) }
  }
}

/** Stands for the file's name in cached failure messages. */
const FILE = '\u2063file\u2063'

function forFile(content: ContentRecord, path: string): ContentRecord {
  if (content.ok) return content
  return { ...content, errorMessage: content.errorMessage.split(FILE).join(basename(path)) }
}
