/**
 * The physical steps of one journaled move: claim the target name exclusively, bring the bytes
 * there (a hard link on one device, a verified durable copy across devices), then remove the
 * source. On a thrown error the source is intact and nothing of ours is left at the target.
 */
import { link, open, rename, stat, unlink } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Logger } from '../log/logger'
import {
  copyDurably,
  errnoOf,
  fsyncDir,
  hashFile,
  isAbsent,
  removeIfPresent,
  type Fingerprint,
} from './file-ops'
import { destinationError, reasonOf, sourceError } from './move-errors'
import type { MoveJournal, MoveMethod, MoveRecord } from './move-journal'
import { partialPath } from './target-name'

export type Candidate = { kind: 'free'; target: string } | { kind: 'duplicate'; of: string }

/** Asked when the journaled target turned out to be taken: the next name, a duplicate, or throw. */
export type NextCandidate = () => Promise<Candidate>

export type TransferResult =
  { kind: 'moved'; target: string; method: MoveMethod } | { kind: 'duplicate'; of: string }

export interface TransferContext {
  journal: MoveJournal
  logger: Logger
  /** Copy even where a hard link would do, as across devices. */
  forceCopy: boolean
}

/** The rollback itself failed: the file may be at both places. Recovery settles the row later. */
export class UncertainMove extends Error {}

// link(2) answers these where the file system has no hard links or the paths are on two devices.
const LINK_UNSUPPORTED = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS'])

export async function transfer(
  ctx: TransferContext,
  row: MoveRecord,
  source: Fingerprint,
  next: NextCandidate,
): Promise<TransferResult> {
  if (!ctx.forceCopy) {
    const claimed = await claimByLink(ctx, row, row.source, next)
    if (claimed !== 'unsupported') {
      if (claimed.kind === 'duplicate') return claimed
      await removeSource(ctx, row, claimed.target, source, 'link')
      return { kind: 'moved', target: claimed.target, method: 'link' }
    }
    ctx.logger.debug('hard link not possible, copying', { moveId: row.id })
  }
  return copyAcross(ctx, row, source, next)
}

/**
 * link(2) creates the name only if it is free, so two movers can never pick the same name, and
 * the journal names the target before each attempt.
 */
function claimByLink(
  ctx: TransferContext,
  row: MoveRecord,
  from: string,
  next: NextCandidate,
): Promise<Candidate | 'unsupported'> {
  return claimFirstFree(ctx, row, next, async (target) => {
    try {
      await link(from, target)
      return 'claimed'
    } catch (error) {
      const code = errnoOf(error)
      if (code === 'EEXIST') return 'taken'
      if (code !== undefined && LINK_UNSUPPORTED.has(code)) return 'unsupported'
      throw await failure(row, target, error)
    }
  })
}

/** For a destination without hard links: claim an empty file exclusively, then rename over it. */
async function claimByRename(
  ctx: TransferContext,
  row: MoveRecord,
  partial: string,
  next: NextCandidate,
): Promise<Candidate> {
  const claimed = await claimFirstFree(ctx, row, next, async (target) => {
    try {
      await (await open(target, 'wx')).close()
      await rename(partial, target)
      return 'claimed'
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') return 'taken'
      throw await failure(row, target, error)
    }
  })
  // The rename attempt never answers 'unsupported'.
  if (claimed === 'unsupported') throw new Error('claimByRename cannot be unsupported')
  return claimed
}

/**
 * Tries `attempt` on the journal's target and on each next candidate name until one is claimed,
 * an identical file turns up (a duplicate), or the attempt says the method is unsupported.
 */
async function claimFirstFree(
  ctx: TransferContext,
  row: MoveRecord,
  next: NextCandidate,
  attempt: (target: string) => Promise<'claimed' | 'taken' | 'unsupported'>,
): Promise<Candidate | 'unsupported'> {
  let target = row.target
  for (;;) {
    const outcome = await attempt(target)
    if (outcome === 'claimed') return { kind: 'free', target }
    if (outcome === 'unsupported') return outcome
    const candidate = await next()
    if (candidate.kind === 'duplicate') return candidate
    target = candidate.target
    ctx.journal.retarget(row.id, target)
  }
}

