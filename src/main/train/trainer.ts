/**
 * Trains a TextClassifier from labelled texts: a stratified validation split, class weights by
 * inverse frequency, Adam, early stopping on validation loss with the best epoch's weights kept,
 * then a softmax temperature fitted on the validation split. Runs wherever it is called; the app
 * calls it inside a worker thread (see train-worker.ts).
 */
import * as tf from '@tensorflow/tfjs'
import {
  TOKENIZER_NAME,
  TOKENIZER_VERSION,
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
} from '../../shared/model-metadata'
import type { ModelMetadata } from '../../shared/model-metadata'
import { AppError } from '../../shared/errors'
import type { EvaluationMetrics, TrainingProgress } from '../../shared/types'
import { combineLogits, fitCombination, negativeLogLikelihood } from '../classify/calibration'
import { buildPrototypes, prototypeSimilarities } from '../classify/prototypes'
import { TextClassifier } from '../classify/classifier'
import {
  batchInputs,
  disposeBatch,
  encodeTokenized,
  tokensFor,
  type EncodedDocuments,
} from '../classify/encoding'
import { fitIdf, ngramCounts, type FeatureSpec } from '../classify/features'
import { TextCnnNetwork, type Architecture, type WeightMap } from '../classify/network'
import type { AdamSettings } from '../classify/sparse-table'
import {
  DEFAULT_ARCHITECTURE,
  DEFAULT_FEATURES,
  DEFAULT_PROTOTYPE_WEIGHT,
  DEFAULT_THRESHOLD,
} from './defaults'
import { evaluate } from './metrics'
import { seededRandom, shuffleInPlace, stratifiedSplit } from './random'

export interface TrainingExample {
  text: string
  label: string
}

export interface TrainingOptions {
  features?: Partial<FeatureSpec>
  architecture?: Partial<Architecture>
  /** Upper bound; by default enough epochs for about 400 optimizer steps, within [6, 60]. */
  maxEpochs?: number
  batchSize?: number
  learningRate?: number
  validationFraction?: number
  /** Epochs without a better validation loss before stopping. */
  patience?: number
  seed?: number
  threshold?: number
  backend?: string
  onProgress?: (progress: TrainingProgress) => void
  signal?: AbortSignal
}

export interface TrainingOutcome {
  classifier: TextClassifier
  /** Metrics on the validation split, or null when every document was needed for training. */
  validation: EvaluationMetrics | null
  history: {
    epoch: number
    loss: number
    accuracy: number
    valLoss: number | null
    valAccuracy: number | null
  }[]
}

