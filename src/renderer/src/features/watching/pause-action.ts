import type { WatchedFolderView } from '../../../../shared/api'

export type PauseAction = 'pause' | 'resume'

/**
 * What the Watching header offers: resume while paused, whatever is in the list; pause only while
 * some folder is watched, since pausing nothing would do nothing.
 */
export function pauseAction(
  paused: boolean,
  watched: readonly WatchedFolderView[],
): PauseAction | null {
  if (paused) return 'resume'
  return watched.some((folder) => folder.enabled) ? 'pause' : null
}
