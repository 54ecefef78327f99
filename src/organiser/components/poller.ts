// A poller that never overlaps its requests and never asks more often than a budget allows.
// start/stop follow the page being shown; refresh and reset ask now (a person asked for it);
// changed() is a reported change (a database watch): asked at once when the last automatic ask is at
// least minGapMs old, else once at the end of that gap (trailing: the last change is always shown).
// Pure (timers and clock are injected), so the rules are tested without React or a page.
//
// The budget: automatic asks (the floor timer, changes, being shown again, retries) start at least
// minGapMs apart, so an hour shown costs at most floor(3600 s / minGap) + 1 of them, whatever the
// traffic. Only refresh() and reset() (a tap: pull-down, retry, another district or day) go past it.

export interface PollerTimers {
  setTimeout: (fn: () => void, ms: number) => unknown
  clearTimeout: (handle: unknown) => void
  /** The clock, in ms (default Date.now). */
  now?: () => number
}

export interface Poller {
  /** Begin polling (no-op if already running): asks now, or at the end of the gap when one was asked just before. */
  start: () => void
  /** Stop: no new request; an answer in flight is still delivered unless the generation changed. */
  stop: () => void
  /** Ask now; if a request is in flight, ask again as soon as it answers. Not limited by minGapMs. */
  refresh: () => void
  /** A new question (other district or day): answers to the old one are dropped, asks at once. */
  reset: () => void
  /** Something changed: ask within the gap (at once if the last automatic ask is old enough). Ignored while stopped. */
  changed: () => void
  /** The floor: the time from the end of one answer to the next ask when nothing changes. */
  setIntervalMs: (ms: number) => void
  running: () => boolean
  inFlight: () => boolean
  /** When the next ask is due (a clock time), or null when none is planned (stopped, or one in flight). */
  nextAt: () => number | null
}

export interface PollerOptions<T> {
  load: () => Promise<T>
  /** Floor: asked this long after the last answer when nothing else asks first. */
  intervalMs: number
  /** Least time between the starts of two automatic asks (default 0: no limit). */
  minGapMs?: number
  /** After a failed answer, asked again this long after it (default intervalMs; never inside the gap). */
  retryMs?: number
  /**
   * A reported change is asked a random 0..jitterMs later than the gap allows (default 0), so that the
   * dashboards one change wakes at the same moment do not all ask the database in the same second.
   */
  jitterMs?: number
  /** Random in [0, 1) for the jitter (default Math.random). */
  random?: () => number
  onStart?: () => void
  onData: (data: T) => void
  onError: (err: unknown) => void
  /** A change is waiting for the gap to end: at that clock time (null: nothing waiting). */
  onPending?: (at: number | null) => void
  timers?: PollerTimers
}

export function createPoller<T>({
  load,
  intervalMs,
  minGapMs = 0,
  retryMs,
  jitterMs = 0,
  random = Math.random,
  onStart,
  onData,
  onError,
  onPending,
  timers,
}: PollerOptions<T>): Poller {
  const t: PollerTimers = timers ?? {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  }
  const now = t.now ?? (() => Date.now())
  let interval = intervalMs
  let active = false
  let flying = false
  /** A forced ask (refresh, reset) came while one was in flight. */
  let again = false
  /** A change (or being shown) is owed an automatic ask: since `owedAt`, `owedJitter` late. */
  let owed = false
  let owedAt = 0
  let owedJitter = 0
  let generation = 0
  let timer: unknown = null
  let due: number | null = null
  let lastStart = -Infinity
  let lastEnd = -Infinity
  let pendingShown: number | null = null
  /** The last answer failed: the next floor ask comes after retryMs instead. */
  let failedLast = false

  const clear = () => {
    if (timer !== null) t.clearTimeout(timer)
    timer = null
    due = null
  }

  const tellPending = (at: number | null) => {
    if (at === pendingShown) return
    pendingShown = at
    onPending?.(at)
  }

  /** Plans the next automatic ask: the owed one at the end of the gap, else the floor. */
  const plan = () => {
    clear()
    if (!active || flying) {
      if (!active) tellPending(null)
      return
    }
    const gapEnd = lastStart + minGapMs
    const floor = lastEnd + (failedLast ? (retryMs ?? interval) : interval)
    const at = owed ? Math.max(owedAt, gapEnd) + owedJitter : Math.max(floor, gapEnd)
    tellPending(owed && at > now() ? at : null)
    if (at <= now()) {
      ask()
      return
    }
    due = at
    timer = t.setTimeout(() => {
      timer = null
      due = null
      ask()
    }, at - now())
  }

  const ask = () => {
    clear()
    if (!active) return
    if (flying) return
    flying = true
    again = false
    owed = false
    tellPending(null)
    lastStart = now()
    const gen = generation
    onStart?.()
    let failed = false
    let settled: Promise<void>
    try {
      settled = load().then(
        (data) => {
          if (gen === generation) onData(data)
        },
        (err: unknown) => {
          failed = true
          if (gen === generation) onError(err)
        },
      )
    } catch (err) {
      failed = true
      if (gen === generation) onError(err)
      settled = Promise.resolve()
    }
    void settled.then(() => {
      flying = false
      lastEnd = now()
      if (!active) return
      // Asked again meanwhile (refresh, or a reset made this answer stale): at once.
      if (again || gen !== generation) return force()
      // A failed answer is retried after retryMs (the figures shown stay, marked as failing).
      failedLast = failed
      plan()
    })
  }

  /** The first change of an episode sets when and how late it is asked; later ones join it. */
  const owe = (jitter: number) => {
    if (owed) return
    owed = true
    owedAt = now()
    owedJitter = jitter
  }

  /** A person asked: now, or right after the answer in flight. */
  const force = () => {
    if (!active) return
    if (flying) {
      again = true
      return
    }
    lastStart = -Infinity
    ask()
  }

  return {
    start: () => {
      if (active) return
      active = true
      owe(0)
      plan()
    },
    stop: () => {
      active = false
      again = false
      owed = false
      clear()
      tellPending(null)
    },
    refresh: () => force(),
    reset: () => {
      generation += 1
      // A new question is not held to the gap of the old one.
      lastStart = -Infinity
      force()
    },
    changed: () => {
      if (!active) return
      owe(jitterMs > 0 ? Math.floor(random() * jitterMs) : 0)
      if (!flying) plan()
    },
    setIntervalMs: (ms: number) => {
      interval = ms
      if (active && !flying) plan()
    },
    running: () => active,
    inFlight: () => flying,
    nextAt: () => due,
  }
}
