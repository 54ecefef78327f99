import {
  addBookCounters,
  applyReadingDelta,
  logDelta,
  readBookCounters,
  readingDay,
  readingLogId,
  recountBook,
  sameBookCounters,
  streakOf,
  zeroBookCounters,
} from './reading'
import { shanghaiInstant } from './time'

const at = (day: string, clock = '10:00') => shanghaiInstant(day, clock)

describe('readingLogId', () => {
  test('is the same for two logs of one book by one person on one Shanghai day', () => {
    expect(readingLogId('bx1', 'o1', at('2026-12-07', '00:00'))).toBe(readingLogId('bx1', 'o1', at('2026-12-07', '23:59')))
    expect(readingLogId('bx1', 'o1', at('2026-12-07'))).toBe('bx1_o1_20261207')
  })

  test('differs on the next Shanghai day, at Shanghai midnight (16:00 UTC), not UTC midnight', () => {
    const beforeMidnight = Date.parse('2026-12-07T15:59:59Z')
    const afterMidnight = Date.parse('2026-12-07T16:00:00Z')
    expect(readingLogId('bx1', 'o1', beforeMidnight)).toBe('bx1_o1_20261207')
    expect(readingLogId('bx1', 'o1', afterMidnight)).toBe('bx1_o1_20261208')
  })

  test('differs per book and per person (a family member is their own person)', () => {
    const now = at('2026-12-07')
    const ids = new Set([readingLogId('bx1', 'o1', now), readingLogId('bx2', 'o1', now), readingLogId('bx1', 'o1~mabcd', now)])
    expect(ids.size).toBe(3)
  })

  test('readingDay is the Shanghai date', () => {
    expect(readingDay(Date.parse('2026-12-07T17:00:00Z'))).toBe('2026-12-08')
  })
})

describe('streakOf', () => {
  test('no days: 0', () => {
    expect(streakOf([], at('2026-12-07'))).toBe(0)
  })

  test('consecutive days up to today count all', () => {
    expect(streakOf(['2026-12-05', '2026-12-06', '2026-12-07'], at('2026-12-07'))).toBe(3)
  })

  test('a day without a log yet today does not break the streak ending yesterday', () => {
    expect(streakOf(['2026-12-05', '2026-12-06'], at('2026-12-07', '20:00'))).toBe(2)
  })

  test('a gap resets the streak to the days after it', () => {
    expect(streakOf(['2026-12-03', '2026-12-04', '2026-12-06', '2026-12-07'], at('2026-12-07'))).toBe(2)
    expect(streakOf(['2026-12-03', '2026-12-04', '2026-12-07'], at('2026-12-07'))).toBe(1)
  })

  test('a last log two days ago: 0', () => {
    expect(streakOf(['2026-12-04', '2026-12-05'], at('2026-12-07'))).toBe(0)
  })

  test('order and duplicates of the days do not matter; month ends are crossed', () => {
    expect(streakOf(['2026-12-01', '2026-11-30', '2026-12-01', '2026-11-29'], at('2026-12-01'))).toBe(3)
  })
})

describe('logDelta and the counters', () => {
  test('a first log of a book adds a reader, a later one does not', () => {
    expect(logDelta('seniors', 30, true)).toEqual({ audience: 'seniors', logs: 1, minutes: 30, readers: 1 })
    expect(logDelta('seniors', 30, false)).toEqual({ audience: 'seniors', logs: 1, minutes: 30, readers: 0 })
  })

  test('an unknown audience counts as unspecified', () => {
    expect(logDelta(null, 5, false).audience).toBe('unspecified')
    expect(logDelta(undefined, 5, false).audience).toBe('unspecified')
  })

  test('applying deltas equals recounting the same logs', () => {
    const logs = [
      { personId: 'a', audience: 'seniors', minutes: 30 },
      { personId: 'a', audience: 'seniors', minutes: 20 },
      { personId: 'b', audience: null, minutes: 15 },
      { personId: 'a~m1', audience: 'residents', minutes: 10 },
    ]
    const seen = new Set<string>()
    let kept = zeroBookCounters()
    for (const l of logs) {
      kept = applyReadingDelta(kept, logDelta(l.audience, l.minutes, !seen.has(l.personId)))
      seen.add(l.personId)
    }
    const counted = recountBook(logs)
    expect(counted).toEqual({
      logs: 4,
      minutes: 75,
      readers: 3,
      byAudience: { seniors: { logs: 2, minutes: 50 }, unspecified: { logs: 1, minutes: 15 }, residents: { logs: 1, minutes: 10 } },
    })
    expect(sameBookCounters(kept, counted)).toBe(true)
  })

  test('readBookCounters tolerates absent and broken fields and drops empty audiences', () => {
    expect(readBookCounters(undefined)).toEqual(zeroBookCounters())
    expect(readBookCounters({ logs: 'x', minutes: 3, byAudience: { seniors: { logs: 0, minutes: 0 }, residents: { logs: 1 } } })).toEqual({
      logs: 0,
      minutes: 3,
      readers: 0,
      byAudience: { residents: { logs: 1, minutes: 0 } },
    })
  })

  test('sameBookCounters ignores audience order and empty audiences, and sees any difference', () => {
    const a = { logs: 2, minutes: 9, readers: 1, byAudience: { x: { logs: 1, minutes: 4 }, y: { logs: 1, minutes: 5 } } }
    const b = {
      logs: 2,
      minutes: 9,
      readers: 1,
      byAudience: { y: { logs: 1, minutes: 5 }, z: { logs: 0, minutes: 0 }, x: { logs: 1, minutes: 4 } },
    }
    expect(sameBookCounters(a, b)).toBe(true)
    expect(sameBookCounters(a, { ...b, readers: 2 })).toBe(false)
    expect(sameBookCounters(a, { ...b, byAudience: { x: { logs: 1, minutes: 4 }, y: { logs: 1, minutes: 6 } } })).toBe(false)
  })

  test('addBookCounters sums books (district and week totals)', () => {
    const one = { logs: 1, minutes: 10, readers: 1, byAudience: { seniors: { logs: 1, minutes: 10 } } }
    const two = { logs: 2, minutes: 5, readers: 2, byAudience: { seniors: { logs: 1, minutes: 2 }, residents: { logs: 1, minutes: 3 } } }
    expect(addBookCounters(one, two)).toEqual({
      logs: 3,
      minutes: 15,
      readers: 3,
      byAudience: { seniors: { logs: 2, minutes: 12 }, residents: { logs: 1, minutes: 3 } },
    })
  })
})
