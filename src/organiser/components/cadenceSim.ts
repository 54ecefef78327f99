// A simulated clock for the live cadence: runs the real poller (poller.ts) with the numbers of a
// LiveCadence over simulated time, with changes reported (as a watch would) and the page hidden and
// shown at given times. Loads take no simulated time (each is awaited before the clock moves on), so
// a load reflects every change before it. Used by the cadence's tests and by the quota bench, which
// passes the real stats.dashboard call as `load`. Pure; not part of the app.
import { seededRandom } from '@shared/seededRandom'
import type { LiveCadence } from './cadence'
import { createPoller, type PollerTimers } from './poller'

export interface SimEvent {
  at: number
  kind: 'change' | 'hide' | 'show' | 'watchLost'
}

export interface SimResult {
  /** Simulated start time of every load, in order. */
  loads: number[]
  /** Loads that failed. */
  failures: number
}

export interface SimOptions {
  cadence: LiveCadence
  durationMs: number
  /** Sorted or not; the page opens at 0, shown, with a watch when `watching`. */
  events: SimEvent[]
  /** A realtime watch is open (weapp); false: no watch (h5, or it could not start). */
  watching: boolean
  load: () => Promise<unknown>
  /** Random in [0, 1) for the cadence's jitter (default: a fixed seed, so runs repeat). */
  random?: () => number
  /** Makes each change happen (e.g. a write to the database) before the watch reports it. */
  onChange?: (at: number) => Promise<void>
}

/** Changes every `everyMs` from `from` (inclusive) to `to` (exclusive). */
export function changesEvery(everyMs: number, from: number, to: number): SimEvent[] {
  const out: SimEvent[] = []
  for (let at = from; at < to; at += everyMs) out.push({ at, kind: 'change' })
  return out
}

export async function simulateCadence({
  cadence,
  durationMs,
  events,
  watching,
  load,
  random = seededRandom(1),
  onChange,
}: SimOptions): Promise<SimResult> {
  let now = 0
  let nextId = 1
  const pending = new Map<number, { at: number; fn: () => void }>()
  const timers: PollerTimers = {
    setTimeout: (fn, ms) => {
      const id = nextId++
      pending.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout: (h) => void pending.delete(h as number),
    now: () => now,
  }
  const loads: number[] = []
  let failures = 0
  let flying: Promise<unknown> | null = null
  const poller = createPoller({
    load: () => {
      loads.push(now)
      const p = load()
      flying = p.catch(() => undefined)
      return p
    },
    intervalMs: watching ? cadence.floorMs : cadence.noWatchMs,
    minGapMs: cadence.minGapMs,
    retryMs: cadence.minGapMs,
    jitterMs: cadence.jitterMs,
    random,
    onData: () => undefined,
    onError: () => failures++,
    timers,
  })
  /** Lets a load in flight answer and the poller plan its next step (which may be another load). */
  const settle = async () => {
    for (;;) {
      for (let i = 0; i < 10; i++) await Promise.resolve()
      if (!flying) return
      const f = flying
      flying = null
      await f
    }
  }

  const queue = [...events].sort((a, b) => a.at - b.at)
  let next = 0
  poller.start()
  await settle()
  for (;;) {
    let timer: [number, { at: number; fn: () => void }] | undefined
    for (const entry of pending) if (!timer || entry[1].at < timer[1].at) timer = entry
    const event = queue[next]
    const timerAt = timer ? timer[1].at : Infinity
    const eventAt = event ? event.at : Infinity
    const at = Math.min(timerAt, eventAt)
    if (at >= durationMs) break
    now = Math.max(now, at)
    if (timerAt <= eventAt && timer) {
      pending.delete(timer[0])
      timer[1].fn()
    } else if (event) {
      next++
      if (event.kind === 'change') {
        if (onChange) await onChange(now)
        poller.changed()
      } else if (event.kind === 'hide') poller.stop()
      else if (event.kind === 'show') poller.start()
      else poller.setIntervalMs(cadence.noWatchMs)
    }
    // A load starts synchronously; only then is there anything to wait for.
    if (flying) await settle()
  }
  poller.stop()
  now = durationMs
  return { loads, failures }
}