export async function trainClassifier(
  examples: readonly TrainingExample[],
  options: TrainingOptions = {},
): Promise<TrainingOutcome> {
  const started = Date.now()
  const labels = [...new Set(examples.map((e) => e.label))].sort((a, b) => a.localeCompare(b))
  if (labels.length < 2) {
    throw new AppError(
      'train/not-enough-data',
      `Training needs at least two categories with documents; found ${labels.length}`,
    )
  }
  const spec: FeatureSpec = { ...DEFAULT_FEATURES, ...options.features }
  const architecture: Architecture = { ...DEFAULT_ARCHITECTURE, ...options.architecture }
  // Small libraries get small batches, so that a few dozen documents still make enough steps.
  const batchSize = options.batchSize ?? Math.min(32, Math.max(8, Math.round(examples.length / 8)))
  const random = seededRandom(options.seed ?? 42)
  const report = progressReporter(options.onProgress)

  report({ phase: 'preparing' })
  const targets = examples.map((e) => labels.indexOf(e.label))
  const split = stratifiedSplit(targets, options.validationFraction ?? 0.1, random)
  const tokens = examples.map((e) => tokensFor(e.text, spec))
  const idf = fitIdf(
    split.train.map((i) => ngramCounts(tokens[i] ?? [], spec)),
    spec.ngramBuckets,
  )
  const encoded = encodeTokenized(tokens, spec, idf)
  const classWeights = inverseFrequencyWeights(
    split.train.map((i) => targets[i] ?? 0),
    labels.length,
  )

  const network = TextCnnNetwork.create(
    { ...spec, classes: labels.length, architecture },
    options.seed ?? 42,
  )
  const adam: AdamSettings = {
    learningRate: options.learningRate ?? 3e-3,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
  }
  const optimizer = tf.train.adam(adam.learningRate, adam.beta1, adam.beta2, adam.epsilon)
  const steps = Math.ceil(split.train.length / batchSize)
  const maxEpochs = options.maxEpochs ?? Math.min(60, Math.max(6, Math.ceil(400 / steps)))
  const patience = options.patience ?? 3
  const history: TrainingOutcome['history'] = []
  let best: { loss: number; weights: WeightMap } | undefined
  let stale = 0

  try {
    for (let epoch = 1; epoch <= maxEpochs; epoch++) {
      const order = shuffleInPlace([...split.train], random)
      let lossSum = 0
      let correct = 0
      for (let b = 0; b < steps; b++) {
        throwIfAborted(options.signal)
        const rows = order.slice(b * batchSize, (b + 1) * batchSize)
        const step = trainStep(
          network,
          optimizer,
          adam,
          encoded,
          rows,
          targets,
          classWeights,
          spec,
          labels.length,
        )
        lossSum += step.loss * rows.length
        correct += step.correct
        const seen = Math.min((b + 1) * batchSize, order.length)
        report({
          phase: 'training',
          epoch,
          epochs: maxEpochs,
          batch: b + 1,
          batches: steps,
          loss: lossSum / seen,
          accuracy: correct / seen,
        })
        // Let the thread receive a cancel message between steps.
        await new Promise((resolve) => setImmediate(resolve))
      }

      const trainLoss = lossSum / order.length
      const trainAccuracy = correct / order.length
      const val = validationScores(network, encoded, split.validation, targets, spec, labels.length)
      history.push({
        epoch,
        loss: trainLoss,
        accuracy: trainAccuracy,
        valLoss: val?.loss ?? null,
        valAccuracy: val?.accuracy ?? null,
      })
      report({
        phase: 'evaluating',
        epoch,
        epochs: maxEpochs,
        batch: steps,
        batches: steps,
        loss: trainLoss,
        accuracy: trainAccuracy,
        valLoss: val?.loss ?? null,
        valAccuracy: val?.accuracy ?? null,
      })

      const monitored = val?.loss ?? trainLoss
      if (!best || monitored < best.loss - 1e-4) {
        best = { loss: monitored, weights: await network.weights() }
        stale = 0
      } else if (++stale >= patience) {
        break
      }
    }
  } catch (error) {
    network.dispose()
    throw error
  } finally {
    optimizer.dispose()
  }

  if (best) network.assign(best.weights)
  network.embedding.releaseOptimizerState()
  network.wide.releaseOptimizerState()
  const metadata = buildMetadata({ labels, spec, architecture, options, examples: examples.length })
  let validation: EvaluationMetrics | null = null
  if (split.validation.length > 0) {
    const sub = subset(encoded, split.validation, spec)
    const valTargets = split.validation.map((i) => targets[i] ?? 0)
    const netLogits = networkLogits(network, sub, spec, labels.length)
    const trainPrototypes = buildPrototypes(encoded, split.train, targets, labels.length, spec)
    const similarities = prototypeSimilarities(trainPrototypes, sub, spec)
    const fitted = fitCombination(netLogits, similarities, valTargets, labels.length, {
      weight: DEFAULT_PROTOTYPE_WEIGHT,
      temperature: 1,
    })
    metadata.prototypeWeight = fitted.weight
    metadata.temperature = fitted.temperature
    const combined = combineLogits(netLogits, similarities, fitted.weight)
    validation = evaluate(valTargets, argMaxRows(combined, labels.length), labels)
    metadata.metrics = {
      validationAccuracy: validation.accuracy,
      validationMacroF1: validation.macroF1,
    }
  }
  // The final prototypes use every document: they need no held-out check of their own.
  const allRows = targets.map((_, i) => i)
  const prototypes = buildPrototypes(encoded, allRows, targets, labels.length, spec)
  const classifier = new TextClassifier(metadata, network, idf, prototypes)
  metadata.training = {
    documents: split.train.length,
    validationDocuments: split.validation.length,
    classCounts: Object.fromEntries(
      labels.map((l, c) => [l, targets.filter((t) => t === c).length]),
    ),
    epochs: history.length,
    seconds: (Date.now() - started) / 1000,
    backend: options.backend ?? tf.getBackend(),
  }
  report({ phase: 'done', epoch: history.length, epochs: history.length })
  return { classifier, validation, history }
}

