/**
 * Wraps a reload so that a burst of change events costs at most two runs: the one in flight and
 * one more after it, which sees every change that arrived meanwhile. Never two runs at once.
 */
export function coalesce(load: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false

  const loop = async (): Promise<void> => {
    do {
      again = false
      await load()
    } while (again)
  }

  return () => {
    if (running) {
      again = true
      return running
    }
    running = loop().finally(() => {
      running = null
    })
    return running
  }
}
