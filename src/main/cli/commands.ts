/**
 * The CLI's commands over the application service. Each prints readable text, or with --json a
 * single JSON document, throws AppError or UsageError for the caller to report, and may return
 * an exit code when it finished but not everything succeeded.
 */
import { basename, resolve } from 'node:path'
import type { TrainingProgress } from '../../shared/types'
import type { Docsort } from '../app/docsort'
import { evaluateFolders } from '../app/evaluate'
import type { SortEntry } from '../app/sort-planner'
import { FolderWatcher } from '../watch/watcher'
import { confusionTable, fileName, metricsTable, percent, type Output } from './output'

export interface CommandContext {
  app: Docsort
  out: Output
  positionals: string[]
  flags: { apply: boolean; threshold?: number; train?: string; test?: string; epochs?: number }
  signal: AbortSignal
}

/** The exit code, when it is not 0. */
export type CommandResult = Promise<number | void>

export async function learnCommand({ app, out, positionals }: CommandContext): CommandResult {
  requireArgs(positionals, 'learn <folder>...')
  const bar = out.progress('Reading')
  const report = await app.learn(
    positionals.map((p) => resolve(p)),
    (p) => bar.update(p.done, p.total, fileName(p.path ?? '')),
  )
  bar.finish()
  out.result(report)
  out.line(
    `Learned ${plural(report.documents, 'document', 'documents')} ` +
      `in ${plural(report.categories.length, 'category', 'categories')}:`,
  )
  for (const c of report.categories)
    out.line(`  ${c.name.padEnd(28)} ${String(c.documents).padStart(5)}  ${c.folder}`)
  if (report.failed.length > 0) {
    const failed = report.failed.length
    const verb = failed === 1 ? 'was' : 'were'
    out.line(`${plural(failed, 'file', 'files')} could not be read and ${verb} skipped:`)
    for (const f of report.failed) out.line(`  ${fileName(f.path)}: ${f.message} [${f.code}]`)
  }
  const usable = app.library.countsByCategory().filter((c) => c.count > 0).length
  out.line(
    usable >= 2
      ? 'Next: docsort train'
      : `Training needs documents in at least two categories; the library has ${usable}. ` +
          'Learn more folders first.',
  )
}

export async function trainCommand({ app, out, flags, signal }: CommandContext): CommandResult {
  const bar = out.progress('Training')
  const trained = await app.train({
    signal,
    ...(flags.epochs === undefined ? {} : { maxEpochs: flags.epochs }),
    onProgress: (p) => {
      if (p.phase === 'training' || p.phase === 'evaluating') {
        bar.update(p.batch + (p.epoch - 1) * p.batches, p.epochs * p.batches, describeTraining(p))
      }
    },
  })
  bar.finish()
  const { metadata } = trained
  out.result({
    version: metadata.version,
    labels: metadata.labels,
    training: metadata.training,
    metrics: metadata.metrics,
    temperature: metadata.temperature,
  })
  const { documents, seconds, epochs, backend } = metadata.training
  out.line(
    `Trained model ${metadata.version} on ${documents} documents in ${seconds.toFixed(1)} s ` +
      `(${epochs} epochs, ${backend} backend).`,
  )
  if (metadata.metrics.validationAccuracy !== null) {
    out.line(
      `Held-out accuracy ${percent(metadata.metrics.validationAccuracy).trim()} ` +
        `on ${metadata.training.validationDocuments} documents.`,
    )
  }
}

export async function classifyCommand({ app, out, positionals }: CommandContext): CommandResult {
  requireArgs(positionals, 'classify <file>...')
  const entries = await app.classify(positionals.map((p) => resolve(p)))
  out.result({ files: entries.map(toJsonEntry) })
  for (const entry of entries) {
    if (entry.error) {
      out.line(
        `${fileName(entry.path)}: not classified: ${entry.error.message} [${entry.error.code}]`,
      )
      continue
    }
    const others = entry.runnersUp
      .map((r) => `${r.label} ${percent(r.confidence).trim()}`)
      .join(', ')
    out.line(
      `${fileName(entry.path)}: ${entry.predicted ?? '?'} ${percent(entry.confidence).trim()}` +
        (others ? `  (then ${others})` : ''),
    )
  }
  return entries.some((e) => e.error) ? 1 : 0
}