function trainStep(
  network: TextCnnNetwork,
  optimizer: tf.Optimizer,
  adam: AdamSettings,
  encoded: EncodedDocuments,
  rows: number[],
  targets: readonly number[],
  classWeights: Float32Array,
  spec: FeatureSpec,
  classes: number,
): { loss: number; correct: number } {
  const batch = batchInputs(encoded, rows, spec)
  const labels = rows.map((r) => targets[r] ?? 0)
  const gathered = network.gather(batch)
  // The gathered table rows become variables for this step only, so that their gradients come
  // back from the same backward pass as the dense weights' and can be applied row by row.
  const embedded = tf.variable(gathered.embedded, true, `step-embedded-${stepUid()}`)
  const wide = tf.variable(gathered.wide, true, `step-wide-${stepUid()}`)
  gathered.embedded.dispose()
  gathered.wide.dispose()
  let predicted: tf.Tensor | undefined
  let grads: tf.NamedTensorMap = {}
  try {
    const dense = [...network.variables.values()]
    const result = tf.variableGrads(() => {
      const oneHot = tf.oneHot(tf.tensor1d(labels, 'int32'), classes)
      const weights = tf.tensor1d(labels.map((l) => classWeights[l] ?? 1))
      const logits = network.forward(batch, { embedded, wide }, true)
      predicted = tf.keep(tf.argMax(logits, 1))
      const loss: tf.Scalar = tf.losses.softmaxCrossEntropy(oneHot, logits, weights)
      return loss
    }, [...dense, embedded, wide])
    grads = result.grads
    const lossValue = result.value.dataSync()[0] ?? Number.NaN
    result.value.dispose()

    const denseGrads: tf.NamedTensorMap = {}
    for (const variable of dense) {
      const grad = grads[variable.name]
      if (grad) denseGrads[variable.name] = grad
    }
    optimizer.applyGradients(denseGrads)
    const embeddedGrad = grads[embedded.name]
    const wideGrad = grads[wide.name]
    if (embeddedGrad)
      network.embedding.applyAdam(batch.ids, embeddedGrad.dataSync() as Float32Array, adam)
    if (wideGrad)
      network.wide.applyAdam(batch.wideIndices, wideGrad.dataSync() as Float32Array, adam)

    const picks = predicted?.dataSync() ?? []
    const correct = labels.filter((label, i) => picks[i] === label).length
    return { loss: lossValue, correct }
  } finally {
    for (const grad of Object.values(grads)) grad.dispose()
    predicted?.dispose()
    embedded.dispose()
    wide.dispose()
    disposeBatch(batch)
  }
}

function networkLogits(
  network: TextCnnNetwork,
  encoded: EncodedDocuments,
  spec: FeatureSpec,
  classes: number,
): Float32Array {
  const logits = new Float32Array(encoded.count * classes)
  for (let start = 0; start < encoded.count; start += 64) {
    const rows = Array.from({ length: Math.min(64, encoded.count - start) }, (_, i) => start + i)
    const batch = batchInputs(encoded, rows, spec)
    try {
      logits.set(network.logits(batch), start * classes)
    } finally {
      disposeBatch(batch)
    }
  }
  return logits
}

