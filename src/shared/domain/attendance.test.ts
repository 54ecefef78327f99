import {
  addArrivals,
  addAttendance,
  checkinArrivals,
  communityKey,
  dayCurve,
  hourKey,
  parseHourKey,
  recountArrivals,
  walkinArrivals,
  checkinDelta,
  checkinRefusal,
  checkinWindow,
  inviteCodeFrom,
  INVITE_CODE_EXAMPLE,
  INVITE_CODE_RE,
  inviteExpiryFor,
  inviteExpiryLimit,
  INVITE_GRACE_MS,
  isInviteExpiryAllowed,
  normaliseInviteCode,
  participantsOf,
  readAttendance,
  recountAttendance,
  scanInstant,
  walkinDelta,
} from './attendance'

const MIN = 60_000
const act = { status: 'published' as const, startAt: 100 * MIN, endAt: 200 * MIN }

describe('attendance', () => {
  test('the kept counters summed from deltas equal the recount of the records', () => {
    const checkins = [
      { audience: 'seniors', proxy: true },
      { audience: null, proxy: false },
      { audience: 'seniors', proxy: false },
    ]
    const walkins = [
      { audience: 'youth', headcount: 5 },
      { audience: 'seniors', headcount: 1 },
    ]
    const kept = addAttendance(
      ...checkins.map((c) => checkinDelta(c.audience, c.proxy)),
      ...walkins.map((w) => walkinDelta(w.audience, w.headcount)),
    )
    expect(kept).toEqual(recountAttendance(checkins, walkins))
    expect(kept).toEqual({
      checkedIn: 3,
      proxyCheckedIn: 1,
      walkIns: 2,
      walkInHeadcount: 6,
      byAudience: { seniors: 3, unspecified: 1, youth: 5 },
    })
    expect(participantsOf(kept)).toBe(9)
  })

  test('stored attendance with missing or odd fields reads as zeros', () => {
    expect(readAttendance(undefined)).toEqual({ checkedIn: 0, proxyCheckedIn: 0, walkIns: 0, walkInHeadcount: 0, byAudience: {} })
    expect(readAttendance({ checkedIn: 2, walkIns: 'x', byAudience: { youth: 1, seniors: 0 } })).toMatchObject({
      checkedIn: 2,
      walkIns: 0,
      byAudience: { youth: 1 },
    })
  })

  test('the window opens 60 minutes before the start by default and closes at the end', () => {
    expect(checkinWindow(act)).toEqual({ opensAt: 40 * MIN, closesAt: 200 * MIN })
    expect(checkinRefusal(act, 39 * MIN)).toBe('OUTSIDE_WINDOW')
    expect(checkinRefusal(act, 40 * MIN)).toBeNull()
    expect(checkinRefusal(act, 200 * MIN)).toBeNull()
    expect(checkinRefusal(act, 200 * MIN + 1)).toBe('OUTSIDE_WINDOW')
    expect(checkinRefusal({ ...act, checkinLeadMinutes: 10 }, 80 * MIN)).toBe('OUTSIDE_WINDOW')
    expect(checkinRefusal({ ...act, status: 'cancelled' }, 150 * MIN)).toBe('ACTIVITY_CANCELLED')
  })

  test('offline scans are judged at their scan time when it is plausible', () => {
    const now = 1_000 * MIN
    expect(scanInstant(now, now - 30 * MIN, true)).toBe(now - 30 * MIN)
    expect(scanInstant(now, now - 30 * MIN, false)).toBe(now)
    expect(scanInstant(now, now + 60 * MIN, true)).toBe(now)
    expect(scanInstant(now, now + 2 * MIN, true)).toBe(now)
  })

  test('invite codes are 8 characters without look-alikes, typed in any case', () => {
    const code = inviteCodeFrom([0, 1, 2, 3, 250, 251, 252, 255])
    expect(code).toMatch(INVITE_CODE_RE)
    expect(normaliseInviteCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)).toBe(code)
    expect(INVITE_CODE_RE.test('ABCD0OI1')).toBe(false)
  })

  test('the placeholder example looks like a real code: 8 characters of the code alphabet, no dash', () => {
    expect(INVITE_CODE_EXAMPLE).toMatch(INVITE_CODE_RE)
    expect(normaliseInviteCode(INVITE_CODE_EXAMPLE)).toBe(INVITE_CODE_EXAMPLE)
  })

  test("an invite's default validity runs to the end of the last invited activity", () => {
    const today = Date.UTC(2026, 11, 5, 6) // 12月5日 14:00 Shanghai
    const tomorrowEnd = Date.UTC(2026, 11, 6, 8) // 12月6日 16:00 Shanghai
    expect(inviteExpiryFor([{ endAt: today }, { endAt: tomorrowEnd }])).toBe(tomorrowEnd)
    expect(inviteExpiryFor([])).toBeNull()
  })

  test('an invite may expire from just after now until one day after the last invited activity ends', () => {
    const now = Date.UTC(2026, 11, 5, 6) // 12月5日 14:00 Shanghai
    const acts = [{ endAt: now + 2 * 3_600_000 }, { endAt: Date.UTC(2026, 11, 6, 8) }]
    const limit = Date.UTC(2026, 11, 6, 8) + INVITE_GRACE_MS
    expect(inviteExpiryLimit(acts)).toBe(limit)
    expect(inviteExpiryLimit([])).toBeNull()
    expect(isInviteExpiryAllowed(limit, acts, now)).toBe(true)
    expect(isInviteExpiryAllowed(now + 1, acts, now)).toBe(true)
    expect(isInviteExpiryAllowed(limit + 1, acts, now)).toBe(false)
    expect(isInviteExpiryAllowed(now, acts, now)).toBe(false)
    expect(isInviteExpiryAllowed(now + 1, [], now)).toBe(false)
  })
})

describe('arrivals', () => {
  test('an arrival hour is keyed in Shanghai time, whatever the host zone', () => {
    // 2026-12-01 23:30 UTC is 2026-12-02 07:30 in Shanghai.
    expect(hourKey(Date.UTC(2026, 11, 1, 23, 30))).toBe('h2026120207')
    expect(parseHourKey('h2026120207')).toEqual({ day: '2026-12-02', hour: 7 })
    expect(parseHourKey('x')).toBeNull()
  })

  test("the day's curve sums one day's hours and leaves the other days out", () => {
    const curve = dayCurve({ h2026120209: 3, h2026120210: 2, h2026120309: 5 }, '2026-12-02')
    expect(curve).toHaveLength(24)
    expect(curve[9]).toEqual({ hour: 9, participants: 3 })
    expect(curve.reduce((n, h) => n + h.participants, 0)).toBe(5)
  })

  test('a community key drops what a field path cannot hold', () => {
    expect(communityKey(' 豫章街道.彭家桥$社区 ')).toBe('豫章街道彭家桥社区')
    expect(communityKey('   ')).toBeNull()
  })

  test('kept arrivals equal the recount of their check-ins and walk-ins', () => {
    const at = Date.UTC(2026, 11, 2, 1, 0)
    const kept = addArrivals(checkinArrivals(at, true, '幸福社区'), checkinArrivals(at, false, null), walkinArrivals(at, 3))
    const recounted = recountArrivals(
      [
        { scannedAt: new Date(at), firstInDistrict: true, community: '幸福社区' },
        { scannedAt: at, firstInDistrict: false, community: null },
      ],
      [{ createdAt: new Date(at), headcount: 3 }],
    )
    expect(kept).toEqual(recounted)
    expect(kept).toEqual({ people: 1, byHour: { h2026120209: 5 }, byCommunity: { 幸福社区: 1 } })
  })
})
