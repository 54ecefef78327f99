// Reading: the daily log rule, streaks and totals, the counters a log moves on its book, and the
// recount the kept counters must equal. Pure; the clock is passed in.
//
// A book keeps `counters`:
//   logs      reading logs (at most one per person per book per Shanghai day)
//   minutes   minutes those logs report
//   readers   distinct people who logged the book
//   byAudience  logs and minutes per reader audience code ('unspecified' when unknown)
// Each log moves these by one `_.inc` update of the book in the same call that writes the log.
// District, week and audience totals are sums over books.

import { UNSPECIFIED_AUDIENCE } from './attendance'
import { shanghaiDate } from './time'

export const READING_MINUTES_MIN = 1
export const READING_MINUTES_MAX = 600
export const READING_NOTE_MAX = 200

/** The reading log's id: one per person per book per Shanghai day, by construction. */
export function readingLogId(bookId: string, personId: string, now: number): string {
  return `${bookId}_${personId}_${shanghaiDate(now).replace(/-/g, '')}`
}

/** The reader's days are kept as Shanghai dates `YYYY-MM-DD`. */
export const readingDay = (now: number) => shanghaiDate(now)

const DAY = 86_400_000
const dayBefore = (day: string) => shanghaiDate(Date.parse(`${day}T12:00:00+08:00`) - DAY)

/**
 * Consecutive days with at least one log, ending today, or yesterday when today has none yet
 * (a streak is not broken before the day is over).
 */
export function streakOf(days: string[], now: number): number {
  const set = new Set(days)
  const today = readingDay(now)
  let day = set.has(today) ? today : dayBefore(today)
  let n = 0
  while (set.has(day)) {
    n += 1
    day = dayBefore(day)
  }
  return n
}

export interface ReadingCounts {
  logs: number
  minutes: number
}

export interface BookCounters extends ReadingCounts {
  readers: number
  byAudience: Record<string, ReadingCounts>
}

export const zeroBookCounters = (): BookCounters => ({ logs: 0, minutes: 0, readers: 0, byAudience: {} })

export interface ReadingDelta extends ReadingCounts {
  readers: number
  audience: string
}

/** What one log adds to its book; `firstOfBook`: the person had not logged this book before. */
export function logDelta(audience: string | null | undefined, minutes: number, firstOfBook: boolean): ReadingDelta {
  return { audience: audience || UNSPECIFIED_AUDIENCE, logs: 1, minutes, readers: firstOfBook ? 1 : 0 }
}

export function readBookCounters(stored: Partial<Record<string, unknown>> | null | undefined): BookCounters {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)
  const out: BookCounters = { logs: num(stored?.logs), minutes: num(stored?.minutes), readers: num(stored?.readers), byAudience: {} }
  const by = stored?.byAudience
  if (by && typeof by === 'object') {
    for (const [code, v] of Object.entries(by as Record<string, Record<string, unknown>>)) {
      const c = { logs: num(v?.logs), minutes: num(v?.minutes) }
      if (c.logs || c.minutes) out.byAudience[code] = c
    }
  }
  return out
}

export function addBookCounters(...list: BookCounters[]): BookCounters {
  const out = zeroBookCounters()
  for (const c of list) {
    out.logs += c.logs
    out.minutes += c.minutes
    out.readers += c.readers
    for (const [code, v] of Object.entries(c.byAudience)) {
      const into = (out.byAudience[code] ??= { logs: 0, minutes: 0 })
      into.logs += v.logs
      into.minutes += v.minutes
    }
  }
  return out
}

export function applyReadingDelta(c: BookCounters, d: ReadingDelta): BookCounters {
  return addBookCounters(c, {
    logs: d.logs,
    minutes: d.minutes,
    readers: d.readers,
    byAudience: { [d.audience]: { logs: d.logs, minutes: d.minutes } },
  })
}

/** The counters of one book recomputed from its raw logs. */
export function recountBook(logs: { personId: string; audience: string | null; minutes: number }[]): BookCounters {
  const out = zeroBookCounters()
  const people = new Set<string>()
  for (const l of logs) {
    people.add(l.personId)
    out.logs += 1
    out.minutes += l.minutes
    const into = (out.byAudience[l.audience || UNSPECIFIED_AUDIENCE] ??= { logs: 0, minutes: 0 })
    into.logs += 1
    into.minutes += l.minutes
  }
  out.readers = people.size
  return out
}

export function sameBookCounters(a: BookCounters, b: BookCounters): boolean {
  const norm = (c: BookCounters) =>
    JSON.stringify([
      c.logs,
      c.minutes,
      c.readers,
      Object.entries(readBookCounters(c as unknown as Record<string, unknown>).byAudience).sort(([x], [y]) => x.localeCompare(y)),
    ])
  return norm(a) === norm(b)
}
