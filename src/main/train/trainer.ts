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
import { trainingProgress } from '../../shared/training-progress'
import type { EvaluationMetrics, TrainingProgress } from '../../shared/types'
import { combineLogits, fitCombination } from '../classify/calibration'
import { buildPrototypes, prototypeSimilarities } from '../classify/prototypes'
import { TextClassifier } from '../classify/classifier'
import { encodeTokenized, tokensFor, type EncodedDocuments } from '../classify/encoding'
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
import { argMaxRows, networkLogits, subset, validationScores } from './held-out'
import { trainStep } from './train-step'
import { seededRandom, shuffleInPlace, stratifiedSplit } from './random'

export interface TrainingExample {
  text: string
  label: string
  /** The document's traits (see DocumentTraits); none when absent. */
  traits?: readonly string[]
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
  const fraction = options.validationFraction ?? validationFraction(examples.length)
  const split = stratifiedSplit(targets, fraction, random)
  const tokens = examples.map((e) => tokensFor(e.text, spec))
  const traits = examples.map((e) => e.traits ?? [])
  const idf = fitIdf(
    split.train.map((i) => ngramCounts(tokens[i] ?? [], spec, traits[i])),
    spec.ngramBuckets,
  )
  const encoded = encodeTokenized(tokens, spec, idf, traits)
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
  const validation = calibrate(metadata, network, encoded, split, targets, spec)
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

/**
 * Fits the prototype weight and the temperature on the held-out split (prototypes built from
 * the training split only, so that nothing is scored on what it was built from), writes them
 * and the held-out metrics into `metadata`, and returns those metrics.
 */
function calibrate(
  metadata: ModelMetadata,
  network: TextCnnNetwork,
  encoded: EncodedDocuments,
  split: { train: number[]; validation: number[] },
  targets: readonly number[],
  spec: FeatureSpec,
): EvaluationMetrics | null {
  if (split.validation.length === 0) return null
  const classes = metadata.labels.length
  const held = subset(encoded, split.validation, spec)
  const heldTargets = split.validation.map((i) => targets[i] ?? 0)
  const logits = networkLogits(network, held, spec, classes)
  const similarities = prototypeSimilarities(
    buildPrototypes(encoded, split.train, targets, classes, spec),
    held,
    spec,
  )
  const fitted = fitCombination(logits, similarities, heldTargets, classes, {
    weight: DEFAULT_PROTOTYPE_WEIGHT,
    temperature: 1,
  })
  metadata.prototypeWeight = fitted.weight
  metadata.temperature = fitted.temperature
  const combined = combineLogits(logits, similarities, fitted.weight)
  const metrics = evaluate(heldTargets, argMaxRows(combined, classes), metadata.labels)
  metadata.metrics = { validationAccuracy: metrics.accuracy, validationMacroF1: metrics.macroF1 }
  return metrics
}

/**
 * A tenth of the documents, but about 30 in a small library, up to a quarter: the temperature
 * and the prototype weight are fitted on the held-out documents, and on fewer than 20 the fit
 * is skipped and the network's raw confidence, too high on little data, is shown.
 */
function validationFraction(documents: number): number {
  return Math.max(0.1, Math.min(0.25, 30 / Math.max(documents, 1)))
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

function progressReporter(
  onProgress: ((progress: TrainingProgress) => void) | undefined,
): (partial: Partial<TrainingProgress> & Pick<TrainingProgress, 'phase'>) => void {
  return (partial) => onProgress?.(trainingProgress(partial))
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('train/cancelled', 'Training was cancelled')
}
