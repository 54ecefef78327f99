import { activityRuleBroken, capacityChangeBroken, signupRemovalBroken, weekRuleBroken, type ActivityPlan } from './activityRules'
import { shanghaiInstant } from './time'

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
