// The seeded weeks placed around today (localcloud/seed/shift.ts): inside the seeded dates nothing
// moves; outside them every day of the seed moves by the same whole number of weeks, today falls in
// the first (Nanchang) week on its own weekday, the sign-up windows keep their order, and the
// attendance planned at `now` is the fixed seed's attendance at `now` minus the shift, moved.
import { shanghaiDate, shanghaiDayRange, shanghaiInstant, shanghaiParts } from '../../../src/shared/domain/time'
import { NANCHANG_WEEK_ID, seedActivities, seedWeeks } from '../../seed/data'
import { activityDoc, seedAttendance } from '../../seed/seed'
import { addDays, liveSeed, seedShiftDays, shiftSeed, type SeedDates } from '../../seed/shift'

const DAY = 86_400_000
const fixed: SeedDates = { weeks: seedWeeks, activities: seedActivities }
/** Wednesday 2027-01-06 10:00 in Shanghai, a month after the seeded weeks. */
const JAN = Date.UTC(2027, 0, 6, 2)
const nanchang = (s: SeedDates) => s.weeks.find((w) => w._id === NANCHANG_WEEK_ID)!
const isDay = (x: unknown): x is string => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x)

/** Every 'YYYY-MM-DD' in a value, by its path. */
function daysIn(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (isDay(value)) out.set(path, value)
  else if (Array.isArray(value)) value.forEach((v, i) => daysIn(v, `${path}[${i}]`, out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) daysIn(v, `${path}.${k}`, out)
  return out
}

describe('seedShiftDays', () => {
  test.each([
    ['the first day of the Nanchang week, just after midnight in Shanghai', Date.UTC(2026, 10, 29, 16, 1)],
    ['the Wednesday of the Nanchang week', Date.UTC(2026, 11, 2, 6)],
    ['the last day of the Hainan week, late in the evening', Date.UTC(2026, 11, 13, 15, 30)],
  ])('is 0 on %s', (_, now) => {
    expect(seedShiftDays(seedWeeks, now)).toBe(0)
    expect(liveSeed(fixed, now)).toEqual({ days: 0, seed: fixed })
  })

  test('a month after the seeded weeks moves them by 5 weeks, today being the Nanchang week’s Wednesday', () => {
    expect(seedShiftDays(seedWeeks, JAN)).toBe(35)
    const week = nanchang(shiftSeed(fixed, 35))
    expect([week.startDate, week.endDate]).toEqual(['2027-01-04', '2027-01-10'])
    expect(shanghaiParts(JAN).weekday).toBe(3)
  })

  test('the day after the seeded weeks and a day in the half-year before them are moved too', () => {
    expect(seedShiftDays(seedWeeks, shanghaiInstant('2026-12-14', '09:00'))).toBe(14)
    expect(seedShiftDays(seedWeeks, shanghaiInstant('2026-06-17', '09:00'))).toBe(-168)
  })

  test('on every day of 2027 the shift is whole weeks and the Nanchang week contains today on its own weekday', () => {
    const start = shanghaiInstant('2027-01-01', '12:00')
    for (let i = 0; i < 365; i++) {
      const now = start + i * DAY
      const days = seedShiftDays(seedWeeks, now)
      expect(days % 7).toBe(0)
      const week = nanchang(shiftSeed(fixed, days))
      const today = shanghaiDate(now)
      expect(today >= week.startDate && today <= week.endDate).toBe(true)
      // The seeded week starts on a Monday, so today's place in the week is its weekday (Mon = 0).
      const place = (shanghaiDayRange(today).start - shanghaiDayRange(week.startDate).start) / DAY
      expect(place).toBe((shanghaiParts(now).weekday + 6) % 7)
    }
  })
})

describe('shiftSeed', () => {
  const moved = shiftSeed(fixed, 35)

  test('moves every day of the seed by the same amount and changes nothing else', () => {
    const before = daysIn(fixed)
    const after = daysIn(moved)
    expect([...after.keys()]).toEqual([...before.keys()])
    // Weeks (start, end, summary deadline) and activities (day, sign-up opens/closes/cancel deadline).
    expect(before.size).toBe(3 * seedWeeks.length + seedActivities.length + 3 * seedActivities.filter((a) => a.signup).length)
    for (const [path, day] of before) expect([path, after.get(path)]).toEqual([path, addDays(day, 35)])
    const strip = (s: SeedDates) => JSON.stringify(s, (_, v) => (isDay(v) ? 'DAY' : v))
    expect(strip(moved)).toBe(strip(fixed))
  })

  test('keeps weekdays, and every sign-up opens before it closes, closes before the start, and is cancellable until before the start', () => {
    const at = (day: string, clock: string) => shanghaiInstant(day, clock)
    moved.activities.forEach((a, i) => {
      const was = fixed.activities[i]
      expect(shanghaiParts(at(a.day, a.start)).weekday).toBe(shanghaiParts(at(was.day, was.start)).weekday)
      expect(at(a.day, a.start) - at(was.day, was.start)).toBe(35 * DAY)
      if (!a.signup) return
      const s = a.signup
      expect(at(s.opensDay, s.opensAt)).toBeLessThan(at(s.closesDay, s.closesAt))
      expect(at(s.closesDay, s.closesAt)).toBeLessThanOrEqual(at(a.day, a.start))
      expect(at(s.cancelDeadlineDay, s.cancelDeadlineAt)).toBeLessThan(at(a.day, a.start))
    })
    for (const w of moved.weeks) expect(w.summaryDeadline > w.endDate).toBe(true)
  })

  test('leaves the seed data itself alone', () => {
    expect(nanchang(fixed).startDate).toBe('2026-11-30')
    expect(seedActivities.find((a) => a.weekId === NANCHANG_WEEK_ID)!.day.startsWith('2026-')).toBe(true)
  })
})

describe('what has happened by now, in the moved week', () => {
  const plan = (seed: SeedDates, now: number) => {
    const activities = seed.activities.map((a) =>
      activityDoc(
        a,
        seed.weeks.find((w) => w._id === a.weekId)!,
        new Date(now),
      ),
    )
    return { activities, ...seedAttendance(activities, new Date(now), seed.weeks) }
  }

  test('is the fixed week’s at the same moment of it, every time moved by the shift', () => {
    const live = plan(shiftSeed(fixed, 35), JAN)
    const was = plan(fixed, JAN - 35 * DAY)
    expect(live.registrations.length).toBeGreaterThan(0)
    expect(live.checkins.length).toBeGreaterThan(0)
    for (const k of ['registrations', 'checkins', 'walkins', 'ratings', 'notices', 'users'] as const) {
      expect([k, live[k].length]).toEqual([k, was[k].length])
    }
    const ms = (x: unknown) => new Date(x as Date).getTime()
    live.registrations.forEach((r, i) => {
      expect(r._id).toBe(was.registrations[i]._id)
      expect(ms(r.createdAt) - ms(was.registrations[i].createdAt)).toBe(35 * DAY)
      expect(ms(r.startAt) - ms(was.registrations[i].startAt)).toBe(35 * DAY)
    })
    live.checkins.forEach((c, i) => expect(ms(c.scannedAt) - ms(was.checkins[i].scannedAt)).toBe(35 * DAY))
    live.ratings.forEach((r, i) => expect(ms(r.createdAt) - ms(was.ratings[i].createdAt)).toBe(35 * DAY))
    expect(live.activities.map((a) => a.counters)).toEqual(was.activities.map((a) => a.counters))
  })

  test('has nothing after now', () => {
    const live = plan(shiftSeed(fixed, 35), JAN)
    const times = [
      ...live.registrations.map((r) => r.createdAt),
      ...live.checkins.flatMap((c) => [c.scannedAt, c.createdAt]),
      ...live.walkins.map((w) => w.createdAt),
      ...live.ratings.map((r) => r.createdAt),
      ...live.publicity.map((p) => p.createdAt),
    ].map((d) => d.getTime())
    expect(Math.max(...times)).toBeLessThanOrEqual(JAN)
    // ... and it is this week's: the first sign-up after the moved sign-up opening.
    expect(Math.min(...live.registrations.map((r) => r.createdAt.getTime()))).toBeGreaterThanOrEqual(shanghaiInstant('2026-12-25', '08:00'))
  })
})
