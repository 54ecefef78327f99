import {
  activityRuleBroken,
  capacityChangeBroken,
  defaultSignupWindow,
  publishRefusal,
  signupRemovalBroken,
  weekRuleBroken,
  type ActivityPlan,
} from './activityRules'
import { shanghaiClock, shanghaiDate, shanghaiInstant } from './time'

const HOUR = 3_600_000
const week = { startDate: '2026-11-30', endDate: '2026-12-06' }
const now = shanghaiInstant('2026-11-23', '12:00')
const start = shanghaiInstant('2026-12-01', '09:00')
const plan = (change: Partial<ActivityPlan> = {}): ActivityPlan => ({
  mode: 'offline',
  venue: { name: '社区学校', address: '某路1号' },
  onlineUrl: null,
  startAt: start,
  endAt: start + 2 * HOUR,
  signup: { capacity: 20, opensAt: now - HOUR, closesAt: start - 2 * HOUR, cancelDeadline: start - 24 * HOUR, fields: ['name', 'phone'] },
  ...change,
})
const check = (p: ActivityPlan, requireFutureStart = true) => activityRuleBroken(p, week, now, { requireFutureStart })

describe('activity rules', () => {
  test('a sound plan breaks no rule', () => {
    expect(check(plan())).toBeNull()
    expect(check(plan({ signup: null }))).toBeNull()
  })

  test('the end must come after the start', () => {
    expect(check(plan({ endAt: start }))).toBe('ACTIVITY_TIME_INVALID')
  })

  test('the start must be ahead when creating, publishing or moving it', () => {
    const past = plan({ startAt: now - HOUR, endAt: now + HOUR, signup: null })
    expect(check(past)).toBe('ACTIVITY_START_PASSED')
    expect(check(past, false)).toBe('ACTIVITY_OUTSIDE_WEEK')
  })

  test('the activity happens within the week, by Shanghai days', () => {
    const lateNight = shanghaiInstant('2026-12-06', '23:00')
    expect(check(plan({ startAt: lateNight, endAt: lateNight + 2 * HOUR, signup: null }))).toBe('ACTIVITY_OUTSIDE_WEEK')
    const last = shanghaiInstant('2026-12-06', '21:00')
    expect(check(plan({ startAt: last, endAt: shanghaiInstant('2026-12-07', '00:00'), signup: null }))).toBeNull()
  })

  test('the sign-up window opens before it closes, and closes no later than the start', () => {
    const p = plan()
    expect(check({ ...p, signup: { ...p.signup!, closesAt: start + 1 } })).toBe('SIGNUP_WINDOW_INVALID')
    expect(check({ ...p, signup: { ...p.signup!, opensAt: p.signup!.closesAt } })).toBe('SIGNUP_WINDOW_INVALID')
    expect(check({ ...p, signup: { ...p.signup!, closesAt: start } })).toBeNull()
  })

  test('cancelling is possible no later than the start', () => {
    const p = plan()
    expect(check({ ...p, signup: { ...p.signup!, cancelDeadline: start + 1 } })).toBe('CANCEL_DEADLINE_INVALID')
  })

  test('offline needs a venue, online a link, hybrid both', () => {
    expect(check(plan({ venue: null }))).toBe('VENUE_REQUIRED')
    expect(check(plan({ mode: 'online', venue: null }))).toBe('ONLINE_URL_REQUIRED')
    expect(check(plan({ mode: 'online', venue: null, onlineUrl: 'https://x.cn' }))).toBeNull()
    expect(check(plan({ mode: 'hybrid', onlineUrl: null }))).toBe('ONLINE_URL_REQUIRED')
  })

  test('capacity cannot drop below the confirmed count', () => {
    const counters = { confirmed: 5, waitlisted: 3, cancelled: 1, proxy: 0 }
    expect(capacityChangeBroken(4, counters)).toBe('CAPACITY_BELOW_CONFIRMED')
    expect(capacityChangeBroken(5, counters)).toBeNull()
  })

  test('sign-up can only be switched off while nobody holds or waits for a seat', () => {
    expect(signupRemovalBroken({ confirmed: 0, waitlisted: 1, cancelled: 0, proxy: 0 })).toBe('SIGNUP_HAS_REGISTRATIONS')
    expect(signupRemovalBroken({ confirmed: 0, waitlisted: 0, cancelled: 4, proxy: 0 })).toBeNull()
  })
})

