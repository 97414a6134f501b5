/**
 * The application service: learning from category folders, training, classifying, sorting an
 * inbox, undoing and reporting status, over the library, the extractor, the mover and the
 * classifier. The CLI and the desktop shell are both thin layers over this class.
 */
import { mkdir } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { AppError, type SerializedError } from '../../shared/errors'
import type { Prediction, TrainingProgress } from '../../shared/types'
import { initBackend } from '../classify/backend'
import type { TextClassifier } from '../classify/classifier'
import { loadModel } from '../classify/model-store'
import { Extractor, type ExtractorOptions } from '../extract/extractor'
import { Library } from '../library/library'
import type { Category } from '../library/categories'
import type { ModelDetails, ModelRecord } from '../library/models'
import type { LibraryStats } from '../library/stats'
import { createLogger } from '../log/logger'
import { Mover, type BatchUndoReport } from '../sort/mover'
import { SqliteMoveJournal } from '../sort/sqlite-move-journal'
import { trainInWorker, type TrainedModel } from '../train/training-client'
import { dataPaths, type DataPaths } from './data-dir'
import { discoverCategories, listFiles } from './folders'
import { Ingestor, type IngestedFile } from './ingest'
import { mapPool } from './run-pool'
import { SortPlanner, type SortEntry } from './sort-planner'

export interface DocsortOptions {
  dataDir?: string
  extractor?: ExtractorOptions
}

export interface Progress {
  done: number
  total: number
  path?: string
}

export interface LearnReport {
  categories: { name: string; folder: string; documents: number }[]
  documents: number
  failed: { path: string; code: string; message: string }[]
}

const log = createLogger('app')

// Corrections made while a model trained are not in its training set; replaying a little more
// than the training time covers them, and replaying one that was included does no harm.
const REPLAY_MARGIN_MS = 60_000

export class Docsort {
  readonly paths: DataPaths
  readonly library: Library
  readonly extractor: Extractor
  readonly mover: Mover
  private readonly ingestor: Ingestor
  private readonly planner: SortPlanner
  private classifier: TextClassifier | undefined

  private constructor(paths: DataPaths, library: Library, extractor: Extractor) {
    this.paths = paths
    this.library = library
    this.extractor = extractor
    this.mover = new Mover(new SqliteMoveJournal(library.db), createLogger('sort'))
    this.ingestor = new Ingestor(library, extractor)
    this.planner = new SortPlanner(library, this.mover, this.ingestor, () =>
      this.activeClassifier(),
    )
  }

  /** Opens the data folder and finishes or rolls back any move a crash interrupted. */
  static async open(options: DocsortOptions = {}): Promise<Docsort> {
    const paths = dataPaths(options.dataDir)
    await mkdir(paths.models, { recursive: true })
    const library = Library.open(paths.database)
    const app = new Docsort(paths, library, new Extractor({ concurrency: 2, ...options.extractor }))
    const recovery = await app.mover.recover()
    if (recovery.completed.length + recovery.rolledBack.length > 0) {
      log.info('interrupted moves settled', {
        completed: recovery.completed.length,
        rolledBack: recovery.rolledBack.length,
      })
    }
    return app
  }

  async close(): Promise<void> {
    this.classifier?.dispose()
    this.classifier = undefined
    await this.extractor.close()
    this.library.close()
  }

  /** Imports every document of the given folders as a labelled example of its folder's category. */
  async learn(folders: string[], onProgress?: (p: Progress) => void): Promise<LearnReport> {
    const categories = (await Promise.all(folders.map((f) => discoverCategories(f)))).flat()
    for (const category of categories) this.library.upsertCategory(category.name, category.folder)
    return this.importExamples(categories, onProgress)
  }

  /** Imports the files of one existing category's folder as its examples. */
  async learnCategory(name: string, onProgress?: (p: Progress) => void): Promise<LearnReport> {
    const category = this.library.getCategory(name)
    if (!category) {
      throw new AppError('library/category-not-found', `There is no category named "${name}"`)
    }
    return this.importExamples([{ name: category.name, folder: category.folder }], onProgress)
  }

