import {
  canStillJoin,
  hasEnded,
  cancelRefusal,
  compareWaitlist,
  memberDetails,
  overlapsInTime,
  sameProfile,
  selfDetails,
  signupRefusal,
  snapshotFor,
  waitlistPosition,
  type Profile,
} from './signupRules'

const opensAt = 1_000
const closesAt = 2_000
const cancelDeadline = 1_500
const open = { status: 'published' as const, signup: { opensAt, closesAt, cancelDeadline } }

describe('sign-up rules', () => {
  test('the window is open from its opening instant until (not at) its closing instant', () => {
    expect(signupRefusal(open, opensAt - 1)).toBe('SIGNUP_NOT_OPEN')
    expect(signupRefusal(open, opensAt)).toBeNull()
    expect(signupRefusal(open, closesAt - 1)).toBeNull()
    expect(signupRefusal(open, closesAt)).toBe('SIGNUP_CLOSED')
  })

  test('the activity state comes first', () => {
    expect(signupRefusal(null, opensAt)).toBe('ACTIVITY_NOT_FOUND')
    expect(signupRefusal({ ...open, status: 'draft' }, opensAt)).toBe('ACTIVITY_NOT_FOUND')
    expect(signupRefusal({ ...open, status: 'cancelled' }, closesAt + 1)).toBe('ACTIVITY_CANCELLED')
    expect(signupRefusal({ status: 'published', signup: null }, opensAt)).toBe('SIGNUP_NOT_REQUIRED')
  })

  test('cancelling is possible strictly before the deadline', () => {
    expect(cancelRefusal(open, cancelDeadline - 1)).toBeNull()
    expect(cancelRefusal(open, cancelDeadline)).toBe('CANCEL_DEADLINE_PASSED')
    expect(cancelRefusal({ ...open, status: 'cancelled' }, 0)).toBe('ACTIVITY_CANCELLED')
  })

  test('overlap is a shared instant: back-to-back activities do not overlap', () => {
    expect(overlapsInTime({ startAt: 0, endAt: 10 }, { startAt: 5, endAt: 15 })).toBe(true)
    expect(overlapsInTime({ startAt: 0, endAt: 10 }, { startAt: 10, endAt: 15 })).toBe(false)
    expect(overlapsInTime({ startAt: 0, endAt: 10 }, { startAt: 2, endAt: 3 })).toBe(true)
  })

  test('waitlist positions follow the waiting keys', () => {
    const keys = ['000000000001000_b', '000000000001000_a', '000000000000999_z'].map((waitKey) => ({ waitKey }))
    expect([...keys].sort(compareWaitlist).map((k) => k.waitKey)).toEqual(['000000000000999_z', '000000000001000_a', '000000000001000_b'])
    expect(waitlistPosition(keys[0], keys)).toBe(3)
    expect(waitlistPosition(keys[2], keys)).toBe(1)
  })
})

describe('the sign-up form snapshot', () => {
  const me: Profile = { name: '刘思雨', phone: '13800001021', ageGroup: '18-39', community: '松柏巷社区', audience: 'residents' }

  test('only the fields asked are kept; the name always', () => {
    expect(snapshotFor(['phone'], selfDetails(me))).toEqual({ name: '刘思雨', phone: '13800001021' })
    expect(snapshotFor([], selfDetails(me))).toEqual({ name: '刘思雨' })
  })

  test('a family member without a phone is reached through the resident; from 60 a senior', () => {
    const mum = memberDetails({ name: '王秀兰', phone: null, ageGroup: '70+', relation: 'parent', audience: null }, me)
    expect(mum).toEqual({
      name: '王秀兰',
      phone: '13800001021',
      ageGroup: '70+',
      community: '松柏巷社区',
      audience: 'seniors',
      relation: 'parent',
    })
    const son = memberDetails({ name: '小明', phone: '13900000000', ageGroup: 'under18', relation: 'child', audience: 'youth' }, me)
    expect(son).toMatchObject({ phone: '13900000000', audience: 'youth' })
  })

  test('profiles compare by value', () => {
    expect(sameProfile(me, { ...me })).toBe(true)
    expect(sameProfile(me, { ...me, phone: '13800000000' })).toBe(false)
    expect(sameProfile(me, null)).toBe(false)
  })
})

describe('finished activities and 还能参加', () => {
  const H = 3_600_000
  const NOW = Date.UTC(2026, 11, 5, 2) // 12月5日 10:00 Shanghai
  const base = {
    status: 'published' as const,
    startAt: NOW + 2 * H,
    endAt: NOW + 4 * H,
    signup: { opensAt: NOW - 48 * H, closesAt: NOW + H },
    seatsLeft: 22,
  }

  test('an ended activity has ended and cannot be joined, even with seats left', () => {
    const ended = { ...base, startAt: NOW - 4 * H, endAt: NOW - 2 * H }
    expect(hasEnded(ended, NOW)).toBe(true)
    expect(hasEnded(ended, ended.endAt)).toBe(true)
    expect(canStillJoin(ended, NOW)).toBe(false)
    expect(canStillJoin({ ...ended, signup: null }, NOW)).toBe(false)
  })

  test('a running activity has not ended; with sign-up it cannot be joined, without it can', () => {
    const running = { ...base, startAt: NOW - H, endAt: NOW + H, signup: { opensAt: NOW - 48 * H, closesAt: NOW + 2 * H } }
    expect(hasEnded(running, NOW)).toBe(false)
    expect(canStillJoin(running, NOW)).toBe(false)
    expect(canStillJoin({ ...running, signup: null }, NOW)).toBe(true)
  })

  test('sign-up open, seats left and not started: can be joined; no seats left: cannot', () => {
    expect(canStillJoin(base, NOW)).toBe(true)
    expect(canStillJoin({ ...base, seatsLeft: 0 }, NOW)).toBe(false)
    expect(canStillJoin({ ...base, status: 'cancelled' }, NOW)).toBe(false)
  })

  test('sign-up closed or not open yet: cannot be joined though it has not started', () => {
    expect(canStillJoin(base, base.signup.closesAt)).toBe(false)
    expect(canStillJoin({ ...base, signup: { opensAt: NOW + H / 2, closesAt: NOW + H } }, NOW)).toBe(false)
  })

  test('no sign-up needed: can be joined until it ends', () => {
    const free = { ...base, signup: null, seatsLeft: null }
    expect(canStillJoin(free, NOW)).toBe(true)
    expect(canStillJoin(free, free.endAt - 1)).toBe(true)
    expect(canStillJoin(free, free.endAt)).toBe(false)
  })
})
