/** A small seeded PRNG (mulberry32) so that splits and shuffles are reproducible. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const tmp = items[i]
    items[i] = items[j]
    items[j] = tmp
  }
  return items
}

/**
 * Splits indices per class so that each class with at least `minPerClass` members keeps that
 * many for training and gives about `fraction` of the rest to validation.
 */
export function stratifiedSplit(
  targets: readonly number[],
  fraction: number,
  random: () => number,
  minPerClass = 2,
): { train: number[]; validation: number[] } {
  const byClass = new Map<number, number[]>()
  targets.forEach((target, index) => {
    const list = byClass.get(target) ?? []
    list.push(index)
    byClass.set(target, list)
  })
  const train: number[] = []
  const validation: number[] = []
  for (const indices of byClass.values()) {
    shuffleInPlace(indices, random)
    const held = Math.max(
      0,
      Math.min(Math.round(indices.length * fraction), indices.length - minPerClass),
    )
    validation.push(...indices.slice(0, held))
    train.push(...indices.slice(held))
  }
  return { train: shuffleInPlace(train, random), validation }
}
