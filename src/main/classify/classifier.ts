/**
 * A trained text classifier: the network, the IDF table of its wide branch and its metadata.
 * Lifecycle: construct (or `loadModel`), `warmUp`, `predict` any number of times, `dispose`.
 * No tensor leaves this class; predictions are plain objects.
 */
import type { ModelMetadata } from '../../shared/model-metadata'
import type { Prediction } from '../../shared/types'
import { combineLogits, softmaxRow } from './calibration'
import { batchInputs, disposeBatch, encodeTexts, type EncodedDocuments } from './encoding'
import type { FeatureSpec } from './features'
import type { TextCnnNetwork } from './network'
import { CorrectionMemory } from './correction-memory'
import { prototypeSimilarities } from './prototypes'
import type { SparseTable } from './sparse-table'

const PREDICT_BATCH = 64
const RUNNERS_UP = 3

export class TextClassifier {
  readonly metadata: ModelMetadata
  readonly network: TextCnnNetwork
  readonly idf: Float32Array
  readonly prototypes: SparseTable
  /** Corrections made since training; see CorrectionMemory. */
  readonly corrections = new CorrectionMemory()

  constructor(
    metadata: ModelMetadata,
    network: TextCnnNetwork,
    idf: Float32Array,
    prototypes: SparseTable,
  ) {
    this.metadata = metadata
    this.network = network
    this.idf = idf
    this.prototypes = prototypes
  }

  get labels(): readonly string[] {
    return this.metadata.labels
  }

  get spec(): FeatureSpec {
    return this.metadata.features
  }

  encode(texts: readonly string[]): EncodedDocuments {
    return encodeTexts(texts, this.spec, this.idf)
  }

  /**
   * Logits [count · labels], row-major: the network's plus weighted prototype similarities, plus
   * the boost of remembered corrections.
   */
  logits(encoded: EncodedDocuments): Float32Array {
    const similarities = prototypeSimilarities(this.prototypes, encoded, this.spec)
    const logits = combineLogits(
      this.networkLogits(encoded),
      similarities,
      this.metadata.prototypeWeight,
    )
    const { temperature } = this.metadata
    this.corrections.boost(logits, encoded, this.labels.length, this.spec, temperature)
    return logits
  }

  /**
   * Teaches the live model that `text` belongs to `label` at once, through the correction memory.
   * False when the model has no such label (a category created after it was trained).
   */
  learnCorrection(text: string, label: string): boolean {
    const index = this.labels.indexOf(label)
    if (index < 0) return false
    this.corrections.add(this.encode([text]), 0, index, this.spec)
    return true
  }

  /** The network's logits alone [count · labels]. */
  networkLogits(encoded: EncodedDocuments): Float32Array {
    const classes = this.labels.length
    const out = new Float32Array(encoded.count * classes)
    for (let start = 0; start < encoded.count; start += PREDICT_BATCH) {
      const rows = range(start, Math.min(encoded.count, start + PREDICT_BATCH))
      const batch = batchInputs(encoded, rows, this.spec)
      try {
        out.set(this.network.logits(batch), start * classes)
      } finally {
        disposeBatch(batch)
      }
    }
    return out
  }

  predict(texts: readonly string[], options: { threshold?: number } = {}): Prediction[] {
    return this.predictEncoded(this.encode(texts), options)
  }

  predictEncoded(encoded: EncodedDocuments, options: { threshold?: number } = {}): Prediction[] {
    const threshold = options.threshold ?? this.metadata.threshold
    const classes = this.labels.length
    const logits = this.logits(encoded)
    const predictions: Prediction[] = []
    for (let i = 0; i < encoded.count; i++) {
      const probs = softmaxRow(
        logits.subarray(i * classes, (i + 1) * classes),
        this.metadata.temperature,
      )
      const ranked = probs
        .map((confidence, index) => ({ label: this.labels[index] ?? '', confidence }))
        .sort((a, b) => b.confidence - a.confidence)
      const [top, ...rest] = ranked
      if (!top) continue
      predictions.push({
        label: top.label,
        confidence: top.confidence,
        unsure: top.confidence < threshold,
        runnersUp: rest.slice(0, RUNNERS_UP),
      })
    }
    return predictions
  }

  /** Runs one prediction so that kernels are compiled before the first real file. */
  warmUp(): void {
    this.predict(['warm up'])
  }

  dispose(): void {
    this.network.dispose()
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i)
}
