// A poller that never overlaps its requests: the next request is timed from the end of the last one.
// start/stop follow the page being shown; refresh asks now (or right after the one in flight).
// Pure (timers are injected), so the rules are tested without React or a page.

export interface PollerTimers {
  setTimeout: (fn: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
}

export interface Poller {
  /** Begin polling now (no-op if already running). */
  start: () => void
  /** Stop: no new request; an answer in flight is still delivered unless the generation changed. */
  stop: () => void
  /** Ask now; if a request is in flight, ask again as soon as it answers. */
  refresh: () => void
  /** A new question (other district or day): answers to the old one are dropped, asks at once. */
  reset: () => void
  running: () => boolean
  inFlight: () => boolean
}

export interface PollerOptions<T> {
  load: () => Promise<T>
  intervalMs: number
  onStart?: () => void
  onData: (data: T) => void
  onError: (err: unknown) => void
  timers?: PollerTimers
}

export function createPoller<T>({ load, intervalMs, onStart, onData, onError, timers }: PollerOptions<T>): Poller {
  const t: PollerTimers = timers ?? {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  }
  let active = false
  let flying = false
  let again = false
  let generation = 0
  let timer: unknown = null

  const clear = () => {
    if (timer !== null) t.clearTimeout(timer)
    timer = null
  }

  const tick = () => {
    clear()
    if (!active) return
    if (flying) {
      again = true
      return
    }
    flying = true
    again = false
    const gen = generation
    onStart?.()
    let settled: Promise<void>
    try {
      settled = load().then(
        (data) => {
          if (gen === generation) onData(data)
        },
        (err: unknown) => {
          if (gen === generation) onError(err)
        },
      )
    } catch (err) {
      if (gen === generation) onError(err)
      settled = Promise.resolve()
    }
    void settled.then(() => {
      flying = false
      if (!active) return
      // Asked again meanwhile (refresh, or a reset made this answer stale): at once; else on time.
      if (again || gen !== generation) tick()
      else timer = t.setTimeout(tick, intervalMs)
    })
  }

  return {
    start: () => {
      if (active) return
      active = true
      tick()
    },
    stop: () => {
      active = false
      again = false
      clear()
    },
    refresh: () => tick(),
    reset: () => {
      generation += 1
      tick()
    },
    running: () => active,
    inFlight: () => flying,
  }
}
