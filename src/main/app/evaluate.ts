/**
 * Measures a model on a folder-per-category test set: either the active model, or a fresh one
 * trained on a folder-per-category training set that never touches the library's categories or
 * its active model.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import type { EvaluationMetrics, TrainingProgress } from '../../shared/types'
import { expectedCalibrationError } from '../classify/calibration'
import type { TextClassifier } from '../classify/classifier'
import { initBackend } from '../classify/backend'
import { loadModel } from '../classify/model-store'
import { evaluate } from '../train/metrics'
import { trainInWorker } from '../train/training-client'
import type { Docsort, Progress } from './docsort'
import { discoverCategories, listFiles } from './folders'
import { mapPool } from './run-pool'

export interface EvaluationReport extends EvaluationMetrics {
  backend: string
  trainDocuments: number | null
  trainSeconds: number | null
  docsPerSecond: number
  ece: number
  /** Test files that could not be read, or whose category the model does not know. */
  skipped: number
  peakRssMb: number
}

export interface EvaluateOptions {
  train?: string
  test: string
  maxEpochs?: number
  onReadProgress?: (p: Progress) => void
  onTrainProgress?: (p: TrainingProgress) => void
}

interface LabelledText {
  text: string
  traits: string[]
  label: string
}

export async function evaluateFolders(
  app: Docsort,
  options: EvaluateOptions,
): Promise<EvaluationReport> {
  const backend = await initBackend()
  let classifier: TextClassifier
  let trainDocuments: number | null = null
  let trainSeconds: number | null = null
  let scratch: string | undefined

  if (options.train) {
    const { documents: examples } = await readLabelled(app, options.train, options.onReadProgress)
    scratch = await mkdtemp(join(tmpdir(), 'docsort-eval-'))
    const trained = await trainInWorker(examples, join(scratch, 'model'), {
      backend,
      ...(options.maxEpochs === undefined ? {} : { maxEpochs: options.maxEpochs }),
      ...(options.onTrainProgress ? { onProgress: options.onTrainProgress } : {}),
    })
    trainDocuments = examples.length
    trainSeconds = trained.metadata.training.seconds
    classifier = await loadModel(trained.modelDir)
  } else {
    classifier = await app.activeClassifier()
  }

  try {
    const { documents: all, unreadable } = await readLabelled(
      app,
      options.test,
      options.onReadProgress,
    )
    const known = all.filter((d) => classifier.labels.includes(d.label))
    if (known.length === 0) {
      throw new AppError(
        'input/invalid',
        `None of the test categories in ${options.test} is known to the model`,
      )
    }
    const started = performance.now()
    const predictions = classifier.predict(known)
    const seconds = (performance.now() - started) / 1000
    const labels = [...classifier.labels]
    const metrics = evaluate(
      known.map((d) => labels.indexOf(d.label)),
      predictions.map((p) => labels.indexOf(p.label)),
      labels,
    )
    return {
      ...metrics,
      backend,
      trainDocuments,
      trainSeconds,
      docsPerSecond: known.length / Math.max(seconds, 1e-9),
      ece: expectedCalibrationError(
        predictions.map((p) => p.confidence),
        predictions.map((p, i) => p.label === known[i]?.label),
      ),
      skipped: all.length - known.length + unreadable,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }
  } finally {
    if (options.train) classifier.dispose()
    if (scratch) await rm(scratch, { recursive: true, force: true })
  }
}

async function readLabelled(
  app: Docsort,
  dir: string,
  onProgress?: (p: Progress) => void,
): Promise<{ documents: LabelledText[]; unreadable: number }> {
  const jobs: { label: string; path: string }[] = []
  for (const category of await discoverCategories(dir)) {
    for (const path of await listFiles(category.folder, { recursive: true }))
      jobs.push({ label: category.name, path })
  }
  let done = 0
  const read = await mapPool(jobs, 2, async (job) => {
    const file = await app.ingestFile(job.path)
    done += 1
    onProgress?.({ done, total: jobs.length, path: job.path })
    return file?.content.ok
      ? { text: file.content.text, traits: file.content.traits, label: job.label }
      : null
  })
  const documents = read.filter((d): d is LabelledText => d !== null)
  return { documents, unreadable: jobs.length - documents.length }
}
