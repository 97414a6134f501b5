/**
 * A trained text classifier: the network, the IDF table of its wide branch and its metadata.
 * Lifecycle: construct (or `loadModel`), `warmUp`, `predict` any number of times, `dispose`.
 * No tensor leaves this class; predictions are plain objects.
 */
import type { ModelMetadata } from '../../shared/model-metadata'
import type { Prediction } from '../../shared/types'
import { combineLogits, softmaxRow } from './calibration'
import {
  batchInputs,
  disposeBatch,
  encodeTexts,
  type ClassifierInput,
  type EncodedDocuments,
} from './encoding'
import type { FeatureSpec } from './features'
import type { TextCnnNetwork } from './network'
import { CorrectionMemory } from './correction-memory'
import { NewCategories } from './new-categories'
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
  /** Categories created since training, known by their examples' prototype only. */
  readonly newCategories = new NewCategories()

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

  encode(inputs: readonly ClassifierInput[]): EncodedDocuments {
    return encodeTexts(inputs, this.spec, this.idf)
  }

  /**
   * Logits [count · allLabels], row-major: the network's plus weighted prototype similarities,
   * widened by the categories created since training, plus the boost of remembered corrections.
   */
  logits(encoded: EncodedDocuments): Float32Array {
    const similarities = prototypeSimilarities(this.prototypes, encoded, this.spec)
    const { prototypeWeight, temperature } = this.metadata
    const trained = combineLogits(this.networkLogits(encoded), similarities, prototypeWeight)
    const labels = this.labels.length
    const logits = this.newCategories.extend(
      trained,
      similarities,
      encoded,
      labels,
      this.spec,
      prototypeWeight,
    )
    const classes = labels + this.newCategories.labels.length
    this.corrections.boost(logits, encoded, classes, this.spec, temperature)
    return logits
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
  /**
   * Teaches the live model that `input` belongs to `label` at once: through the correction memory
   * for every label, and for a category created since training also as an example of its
   * prototype.
   */
  learnCorrection(input: ClassifierInput, label: string): void {
    const encoded = this.encode([input])
    if (!this.labels.includes(label)) this.newCategories.add(encoded, 0, label, this.spec)
    this.corrections.add(encoded, 0, this.allLabels.indexOf(label), this.spec)
  }

  /** The network's labels, then the categories created since training. */
  get allLabels(): readonly string[] {
    return [...this.labels, ...this.newCategories.labels]
  }

  predict(inputs: readonly ClassifierInput[], options: { threshold?: number } = {}): Prediction[] {
    return this.predictEncoded(this.encode(inputs), options)
  }

  predictEncoded(encoded: EncodedDocuments, options: { threshold?: number } = {}): Prediction[] {
    const threshold = options.threshold ?? this.metadata.threshold
    const labels = this.allLabels
    const logits = this.logits(encoded)
    const classes = labels.length
    const predictions: Prediction[] = []
    for (let i = 0; i < encoded.count; i++) {
      const probs = softmaxRow(
        logits.subarray(i * classes, (i + 1) * classes),
        this.metadata.temperature,
      )
      const ranked = probs
        .map((confidence, index) => ({ label: labels[index] ?? '', confidence }))
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
