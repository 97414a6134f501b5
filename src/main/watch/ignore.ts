/**
 * Names the watcher never reports: downloads still in progress (Chrome .crdownload, Firefox .part,
 * Safari .download, generic .tmp), hidden files, Office lock files (~$name.docx) and the mover's
 * own partial copies.
 */
const IN_PROGRESS = /\.(crdownload|part|download|tmp|docsort-partial)$/i

export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || IN_PROGRESS.test(name)
}
