/** Runs an action once calls to it have paused for a while; `flush` runs a waiting call at once. */
export interface Debounced {
  (): void
  /** Forgets the waiting call, if any. */
  cancel(): void
  /** Runs the waiting call now instead of later; does nothing when none is waiting. */
  flush(): void
}

export function debounce(action: () => void, waitMs: number): Debounced {
  let timer: ReturnType<typeof setTimeout> | null = null

  const cancel = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }

  const fire = (): void => {
    timer = null
    action()
  }

  const call = (): void => {
    cancel()
    timer = setTimeout(fire, waitMs)
  }

  const flush = (): void => {
    if (timer === null) return
    cancel()
    action()
  }

  return Object.assign(call, { cancel, flush })
}
