/**
 * Settles a move that was still 'pending' when the process stopped, so that the file exists
 * exactly once with its journaled bytes. It deletes only a name whose bytes equal the journal's
 * while another name holds them too, or a partial copy while the source or target is intact.
 */
import { unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Logger } from '../log/logger'
import { fsyncDir, hashIfPresent, isAbsent, removeIfPresent } from './file-ops'
import type { MoveJournal, MoveRecord } from './move-journal'
import { partialPath } from './target-name'

export type Settlement = 'completed' | 'rolled-back' | 'failed'

export async function settle(
  journal: MoveJournal,
  row: MoveRecord,
  logger: Logger,
): Promise<Settlement> {
  const sourceHash = await hashIfPresent(row.source)
  const targetHash = await hashIfPresent(row.target)
  const atSource = sourceHash === row.hash
  const atTarget = targetHash === row.hash
  const partial = partialPath(row.source, row.target, row.id)

  if (atTarget) {
    // Both names hold the bytes when the process died between link/copy and unlink.
    if (atSource) await removeDuplicateSource(row)
    await removeIfPresent(partial)
    complete(journal, row)
    logger.warn('interrupted move completed', { moveId: row.id, to: row.target })
    return 'completed'
  }

  if (atSource) {
    await removeIfPresent(partial)
    journal.finish(row.id, 'rolled-back', { error: 'interrupted; the file stayed at its source' })
    logger.warn('interrupted move rolled back', { moveId: row.id, at: row.source })
    return 'rolled-back'
  }

  // Neither name holds the journaled bytes: someone changed or removed the file. Touch nothing,
  // including a partial copy, which may be the last copy of those bytes.
  const reason =
    `neither "${row.source}" (${describe(sourceHash)}) nor "${row.target}" ` +
    `(${describe(targetHash)}) holds the journaled file; nothing was touched`
  journal.finish(row.id, 'failed', { error: reason })
  logger.error('interrupted move cannot be settled', { moveId: row.id, reason })
  return 'failed'
}

async function removeDuplicateSource(row: MoveRecord): Promise<void> {
  try {
    await unlink(row.source)
  } catch (error) {
    if (!isAbsent(error)) throw error
  }
  await fsyncDir(dirname(row.source))
}

function complete(journal: MoveJournal, row: MoveRecord): void {
  if (row.kind === 'undo' && row.undoes !== null) journal.finishUndo(row.id, row.undoes)
  else journal.finish(row.id, 'done')
}

function describe(hash: string | null): string {
  return hash === null ? 'absent' : 'other bytes'
}
