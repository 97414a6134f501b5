/**
 * The `metadata.json` of a saved model: what a loader needs to rebuild the network and to
 * decide whether it can use the files at all. Validation is hand-written so that this module
 * stays dependency-free and usable from the renderer.
 */
export const MODEL_FORMAT = 'docsort-text-cnn'
export const MODEL_FORMAT_VERSION = 2
export const TOKENIZER_NAME = 'docsort-words'
export const TOKENIZER_VERSION = 1

export interface WeightEntry {
  name: string
  shape: number[]
  /** Offset in float32 elements into weights.bin. */
  offset: number
}

export interface ModelMetadata {
  format: typeof MODEL_FORMAT
  formatVersion: number
  version: string
  createdAt: string
  labels: string[]
  tokenizer: { name: string; version: number; lowercase: boolean; numberFolding: boolean }
  features: {
    tokenBuckets: number
    sequenceLength: number
    ngramBuckets: number
    wideTokens: number
    maxWideFeatures: number
    bigramWeight: number
    traitWeight: number
  }
  architecture: {
    embeddingDim: number
    widths: number[]
    filters: number
    dropout: number
    wideDropout: number
  }
  /** Softmax temperature fitted on held-out documents so that confidences are calibrated. */
  temperature: number
  /** Weight of the class-prototype cosine similarities added to the network's logits. */
  prototypeWeight: number
  /** Below this confidence a prediction is "unsure". */
  threshold: number
  training: {
    documents: number
    validationDocuments: number
    classCounts: Record<string, number>
    epochs: number
    seconds: number
    backend: string
  }
  metrics: {
    validationAccuracy: number | null
    validationMacroF1: number | null
  }
  weights: WeightEntry[]
  weightsBytes: number
  weightsSha256: string
}

/** Every problem found, as readable sentences; empty when the metadata is usable. */
export function validateModelMetadata(value: unknown): string[] {
  if (!isRecord(value)) return ['metadata is not a JSON object']
  const problems: string[] = []
  const expect = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message)
  }

  expect(
    value.format === MODEL_FORMAT,
    `format is ${String(value.format)}, expected ${MODEL_FORMAT}`,
  )
  expect(
    value.formatVersion === MODEL_FORMAT_VERSION,
    `format version is ${String(value.formatVersion)}, this build reads ${MODEL_FORMAT_VERSION}`,
  )
  expect(typeof value.version === 'string', 'version is missing')
  const labels = value.labels
  expect(
    Array.isArray(labels) && labels.length >= 2 && labels.every((l) => typeof l === 'string'),
    'labels must list at least two category names',
  )
  expect(Array.isArray(labels) && new Set(labels).size === labels.length, 'labels must be distinct')
  const tokenizer = value.tokenizer
  expect(
    isRecord(tokenizer) &&
      tokenizer.name === TOKENIZER_NAME &&
      tokenizer.version === TOKENIZER_VERSION,
    `tokenizer must be ${TOKENIZER_NAME} v${TOKENIZER_VERSION}`,
  )
  const features = value.features
  const positive = (record: unknown, key: string): boolean =>
    isRecord(record) && Number.isInteger(record[key]) && (record[key] as number) > 0
  for (const key of [
    'tokenBuckets',
    'sequenceLength',
    'ngramBuckets',
    'wideTokens',
    'maxWideFeatures',
  ]) {
    expect(positive(features, key), `features.${key} must be a positive integer`)
  }
  for (const key of ['bigramWeight', 'traitWeight']) {
    expect(
      isRecord(features) && typeof features[key] === 'number' && features[key] >= 0,
      `features.${key} must be a non-negative number`,
    )
  }
  const architecture = value.architecture
  for (const key of ['embeddingDim', 'filters']) {
    expect(positive(architecture, key), `architecture.${key} must be a positive integer`)
  }
  expect(
    isRecord(architecture) &&
      Array.isArray(architecture.widths) &&
      architecture.widths.length > 0 &&
      architecture.widths.every((w) => Number.isInteger(w) && w > 0),
    'architecture.widths must list positive integers',
  )
  expect(
    typeof value.temperature === 'number' && value.temperature > 0,
    'temperature must be positive',
  )
  expect(
    typeof value.prototypeWeight === 'number' && value.prototypeWeight >= 0,
    'prototypeWeight must be a non-negative number',
  )
  expect(
    typeof value.threshold === 'number' && value.threshold >= 0 && value.threshold <= 1,
    'threshold must lie in [0, 1]',
  )
  expect(
    Array.isArray(value.weights) &&
      value.weights.every(
        (w) =>
          isRecord(w) &&
          typeof w.name === 'string' &&
          Array.isArray(w.shape) &&
          Number.isInteger(w.offset),
      ),
    'weights must list name, shape and offset',
  )
  expect(typeof value.weightsSha256 === 'string', 'weightsSha256 is missing')
  expect(Number.isInteger(value.weightsBytes), 'weightsBytes is missing')
  return problems
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
