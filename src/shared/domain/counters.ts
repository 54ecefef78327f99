// Per-activity sign-up counters and how each registration state change moves them. Pure.
//
// The counters on an activity count its registrations by their current state:
//   confirmed   registrations holding a seat
//   waitlisted  registrations waiting for one
//   cancelled   registrations cancelled by their person (a re-sign-up moves one back out)
//   proxy       active (confirmed or waitlisted) registrations made for a family member (代报名)
// and seatsLeft = capacity - confirmed. Every state change applies transitionDelta() to the
// activity in the same conditional update that moves the seat, so the counters always equal a
// recount of the raw registrations once the calls in flight have finished.

export type RegistrationStatus = 'confirmed' | 'waitlisted' | 'cancelled'

export interface ActivityCounters {
  confirmed: number
  waitlisted: number
  cancelled: number
  proxy: number
}

export const COUNTER_KEYS = ['confirmed', 'waitlisted', 'cancelled', 'proxy'] as const

export const ZERO_COUNTERS: ActivityCounters = Object.freeze({ confirmed: 0, waitlisted: 0, cancelled: 0, proxy: 0 })

/** What one update adds to an activity: its counters and its free seats. */
export interface CounterDelta extends ActivityCounters {
  seatsLeft: number
}

export const ZERO_DELTA: CounterDelta = Object.freeze({ ...ZERO_COUNTERS, seatsLeft: 0 })

export const isActive = (status: RegistrationStatus | null): boolean => status === 'confirmed' || status === 'waitlisted'

/**
 * The counter change of one registration moving from `from` to `to` (null = no registration).
 * A registration entering `confirmed` takes a seat; one leaving it gives the seat back.
 */
export function transitionDelta(from: RegistrationStatus | null, to: RegistrationStatus | null, proxy: boolean): CounterDelta {
  const d: CounterDelta = { ...ZERO_DELTA }
  if (from === to) return d
  if (from) d[from] -= 1
  if (to) d[to] += 1
  if (to === 'confirmed') d.seatsLeft -= 1
  if (from === 'confirmed') d.seatsLeft += 1
  if (proxy) d.proxy += (isActive(to) ? 1 : 0) - (isActive(from) ? 1 : 0)
  return d
}

export function addDeltas(...deltas: CounterDelta[]): CounterDelta {
  const out: CounterDelta = { ...ZERO_DELTA }
  for (const d of deltas) {
    out.seatsLeft += d.seatsLeft
    for (const k of COUNTER_KEYS) out[k] += d[k]
  }
  return out
}

export function negateDelta(d: CounterDelta): CounterDelta {
  const out: CounterDelta = { ...ZERO_DELTA }
  out.seatsLeft = -d.seatsLeft
  for (const k of COUNTER_KEYS) out[k] = -d[k]
  return out
}

/** Counters as stored (older documents may lack some or all of them). */
export function readCounters(stored: Partial<Record<keyof ActivityCounters, unknown>> | null | undefined): ActivityCounters {
  const out = { ...ZERO_COUNTERS }
  for (const k of COUNTER_KEYS) {
    const v = stored?.[k]
    out[k] = typeof v === 'number' && Number.isFinite(v) ? v : 0
  }
  return out
}

export function sumCounters(list: ActivityCounters[]): ActivityCounters {
  const out = { ...ZERO_COUNTERS }
  for (const c of list) for (const k of COUNTER_KEYS) out[k] += c[k]
  return out
}

/** The counters recomputed from raw registrations: what the kept counters must equal. */
export function recount(registrations: { status: RegistrationStatus; proxy: boolean }[]): ActivityCounters {
  const out = { ...ZERO_COUNTERS }
  for (const r of registrations) {
    out[r.status] += 1
    if (r.proxy && isActive(r.status)) out.proxy += 1
  }
  return out
}