  private async importExamples(
    categories: { name: string; folder: string }[],
    onProgress?: (p: Progress) => void,
  ): Promise<LearnReport> {
    const jobs: { category: string; path: string }[] = []
    for (const category of categories) {
      for (const path of await listFiles(category.folder, { recursive: true })) {
        jobs.push({ category: category.name, path })
      }
    }

    const report: LearnReport = { categories: [], documents: 0, failed: [] }
    const counts = new Map<string, number>()
    let done = 0
    await mapPool(jobs, 2, async (job) => {
      const file = await this.ingestFile(job.path)
      done += 1
      onProgress?.({ done, total: jobs.length, path: job.path })
      if (!file) return
      if (!file.content.ok) {
        report.failed.push({
          path: job.path,
          code: file.content.errorCode,
          message: file.content.errorMessage,
        })
        return
      }
      const category = this.library.getCategory(job.category)
      if (!category) return
      this.library.setLabel(file.hash, category.id, 'imported')
      this.library.upsertDocument({
        path: job.path,
        hash: file.hash,
        size: file.size,
        mtimeMs: file.mtimeMs,
        status: 'labelled',
      })
      counts.set(job.category, (counts.get(job.category) ?? 0) + 1)
      report.documents += 1
    })
    report.categories = categories.map((c) => ({ ...c, documents: counts.get(c.name) ?? 0 }))
    log.info('learned from folders', {
      categories: categories.length,
      documents: report.documents,
      failed: report.failed.length,
    })
    return report
  }

  /**
   * Trains a new model on every labelled document in a worker. It becomes the active one once it
   * loads and predicts here, unless `shouldActivate` says the active model is better; then it is
   * recorded but the active model stays.
   */
  async train(
    options: {
      onProgress?: (p: TrainingProgress) => void
      signal?: AbortSignal
      maxEpochs?: number
      shouldActivate?: (candidate: TrainedModel, active: ModelRecord | undefined) => boolean
      details?: (candidate: TrainedModel) => ModelDetails
    } = {},
  ): Promise<TrainedModel & { activated: boolean }> {
    const examples = this.library
      .labelledExamples()
      .map((e) => ({ text: e.text, traits: e.traits, label: e.category }))
    const labels = new Set(examples.map((e) => e.label))
    if (labels.size < 2) {
      throw new AppError(
        'train/not-enough-data',
        `Training needs documents in at least two categories; the library has ${labels.size}. ` +
          'Run "docsort learn <folder>" first.',
      )
    }
    const backend = await initBackend()
    const version = new Date().toISOString().replace(/[:.]/g, '-')
    const { shouldActivate, details, ...trainOptions } = options
    const trained = await trainInWorker(examples, join(this.paths.models, version), {
      ...trainOptions,
      backend,
    })

    // The new model becomes active only once it loads and predicts here.
    const candidate = await loadModel(trained.modelDir)
    candidate.warmUp()
    const previous = this.library.activeModel()
    this.library.recordModel({
      version: trained.metadata.version,
      dir: trained.modelDir,
      labels: trained.metadata.labels,
      metrics: trained.validation,
      details: details?.(trained) ?? {
        curve: [],
        backend,
        documents:
          trained.metadata.training.documents + trained.metadata.training.validationDocuments,
      },
    })
    const activated = shouldActivate?.(trained, previous) ?? true
    if (activated) {
      this.library.setActiveModel(trained.metadata.version)
      this.classifier?.dispose()
      this.classifier = candidate
      this.replayCorrections(candidate)
    } else {
      candidate.dispose()
    }
    log.info(activated ? 'model trained' : 'model trained, previous model kept', {
      version: trained.metadata.version,
      labels: trained.metadata.labels,
      documents: trained.metadata.training.documents,
      validationAccuracy: trained.metadata.metrics.validationAccuracy,
      seconds: trained.metadata.training.seconds,
      backend,
    })
    return { ...trained, activated }
  }

