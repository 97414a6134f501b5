/**
 * Refuses zip bombs before anything is inflated. mammoth has no size limit and JSZip inflates a
 * whole entry into memory, so the sizes in the zip's central directory are checked first (see
 * notes/stack.md section 4). The directory can lie; the worker's memory caps are the backstop.
 */
import type JSZip from 'jszip'
import { extractError } from './extract-error'

/** Total inflated size of the parts that get read. A 900-page handbook is about 6 MiB. */
export const MAX_UNCOMPRESSED_BYTES = 64 * 1024 * 1024
/**
 * Inflated-to-stored ratio above which the archive is a bomb. Real DOCX files measure 5-15
 * (XML compresses about tenfold); the bombs measured in stack.md were 250-1020.
 */
export const MAX_COMPRESSION_RATIO = 200
/** Below this many inflated bytes a high ratio is harmless (a page of spaces compresses 1000x). */
const RATIO_FLOOR_BYTES = 1024 * 1024

/**
 * JSZip keeps the central-directory sizes in a private `_data` field (declared only in a comment
 * of its index.d.ts). Narrowed here so that a missing field reads as "unknown", never as 0.
 */
interface CompressedSizes {
  compressedSize: number
  uncompressedSize: number
}

function directorySizes(entry: JSZip.JSZipObject): CompressedSizes | null {
  const data: unknown = (entry as unknown as { _data?: unknown })._data
  if (typeof data !== 'object' || data === null) return null
  const { compressedSize, uncompressedSize } = data as Partial<CompressedSizes>
  if (typeof compressedSize !== 'number' || typeof uncompressedSize !== 'number') return null
  return { compressedSize, uncompressedSize }
}

/**
 * Media and embedded objects are never inflated (neither mammoth's raw text nor Docsort reads
 * them), so a large photo does not count against the limits.
 */
function isReadPart(name: string): boolean {
  return !name.startsWith('word/media/') && !name.startsWith('word/embeddings/')
}

export function assertZipWithinLimits(zip: JSZip, path: string): void {
  let inflated = 0
  let stored = 0
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !isReadPart(entry.name)) continue
    const sizes = directorySizes(entry)
    if (sizes === null) {
      throw extractError('extract/corrupt', path, `has a zip entry without sizes (${entry.name})`)
    }
    inflated += sizes.uncompressedSize
    stored += sizes.compressedSize
  }

  const mib = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(0)
  if (inflated > MAX_UNCOMPRESSED_BYTES) {
    throw extractError(
      'extract/too-large',
      path,
      `would unpack to ${mib(inflated)} MiB of text and markup; ` +
        `Docsort reads Word files up to ${mib(MAX_UNCOMPRESSED_BYTES)} MiB unpacked`,
    )
  }
  const ratio = inflated / Math.max(stored, 1)
  if (inflated > RATIO_FLOOR_BYTES && ratio > MAX_COMPRESSION_RATIO) {
    throw extractError(
      'extract/too-large',
      path,
      `is compressed ${ratio.toFixed(0)} to 1, which only a zip bomb is; ` +
        'Docsort will not unpack it',
    )
  }
}
