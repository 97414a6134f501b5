/** What the Extractor sends to an extraction worker and what comes back. Plain data only. */
import type { ExtractedDocument } from '../../shared/types'

export interface ExtractJob {
  /** As the caller gave it; worker threads share the process's working directory. */
  path: string
  maxFileBytes: number
  maxTextChars: number
}

/** Facts about how the text was obtained, for the parent's log; never document text. */
export interface ExtractNotes {
  /** True when the content is a different supported format than the extension says. */
  extensionMismatch: boolean
  /** True when the text was cut to `maxTextChars`. */
  truncated: boolean
  pdfPagesRead: number | null
  pdfPagesFailed: number
}

export interface ExtractOutcome {
  document: ExtractedDocument
  notes: ExtractNotes
}
