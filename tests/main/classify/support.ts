/** Small model settings and helpers shared by the classifier and trainer tests. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppError } from '../../../src/shared/errors'
import type { ModelMetadata } from '../../../src/shared/model-metadata'
import type { TextClassifier } from '../../../src/main/classify/classifier'
import { saveModel } from '../../../src/main/classify/model-store'
import type { TrainingOptions } from '../../../src/main/train/trainer'

/** Features small enough that a model trains in seconds on two cores. */
export const SMALL_FEATURES = {
  tokenBuckets: 4096,
  ngramBuckets: 8192,
  sequenceLength: 64,
  wideTokens: 300,
  maxWideFeatures: 128,
  bigramWeight: 0.5,
  traitWeight: 0.5,
}

export const SMALL_ARCHITECTURE = { embeddingDim: 16, filters: 16, widths: [2, 3] }

export function smallOptions(extra: TrainingOptions = {}): TrainingOptions {
  return { features: SMALL_FEATURES, architecture: SMALL_ARCHITECTURE, maxEpochs: 6, ...extra }
}

export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  try {
    return await use(dir)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The rejection of `promise`, which must reject. */
export async function rejectionOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected the promise to reject, but it resolved')
}

/** Writes a trained classifier to `dir` the way the training worker does. */
export async function saveClassifier(
  dir: string,
  classifier: TextClassifier,
): Promise<ModelMetadata> {
  const weights = await classifier.network.weights()
  return saveModel(dir, classifier.metadata, weights, classifier.idf, classifier.prototypes)
}
