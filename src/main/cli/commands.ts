/**
 * The CLI's commands over the application service. Each prints readable text, or with --json a
 * single JSON document, and throws AppError for the caller to report.
 */
import { basename, resolve } from 'node:path'
import { AppError } from '../../shared/errors'
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

export async function learnCommand({ app, out, positionals }: CommandContext): Promise<void> {
  requireArgs(positionals, 'learn <folder>...')
  const bar = out.progress('Reading')
  const report = await app.learn(
    positionals.map((p) => resolve(p)),
    (p) => bar.update(p.done, p.total, fileName(p.path ?? '')),
  )
  bar.finish()
  out.result(report)
  out.line(`Learned ${report.documents} documents in ${report.categories.length} categories:`)
  for (const c of report.categories)
    out.line(`  ${c.name.padEnd(28)} ${String(c.documents).padStart(5)}  ${c.folder}`)
  if (report.failed.length > 0) {
    out.line(`${report.failed.length} files could not be read and were skipped:`)
    for (const f of report.failed) out.line(`  ${fileName(f.path)}: ${f.message} [${f.code}]`)
  }
  out.line('Next: docsort train')
}

export async function trainCommand({ app, out, flags, signal }: CommandContext): Promise<void> {
  const bar = out.progress('Training')
  const trained = await app.train({
    signal,
    ...(flags.epochs === undefined ? {} : { maxEpochs: flags.epochs }),
    onProgress: (p) =>
      bar.update(p.batch + (p.epoch - 1) * p.batches, p.epochs * p.batches, describeTraining(p)),
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
  out.line(
    `Trained model ${metadata.version} on ${metadata.training.documents} documents in ${metadata.training.seconds.toFixed(1)} s (${metadata.training.epochs} epochs, ${metadata.training.backend} backend).`,
  )
  if (metadata.metrics.validationAccuracy !== null) {
    out.line(
      `Held-out accuracy ${percent(metadata.metrics.validationAccuracy).trim()} on ${metadata.training.validationDocuments} documents.`,
    )
  }
}

export async function classifyCommand({ app, out, positionals }: CommandContext): Promise<void> {
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
      `${fileName(entry.path)}: ${entry.predicted ?? '?'} ${percent(entry.confidence).trim()}${others ? `  (then ${others})` : ''}`,
    )
  }
}

export async function sortCommand({ app, out, positionals, flags }: CommandContext): Promise<void> {
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

export async function undoCommand({ app, out }: CommandContext): Promise<void> {
  const report = await app.undoLast()
  out.result(report)
  for (const u of report.undone) out.line(`Moved back: ${fileName(u.from)} → ${u.to}`)
  for (const f of report.failed) out.line(`Not undone (move ${f.moveId}): ${f.message} [${f.code}]`)
  if (report.undone.length === 0 && report.failed.length === 0) out.line('Nothing to undo.')
}

export function statusCommand({ app, out }: CommandContext): Promise<void> {
  const status = app.status()
  out.result(status)
  out.line(`Data folder: ${status.dataDir}`)
  out.line(
    status.model
      ? `Active model: ${status.model.version} (${status.model.labels.length} categories)`
      : 'No model trained yet.',
  )
  out.line('Categories:')
  for (const category of app.library.listCategories()) {
    const count =
      app.library.countsByCategory().find((c) => c.category === category.name)?.count ?? 0
    out.line(
      `  ${category.name.padEnd(28)} ${String(count).padStart(5)} documents  → ${category.folder}`,
    )
  }
  return Promise.resolve()
}

export async function evalCommand({ app, out, flags }: CommandContext): Promise<void> {
  if (!flags.test)
    throw new AppError(
      'input/invalid',
      'eval needs --test <folder> (and optionally --train <folder>)',
    )
  const readBar = out.progress('Reading')
  const trainBar = out.progress('Training')
  const report = await evaluateFolders(app, {
    test: resolve(flags.test),
    ...(flags.train ? { train: resolve(flags.train) } : {}),
    ...(flags.epochs === undefined ? {} : { maxEpochs: flags.epochs }),
    onReadProgress: (p) => readBar.update(p.done, p.total, fileName(p.path ?? '')),
    onTrainProgress: (p) => {
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
    `Accuracy ${percent(report.accuracy).trim()}, macro-F1 ${percent(report.macroF1).trim()} on ${report.documents} documents (${report.skipped} skipped).`,
  )
  if (report.trainSeconds !== null)
    out.line(
      `Trained on ${report.trainDocuments} documents in ${report.trainSeconds.toFixed(1)} s (${report.backend}).`,
    )
  out.line(
    `Inference ${report.docsPerSecond.toFixed(0)} documents/s, calibration error ${report.ece.toFixed(3)}, peak RSS ${report.peakRssMb.toFixed(0)} MB.`,
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
}: CommandContext): Promise<void> {
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
  for (const entry of entries) {
    const name = fileName(entry.path)
    if (entry.error) out.line(`  kept    ${name}: ${entry.error.message} [${entry.error.code}]`)
    else if (entry.duplicateOf) out.line(`  kept    ${name}: identical to ${entry.duplicateOf}`)
    else if (!entry.category)
      out.line(
        `  unsure  ${name}: ${entry.predicted ?? '?'} at ${percent(entry.confidence).trim()}, left for review`,
      )
    else if (applied && entry.movedTo)
      out.line(
        `  moved   ${name} → ${entry.category}/${basename(entry.movedTo)} (${percent(entry.confidence).trim()})`,
      )
    else out.line(`  would move ${name} → ${entry.category} (${percent(entry.confidence).trim()})`)
  }
  const moved = entries.filter((e) => e.movedTo).length
  const unsure = entries.filter((e) => !e.error && !e.category).length
  const failed = entries.filter((e) => e.error).length
  out.line(
    applied
      ? `${moved} moved, ${unsure} unsure, ${failed} unreadable.`
      : `Plan only: run again with --apply to move ${entries.filter((e) => e.category && !e.error).length} files.`,
  )
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

function requireArgs(positionals: string[], usage: string): void {
  if (positionals.length === 0) throw new AppError('input/invalid', `usage: docsort ${usage}`)
}