export async function correctCommand({ app, out, positionals }: CommandContext): CommandResult {
  requireArgs(positionals, 'correct <category> <file>...')
  const [category = '', ...files] = positionals
  requireArgs(files, 'correct <category> <file>...')
  const results = await app.correct(
    files.map((f) => resolve(f)),
    category,
  )
  out.result({ category, files: results })
  for (const result of results) {
    if (result.error) {
      out.line(`${fileName(result.path)}: not corrected: ${result.error.message}`)
    } else if (result.learned) {
      out.line(`${fileName(result.path)}: ${category}; the model uses this at once`)
    } else {
      out.line(`${fileName(result.path)}: ${category}; the model learns it at the next "train"`)
    }
  }
  return results.some((r) => r.error) ? 1 : 0
}

export async function sortCommand({ app, out, positionals, flags }: CommandContext): CommandResult {
  requireArgs(positionals, 'sort <inbox> [--apply]')
  const inbox = resolve(positionals[0] ?? '.')
  const bar = out.progress('Classifying')
  let entries = await app.planSort(inbox, {
    ...(flags.threshold === undefined ? {} : { threshold: flags.threshold }),
    onProgress: (p) => bar.update(p.done, p.total, fileName(p.path ?? '')),
  })
  bar.finish()
  if (flags.apply) entries = await app.applySort(entries)
  out.result({ inbox, applied: flags.apply, files: entries.map(toJsonEntry) })
  printSortEntries(out, entries, flags.apply)
}

export async function undoCommand({ app, out }: CommandContext): CommandResult {
  const report = await app.undoLast()
  out.result(report)
  for (const u of report.undone) out.line(`Moved back: ${fileName(u.from)} → ${u.to}`)
  for (const f of report.failed) out.line(`Not undone (move ${f.moveId}): ${f.message} [${f.code}]`)
  if (report.undone.length === 0 && report.failed.length === 0) out.line('Nothing to undo.')
  return report.failed.length > 0 ? 1 : 0
}

export function statusCommand({ app, out }: CommandContext): CommandResult {
  const status = app.status()
  out.result(status)
  out.line(`Data folder: ${status.dataDir}`)
  out.line(
    status.activeModel
      ? `Active model: ${status.activeModel} ` +
          `(${plural(status.labels.length, 'category', 'categories')})`
      : 'No model trained yet.',
  )
  const categories = app.library.listCategories()
  out.line(
    categories.length > 0 ? 'Categories:' : 'No categories yet: run "docsort learn <folder>".',
  )
  for (const category of categories) {
    const count =
      app.library.countsByCategory().find((c) => c.category === category.name)?.count ?? 0
    out.line(
      `  ${category.name.padEnd(28)} ${String(count).padStart(5)} documents` +
        `  → ${category.folder}`,
    )
  }
  return Promise.resolve()
}

export async function evalCommand({ app, out, flags }: CommandContext): CommandResult {
  if (!flags.test) throw new UsageError('usage: docsort eval --test <folder> [--train <folder>]')
  const readBar = out.progress('Reading')
  const trainBar = out.progress('Training')
  const report = await evaluateFolders(app, {
    test: resolve(flags.test),
    ...(flags.train ? { train: resolve(flags.train) } : {}),
    ...(flags.epochs === undefined ? {} : { maxEpochs: flags.epochs }),
    onReadProgress: (p) => readBar.update(p.done, p.total, fileName(p.path ?? '')),
    onTrainProgress: (p) => {
      if (p.phase !== 'training' && p.phase !== 'evaluating') return
      readBar.finish()
      trainBar.update(
        p.batch + Math.max(0, p.epoch - 1) * p.batches,
        p.epochs * p.batches,
        describeTraining(p),
      )
    },
  })
  readBar.finish()
  trainBar.finish()
  out.result(report)
  out.line(
    `Accuracy ${percent(report.accuracy).trim()}, macro-F1 ${percent(report.macroF1).trim()} ` +
      `on ${report.documents} documents (${report.skipped} skipped).`,
  )
  if (report.trainSeconds !== null)
    out.line(
      `Trained on ${report.trainDocuments} documents ` +
        `in ${report.trainSeconds.toFixed(1)} s (${report.backend}).`,
    )
  out.line(
    `Inference ${report.docsPerSecond.toFixed(0)} documents/s, ` +
      `calibration error ${report.ece.toFixed(3)}, peak RSS ${report.peakRssMb.toFixed(0)} MB.`,
  )
  out.line()
  out.line(metricsTable(report))
  out.line()
  out.line(confusionTable(report))
}