  /** Makes an earlier model the active one again; it must load first. */
  async activateModel(version: string): Promise<ModelRecord> {
    const record = this.library.listModels().find((m) => m.version === version)
    if (!record) {
      throw new AppError('model/not-found', `Model version "${version}" is not in the library`)
    }
    await initBackend()
    const classifier = await loadModel(record.dir)
    classifier.warmUp()
    useLabels(classifier, record.labels)
    this.library.setActiveModel(version)
    this.classifier?.dispose()
    this.classifier = classifier
    this.replayCorrections(classifier)
    log.info('model activated', { version })
    return { ...record, active: true }
  }

  /** Renames a category, in the library, in every model's labels and in the live model. */
  renameCategory(name: string, to: string): Category {
    const renamed = this.library.renameCategory(name, to)
    if (!renamed) {
      throw new AppError('library/category-not-found', `There is no category named "${name}"`)
    }
    if (this.classifier) {
      useLabels(
        this.classifier,
        this.classifier.labels.map((l) => (l === name ? to : l)),
      )
    }
    return renamed
  }

  async classify(paths: string[], onProgress?: (p: Progress) => void): Promise<SortEntry[]> {
    return this.planner.classify(paths, onProgress)
  }

  async planSort(
    inbox: string,
    options: { threshold?: number; onProgress?: (p: Progress) => void } = {},
  ): Promise<SortEntry[]> {
    return this.planFiles(await listFiles(inbox, { recursive: false, all: true }), options)
  }

  planFiles(
    paths: string[],
    options: { threshold?: number; onProgress?: (p: Progress) => void } = {},
  ): Promise<SortEntry[]> {
    return this.planner.plan(paths, options)
  }

  async applySort(
    entries: SortEntry[],
    onProgress?: (p: Progress) => void,
    options: { automatic?: boolean } = {},
  ): Promise<SortEntry[]> {
    return this.planner.apply(entries, onProgress, options)
  }

