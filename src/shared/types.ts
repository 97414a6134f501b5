/** Domain types shared by the main process, the CLI and the renderer. Pure data, no behaviour. */

export type DocumentKind = 'pdf' | 'docx' | 'text'

export interface ExtractedDocument {
  text: string
  kind: DocumentKind
  /** Page count where the format has pages (PDF); null otherwise. */
  pages: number | null
  title: string | null
  /** Size of the source file in bytes. */
  bytes: number
  /** For text files, the encoding the bytes were decoded from. */
  encoding: string | null
  /** Tags for the format, page count, orientation, form fields and producing program. */
  traits: string[]
}

export type LabelSource = 'imported' | 'accepted' | 'corrected'

export interface ScoredLabel {
  label: string
  confidence: number
}

export interface Prediction extends ScoredLabel {
  /** True when confidence is below the model's threshold: the file is left for review. */
  unsure: boolean
  /** The other labels in descending confidence, at most a few. */
  runnersUp: ScoredLabel[]
}

export interface TrainingProgress {
  phase: 'preparing' | 'training' | 'evaluating' | 'saving' | 'done'
  epoch: number
  epochs: number
  batch: number
  batches: number
  loss: number | null
  accuracy: number | null
  valLoss: number | null
  valAccuracy: number | null
}

export interface ClassMetrics {
  label: string
  precision: number
  recall: number
  f1: number
  support: number
}

export interface EvaluationMetrics {
  accuracy: number
  macroPrecision: number
  macroRecall: number
  macroF1: number
  perClass: ClassMetrics[]
  /** confusion[actual][predicted], in the order of `labels`. */
  confusion: number[][]
  labels: string[]
  documents: number
}
