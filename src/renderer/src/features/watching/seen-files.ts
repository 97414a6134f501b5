import type { SeenFileView } from '../../../../shared/api'

/** How many recent files the Watching screen asks for and keeps. */
export const RECENT_LIMIT = 50

/**
 * A `file:seen` event describes the newest state of one file: it replaces that file's earlier row
 * and goes to the top, newest first, keeping at most `limit` rows.
 */
export function upsertSeen(
  files: readonly SeenFileView[],
  seen: SeenFileView,
  limit = RECENT_LIMIT,
): SeenFileView[] {
  return [seen, ...files.filter((file) => file.path !== seen.path)].slice(0, limit)
}