describe('week rules', () => {
  const w = { startDate: '2026-11-30', endDate: '2026-12-06', summaryDeadline: '2026-12-10', districts: [{ code: 'a', name: 'A' }] }
  test('a sound week breaks no rule', () => expect(weekRuleBroken(w)).toBeNull())
  test('dates in order', () => expect(weekRuleBroken({ ...w, endDate: '2026-11-29' })).toBe('WEEK_DATES_INVALID'))
  test('summary after the week', () => expect(weekRuleBroken({ ...w, summaryDeadline: '2026-12-05' })).toBe('WEEK_DEADLINE_INVALID'))
  test('districts unique and present', () => {
    expect(weekRuleBroken({ ...w, districts: [] })).toBe('WEEK_DISTRICTS_INVALID')
    expect(
      weekRuleBroken({
        ...w,
        districts: [
          { code: 'a', name: 'A' },
          { code: 'a', name: 'B' },
        ],
      }),
    ).toBe('WEEK_DISTRICTS_INVALID')
  })
})

describe('the default sign-up window', () => {
  const at = (ms: number) => `${shanghaiDate(ms)} ${shanghaiClock(ms)}`
  const words = (w: ReturnType<typeof defaultSignupWindow>) => [at(w.opensAt), at(w.closesAt), at(w.cancelDeadline)]

  test('well ahead: open now, closing 2 hours and cancellable until 24 hours before the start', () => {
    const w = defaultSignupWindow(start, shanghaiInstant('2026-11-23', '20:05') + 30_000)
    expect(words(w)).toEqual(['2026-11-23 20:05', '2026-12-01 07:00', '2026-11-30 09:00'])
  })

  test('a same-day activity: nothing is already past; cancelling follows the sign-up deadline', () => {
    const today = shanghaiInstant('2026-12-05', '14:30')
    expect(words(defaultSignupWindow(today, shanghaiInstant('2026-12-05', '09:10')))).toEqual([
      '2026-12-05 09:10',
      '2026-12-05 12:30',
      '2026-12-05 12:30',
    ])
    // Less than 2 hours ahead: closing at least an hour from now, on the half hour.
    expect(words(defaultSignupWindow(today, shanghaiInstant('2026-12-05', '12:40')))).toEqual([
      '2026-12-05 12:40',
      '2026-12-05 14:00',
      '2026-12-05 14:00',
    ])
    // Starting within the hour: sign-up stays open until the start.
    expect(at(defaultSignupWindow(today, shanghaiInstant('2026-12-05', '14:00')).closesAt)).toBe('2026-12-05 14:30')
  })

  test('tomorrow morning, seen tonight: the 24-hour deadline has passed, so cancelling is possible while sign-up is open', () => {
    const w = defaultSignupWindow(shanghaiInstant('2026-12-06', '09:00'), shanghaiInstant('2026-12-05', '20:05'))
    expect(words(w)).toEqual(['2026-12-05 20:05', '2026-12-06 07:00', '2026-12-06 07:00'])
  })

  test('every default deadline lies ahead of now and no later than the start', () => {
    const now0 = shanghaiInstant('2026-12-05', '08:00')
    for (let lead = 5; lead <= 72 * 60; lead += 5) {
      const s = now0 + lead * 60_000
      const w = defaultSignupWindow(s, now0)
      expect(w.opensAt).toBeLessThan(w.closesAt)
      expect(w.closesAt).toBeGreaterThan(now0)
      expect(w.cancelDeadline).toBeGreaterThan(now0)
      expect(w.closesAt).toBeLessThanOrEqual(s)
      expect(w.cancelDeadline).toBeLessThanOrEqual(w.closesAt)
    }
  })
})

describe('publishing', () => {
  test('a sound plan may be published; a start already past or a sign-up already closed may not', () => {
    expect(publishRefusal(plan(), week, now)).toBeNull()
    expect(publishRefusal(plan(), week, start - 2 * HOUR)).toBe('SIGNUP_ALREADY_CLOSED')
    expect(publishRefusal(plan(), week, start - 2 * HOUR - 1)).toBeNull()
    expect(publishRefusal(plan({ signup: null }), week, start)).toBe('ACTIVITY_START_PASSED')
    expect(publishRefusal(plan({ signup: null }), week, start - 1)).toBeNull()
  })
})