function validationScores(
  network: TextCnnNetwork,
  encoded: EncodedDocuments,
  rows: readonly number[],
  targets: readonly number[],
  spec: FeatureSpec,
  classes: number,
): { loss: number; accuracy: number } | null {
  if (rows.length === 0) return null
  const logits = new Float32Array(rows.length * classes)
  for (let start = 0; start < rows.length; start += 64) {
    const slice = rows.slice(start, start + 64)
    const batch = batchInputs(encoded, slice, spec)
    try {
      logits.set(network.logits(batch), start * classes)
    } finally {
      disposeBatch(batch)
    }
  }
  const truth = rows.map((r) => targets[r] ?? 0)
  const picks = argMaxRows(logits, classes)
  return {
    loss: negativeLogLikelihood(logits, truth, classes, 1),
    accuracy: truth.filter((t, i) => picks[i] === t).length / truth.length,
  }
}

function argMaxRows(logits: Float32Array, classes: number): number[] {
  const picks: number[] = []
  for (let i = 0; i * classes < logits.length; i++) {
    let best = 0
    for (let c = 1; c < classes; c++) {
      if ((logits[i * classes + c] ?? 0) > (logits[i * classes + best] ?? 0)) best = c
    }
    picks.push(best)
  }
  return picks
}

function subset(
  encoded: EncodedDocuments,
  rows: readonly number[],
  spec: FeatureSpec,
): EncodedDocuments {
  const out: EncodedDocuments = {
    count: rows.length,
    ids: new Int32Array(rows.length * spec.sequenceLength),
    wideIndices: new Int32Array(rows.length * spec.maxWideFeatures),
    wideValues: new Float32Array(rows.length * spec.maxWideFeatures),
  }
  rows.forEach((row, i) => {
    const t = spec.sequenceLength
    const m = spec.maxWideFeatures
    out.ids.set(encoded.ids.subarray(row * t, (row + 1) * t), i * t)
    out.wideIndices.set(encoded.wideIndices.subarray(row * m, (row + 1) * m), i * m)
    out.wideValues.set(encoded.wideValues.subarray(row * m, (row + 1) * m), i * m)
  })
  return out
}

/** n / (classes · n_c), so that every class weighs as much in the loss as a balanced one would. */
function inverseFrequencyWeights(targets: readonly number[], classes: number): Float32Array {
  const counts = new Array<number>(classes).fill(0)
  for (const t of targets) counts[t] = (counts[t] ?? 0) + 1
  return Float32Array.from(counts, (n) => (n === 0 ? 1 : targets.length / (classes * n)))
}

function buildMetadata(input: {
  labels: string[]
  spec: FeatureSpec
  architecture: Architecture
  options: TrainingOptions
  examples: number
}): ModelMetadata {
  const createdAt = new Date().toISOString()
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    version: createdAt.replace(/[:.]/g, '-'),
    createdAt,
    labels: input.labels,
    tokenizer: {
      name: TOKENIZER_NAME,
      version: TOKENIZER_VERSION,
      lowercase: true,
      numberFolding: true,
    },
    features: input.spec,
    architecture: input.architecture,
    temperature: 1,
    prototypeWeight: DEFAULT_PROTOTYPE_WEIGHT,
    threshold: input.options.threshold ?? DEFAULT_THRESHOLD,
    training: {
      documents: input.examples,
      validationDocuments: 0,
      classCounts: {},
      epochs: 0,
      seconds: 0,
      backend: '',
    },
    metrics: { validationAccuracy: null, validationMacroF1: null },
    weights: [],
    weightsBytes: 0,
    weightsSha256: '',
  }
}

/** A progress record with the fields not given left at zero or null. */
export function trainingProgress(
  partial: Partial<TrainingProgress> & Pick<TrainingProgress, 'phase'>,
): TrainingProgress {
  return {
    epoch: 0,
    epochs: 0,
    batch: 0,
    batches: 0,
    loss: null,
    accuracy: null,
    valLoss: null,
    valAccuracy: null,
    ...partial,
  }
}

function progressReporter(
  onProgress: ((progress: TrainingProgress) => void) | undefined,
): (partial: Partial<TrainingProgress> & Pick<TrainingProgress, 'phase'>) => void {
  return (partial) => onProgress?.(trainingProgress(partial))
}

let stepCounter = 0
function stepUid(): number {
  stepCounter += 1
  return stepCounter
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('train/cancelled', 'Training was cancelled')
}