  async undoLast(): Promise<BatchUndoReport> {
    const last = this.mover.lastBatch()
    if (!last) throw new AppError('sort/nothing-to-undo', 'There is no move to undo')
    const report = await this.mover.undoBatch(last.batchId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'sort/nothing-to-undo') {
        throw new AppError(
          'sort/nothing-to-undo',
          'Nothing left to undo: the last sort was already undone',
          { cause: error },
        )
      }
      throw error
    })
    this.relocateUndone(report)
    return report
  }

  /** Undoes the given moves, newest first; failures are reported, not thrown. */
  async undoMoves(moveIds: readonly number[]): Promise<BatchUndoReport> {
    const report = await this.mover.undoMany(moveIds)
    this.relocateUndone(report)
    return report
  }

  private relocateUndone(report: BatchUndoReport): void {
    for (const undone of report.undone) {
      const doc = this.library.getDocumentByPath(undone.from)
      // Skipped: a watcher running meanwhile must not sort the file again the moment it is back.
      if (doc) this.library.relocateDocument(doc.id, undone.to, 'skipped')
    }
  }

  async activeClassifier(): Promise<TextClassifier> {
    if (this.classifier) return this.classifier
    const active = this.library.activeModel()
    if (!active) {
      throw new AppError(
        'model/not-trained',
        'No model has been trained yet. Run "docsort learn <folder>" and then "docsort train".',
      )
    }
    await initBackend()
    this.classifier = await this.loadUsableModel(active)
    this.replayCorrections(this.classifier)
    return this.classifier
  }

  /**
   * Feeds the corrections stored since the active model was trained into its correction memory,
   * so they apply from the CLI as from the desktop app, after a restart as before it.
   */
  private replayCorrections(classifier: TextClassifier): void {
    const record = this.library.activeModel()
    if (!record) return
    const trainingMs = classifier.metadata.training.seconds * 1000
    const since = record.createdAt - trainingMs - REPLAY_MARGIN_MS
    const known = new Set(classifier.labels)
    let replayed = 0
    for (const example of this.library.labelledSince(since)) {
      // A correction teaches the memory; any example of a category the model does not know
      // (created after training) builds that category's prototype.
      if (example.source !== 'corrected' && known.has(example.category)) continue
      classifier.learnCorrection(example, example.category)
      replayed += 1
    }
    if (replayed > 0) log.info('corrections replayed into the model', { corrections: replayed })
  }

  /**
   * Loads `active`, or when its files are damaged or incompatible, the newest older model that
   * loads, which then becomes the active one: a broken model degrades sorting, never stops it.
   */
  private async loadUsableModel(active: ModelRecord): Promise<TextClassifier> {
    const candidates = [
      active,
      ...this.library.listModels().filter((m) => m.version !== active.version),
    ]
    let firstError: unknown
    for (const record of candidates) {
      try {
        const classifier = await loadModel(record.dir)
        classifier.warmUp()
        useLabels(classifier, record.labels)
        if (record.version !== active.version) {
          this.library.setActiveModel(record.version)
          log.warn('active model unusable; fell back to an earlier one', {
            broken: active.version,
            active: record.version,
          })
        }
        return classifier
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        firstError ??= error
        log.error('model cannot be loaded', {
          version: record.version,
          code: error.code,
          dir: record.dir,
        })
      }
    }
    throw firstError
  }

  /** Library statistics, the data folder, and the active model's labels (empty without one). */
  status(): LibraryStats & { dataDir: string; labels: string[] } {
    return {
      ...this.library.stats(),
      dataDir: this.paths.root,
      labels: this.library.activeModel()?.labels ?? [],
    }
  }

  /**
   * Records that each file belongs to `category`, as a correction: a labelled example for the
   * next retrain, and at once for the live model through its correction memory. `learned` is false
   * where the model cannot use it yet (a category created after it was trained).
   */
  async correct(
    paths: string[],
    categoryName: string,
  ): Promise<{ path: string; learned: boolean; error: SerializedError | null }[]> {
    const category = this.library.getCategory(categoryName)
    if (!category) {
      throw new AppError(
        'library/category-not-found',
        `There is no category named "${categoryName}"`,
      )
    }
    const classifier = this.library.activeModel() ? await this.activeClassifier() : undefined
    const results = []
    for (const path of paths) {
      const file = await this.ingestFile(path)
      if (!file) {
        const error: SerializedError = {
          code: 'extract/not-found',
          message: `"${path}" does not exist`,
          path,
        }
        results.push({ path, learned: false, error })
        continue
      }
      const content = file.content
      if (!content.ok) {
        const error = { code: content.errorCode, message: content.errorMessage, path }
        results.push({ path, learned: false, error })
        continue
      }
      this.library.setLabel(file.hash, category.id, 'corrected')
      classifier?.learnCorrection(content, category.name)
      const learned = classifier !== undefined
      results.push({ path, learned, error: null })
    }
    log.info('files corrected', { category: category.name, files: paths.length })
    return results
  }

  /** Null when the file vanished before it could be read, which is normal in a watched folder. */
  async ingestFile(path: string): Promise<IngestedFile | null> {
    try {
      return await this.ingestor.ingest(path)
    } catch (error) {
      if (error instanceof AppError && error.code === 'extract/not-found') {
        log.debug('file vanished before it was read', { file: basename(path) })
        return null
      }
      throw error
    }
  }

  classifyText(texts: string[]): Promise<Prediction[]> {
    return this.activeClassifier().then((c) => c.predict(texts))
  }
}

/**
 * The library's labels win over those in a model's metadata.json: a category renamed after
 * training keeps its model outputs.
 */
function useLabels(classifier: TextClassifier, labels: readonly string[]): void {
  if (labels.length !== classifier.labels.length) return
  classifier.metadata.labels = [...labels]
}