async function copyAcross(
  ctx: TransferContext,
  row: MoveRecord,
  source: Fingerprint,
  next: NextCandidate,
): Promise<TransferResult> {
  ctx.journal.setMethod(row.id, 'copy')
  const partial = partialPath(row.source, row.target, row.id)
  let claimed: Candidate
  try {
    await copyDurably(row.source, partial)
    if ((await hashFile(partial)) !== row.hash) throw changed(row.source)
    const linked = await claimByLink(ctx, row, partial, next)
    claimed = linked === 'unsupported' ? await claimByRename(ctx, row, partial, next) : linked
  } catch (error) {
    await removePartial(ctx, partial)
    throw await failure(row, row.target, error)
  }
  // After a link the partial is a second name of the target; after a rename it is gone.
  await removePartial(ctx, partial)
  if (claimed.kind === 'duplicate') return claimed
  await removeSource(ctx, row, claimed.target, source, 'copy')
  return { kind: 'moved', target: claimed.target, method: 'copy' }
}

/** The target holds the bytes; make that durable, then drop the source, or undo the target. */
async function removeSource(
  ctx: TransferContext,
  row: MoveRecord,
  target: string,
  source: Fingerprint,
  method: MoveMethod,
): Promise<void> {
  try {
    await fsyncDir(dirname(target))
    // A hard link shares the inode, so only a copy can differ from what is now at the source.
    if (method === 'copy') await assertUnchanged(row, source)
    await unlink(row.source)
  } catch (error) {
    const vanished = errnoOf(error) === 'ENOENT' && (await isGone(row.source).catch(() => false))
    if (!vanished) {
      await rollBackTarget(row, target, error)
      throw sourceError(row.source, error)
    }
    ctx.logger.debug('source vanished after the target was written', { moveId: row.id })
    return
  }
  await fsyncDir(dirname(row.source))
}

async function isGone(path: string): Promise<boolean> {
  try {
    await stat(path)
    return false
  } catch (error) {
    if (isAbsent(error)) return true
    throw error
  }
}

async function assertUnchanged(row: MoveRecord, before: Fingerprint): Promise<void> {
  const now = await stat(row.source)
  if (now.size === before.size && now.mtimeMs === before.mtimeMs && now.ino === before.ino) return
  if ((await hashFile(row.source)) !== row.hash) throw changed(row.source)
}

async function rollBackTarget(row: MoveRecord, target: string, cause: unknown): Promise<void> {
  try {
    await unlink(target)
  } catch (error) {
    if (isAbsent(error)) return
    throw new UncertainMove(
      `Cannot move "${row.source}": ${reasonOf(cause)}, and "${target}" could not be removed ` +
        `again (${reasonOf(error)}); the move is settled at the next start`,
      { cause: error },
    )
  }
}

async function removePartial(ctx: TransferContext, partial: string): Promise<void> {
  try {
    await removeIfPresent(partial)
  } catch (error) {
    // A leftover partial is a hidden file the watcher ignores; the move itself is unaffected.
    ctx.logger.warn('could not remove a temporary copy', { partial, reason: reasonOf(error) })
  }
}

/** link/copy report ENOENT both for a missing source and a missing folder; tell them apart. */
async function failure(row: MoveRecord, target: string, error: unknown): Promise<Error> {
  if (error instanceof UncertainMove) return error
  if (isAbsent(error)) {
    try {
      await stat(row.source)
    } catch (statError) {
      if (isAbsent(statError)) return sourceError(row.source, statError)
      throw statError
    }
  }
  return destinationError(row.source, dirname(target), error)
}

function changed(path: string): Error {
  return Object.assign(new Error(`"${path}" changed while it was being moved`), {
    code: 'ECHANGED',
  })
}