export async function watchCommand({
  app,
  out,
  positionals,
  flags,
  signal,
}: CommandContext): CommandResult {
  requireArgs(positionals, 'watch <folder>...')
  const folders = positionals.map((p) => resolve(p))
  await app.activeClassifier()
  const watcher = new FolderWatcher(folders)
  let queue = Promise.resolve()
  watcher.on('file', (file) => {
    queue = queue.then(async () => {
      const planned = await app.planFiles([file.path], {
        ...(flags.threshold === undefined ? {} : { threshold: flags.threshold }),
      })
      const entries = await app.applySort(planned)
      if (out.json)
        for (const entry of entries) process.stdout.write(`${JSON.stringify(toJsonEntry(entry))}\n`)
      printSortEntries(out, entries, true)
    })
  })
  watcher.on('error', (error) => out.error(`watching failed: ${error.message}`))
  await watcher.whenReady()
  out.line(`Watching ${folders.join(', ')}. Press Ctrl+C to stop.`)
  await new Promise<void>((resolveStop) =>
    signal.addEventListener('abort', () => resolveStop(), { once: true }),
  )
  await watcher.close()
  await queue
}

function printSortEntries(out: Output, entries: SortEntry[], applied: boolean): void {
  for (const entry of entries) out.line(describeEntry(entry, applied))
  const moved = entries.filter((e) => e.movedTo).length
  const unsure = entries.filter((e) => !e.error && !e.category).length
  const unreadable = entries.filter((e) => e.error?.code.startsWith('extract/')).length
  const kept = entries.length - moved - unsure - unreadable
  const planned = entries.filter((e) => e.category && !e.error).length
  const keptNote = kept > 0 ? `, ${kept} kept (see above)` : ''
  out.line(
    applied
      ? `${moved} moved, ${unsure} unsure, ${unreadable} unreadable${keptNote}.`
      : `Plan only: run again with --apply to move ${plural(planned, 'file', 'files')}.`,
  )
}

function describeEntry(entry: SortEntry, applied: boolean): string {
  const name = fileName(entry.path)
  const confidence = percent(entry.confidence).trim()
  if (entry.error) return `  kept    ${name}: ${entry.error.message} [${entry.error.code}]`
  if (entry.duplicateOf) return `  kept    ${name}: identical to ${entry.duplicateOf}`
  if (!entry.category) {
    return `  unsure  ${name}: ${entry.predicted ?? '?'} at ${confidence}, left for review`
  }
  if (applied && entry.movedTo) {
    return `  moved   ${name} → ${entry.category}/${basename(entry.movedTo)} (${confidence})`
  }
  return `  would move ${name} → ${entry.category} (${confidence})`
}

function toJsonEntry(entry: SortEntry): Record<string, unknown> {
  return {
    path: entry.path,
    category: entry.category,
    predicted: entry.predicted,
    confidence: entry.confidence,
    runnersUp: entry.runnersUp,
    movedTo: entry.movedTo,
    ...(entry.duplicateOf ? { duplicateOf: entry.duplicateOf } : {}),
    ...(entry.error ? { error: entry.error } : {}),
  }
}

function describeTraining(p: TrainingProgress): string {
  const loss = p.loss === null ? '' : ` loss ${p.loss.toFixed(3)}`
  const accuracy = p.accuracy === null ? '' : ` acc ${percent(p.accuracy).trim()}`
  const val = p.valAccuracy === null ? '' : ` val ${percent(p.valAccuracy).trim()}`
  return `epoch ${p.epoch}/${p.epochs}${loss}${accuracy}${val}`
}

/** A command line that cannot be run as written; the CLI exits with code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

function requireArgs(positionals: string[], usage: string): void {
  if (positionals.length === 0) throw new UsageError(`usage: docsort ${usage}`)
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}
