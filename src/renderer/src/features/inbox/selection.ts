/** Keyboard selection in a list that shrinks as files are handled. */

/** One step down (delta 1) or up (-1), staying on the ends; the first item when none is chosen. */
export function moveSelection(
  ids: readonly number[],
  current: number | null,
  delta: 1 | -1,
): number | null {
  if (ids.length === 0) return null
  const index = current === null ? -1 : ids.indexOf(current)
  if (index === -1) return ids[0] ?? null
  return ids[Math.min(ids.length - 1, Math.max(0, index + delta))] ?? null
}

/**
 * The selection after the list changed (an item handled, a reload). A selection that is still there
 * stays; otherwise the item that took the removed one's place, so that handling files one after
 * the other needs no extra key.
 */
export function keepSelection(
  before: readonly number[],
  after: readonly number[],
  current: number | null,
): number | null {
  if (after.length === 0) return null
  if (current !== null && after.includes(current)) return current
  const index = current === null ? -1 : before.indexOf(current)
  if (index === -1) return after[0] ?? null
  for (const id of before.slice(index + 1)) if (after.includes(id)) return id
  return after[after.length - 1] ?? null
}
