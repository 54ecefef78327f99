// `checkin` src/checkin.ts (scan, manual, sync) through the real wx-server-sdk against the local
// cloud: the tickets the door verifies (signup.ticket), each refused scan with its code and no
// write, 20 volunteers on one ticket, the database operations of one check-in, an offline queue's
// sync. walkin.ts and totals.ts are grouped in (one walk-in test, one totals test): the counters
// and week totals are checked against the scans and walk-ins of this file.
import { randomBytes } from 'node:crypto'
import { parseTicket, signTicket, verifyTicket } from '../../../../src/shared/domain/ticket'
import { recountAttendanceOf } from '../../../../cloudfunctions/_core/stats'
import { activityDoc, allDocs, ORGANISER } from '../fixtures'
import { A, B, cloud, db, expectRefused, F, HOUR, MIN, people, redeem, scan, tickets, useCheckinCloud, VOLUNTEERS, week } from './setup'

useCheckinCloud()

describe('tickets', () => {
  test('the owner gets a short signed token with ids only, and what is printed beside it', async () => {
    const res = await cloud.call('signup', 'ticket', { registrationId: `${A}_${people[0]}` }, people[0])
    expect(res.ok).toBe(true)
    expect(res.data).toMatchObject({ registrationId: `${A}_${people[0]}`, activityId: A, holderName: '居民0', proxy: false })
    expect(res.data.activity.title).toBe('签到测试A')
    const parsed = parseTicket(res.data.token)
    expect(parsed).toMatchObject({ activityId: A })
    expect(res.data.token).not.toMatch(/居民|139/)
    expect(res.data.token.length).toBeLessThanOrEqual(140)
    // The same ticket every time (the ticket id is drawn once).
    expect(res.data.token).toBe(tickets.get(`${A}:${people[0]}`)!.token)
    const [key] = await allDocs(cloud, 'weekKeys', { _id: week.id })
    expect(verifyTicket(res.data.token, key.publicKey)).toEqual({ ok: true, activityId: A, ticketId: parsed!.ticketId })
  })

  test("someone else's registration: REGISTRATION_NOT_FOUND", async () => {
    const res = await cloud.call('signup', 'ticket', { registrationId: `${A}_${people[0]}` }, people[1])
    expect(res).toMatchObject({ ok: false, code: 'REGISTRATION_NOT_FOUND' })
  })

  test('a cancelled registration has no ticket: REGISTRATION_NOT_CONFIRMED', async () => {
    const res = await cloud.call('signup', 'ticket', { registrationId: `${A}_${people[9]}` }, people[9])
    expect(res).toMatchObject({ ok: false, code: 'REGISTRATION_NOT_CONFIRMED' })
  })

  test('one key pair per week, created once', async () => {
    expect(await allDocs(cloud, 'weekKeys', { _id: week.id })).toHaveLength(1)
  })
})

describe('refused scans write nothing', () => {
  test('a tampered token: TOKEN_INVALID', async () => {
    const { token } = tickets.get(`${A}:${people[1]}`)!
    const other = tickets.get(`${A}:${people[2]}`)!.token
    // people[2]'s ticket id with people[1]'s signature
    const forged = [...token.split('.').slice(0, 2), other.split('.')[2], token.split('.')[3]].join('.')
    await expectRefused('TOKEN_INVALID', () => scan(VOLUNTEERS[0], A, forged))
    const flipped = token.slice(0, -2) + (token.endsWith('AA') ? 'BA' : 'AA')
    await expectRefused('TOKEN_INVALID', () => scan(VOLUNTEERS[0], A, flipped))
    await expectRefused('TOKEN_INVALID', () => scan(VOLUNTEERS[0], A, 'hello'))
  })

  test('a token signed by another key: TOKEN_INVALID', async () => {
    const { ticketId } = parseTicket(tickets.get(`${A}:${people[1]}`)!.token)!
    const forged = signTicket({ activityId: A, ticketId }, new Uint8Array(randomBytes(32)))
    await expectRefused('TOKEN_INVALID', () => scan(VOLUNTEERS[0], A, forged))
  })

  test("another activity's ticket: WRONG_ACTIVITY", async () => {
    await expectRefused('WRONG_ACTIVITY', () => scan(VOLUNTEERS[0], A, tickets.get(`${B}:${people[10]}`)!.token))
  })

  test("a cancelled registration's ticket: REGISTRATION_CANCELLED", async () => {
    await expectRefused('REGISTRATION_CANCELLED', () => scan(VOLUNTEERS[0], A, tickets.get(`${A}:${people[9]}`)!.token))
  })

  test('outside the check-in window: OUTSIDE_WINDOW (before it opens, and after the end)', async () => {
    await redeem('vol-f', [F])
    await expectRefused('OUTSIDE_WINDOW', () => scan('vol-f', F, tickets.get(`${F}:${people[0]}`)!.token))
    const start = Date.now() - 3 * HOUR
    await db()
      .collection('activities')
      .doc(F)
      .update({ data: { startAt: new Date(start), endAt: new Date(start + 2 * HOUR) } })
    await expectRefused('OUTSIDE_WINDOW', () => scan('vol-f', F, tickets.get(`${F}:${people[0]}`)!.token))
    // Opens `checkinLeadMinutes` before the start: 90 minutes ahead with a 120-minute lead is open.
    await db()
      .collection('activities')
      .doc(F)
      .update({ data: { startAt: new Date(Date.now() + 90 * MIN), endAt: new Date(Date.now() + 3 * HOUR), checkinLeadMinutes: 120 } })
    expect(await scan('vol-f', F, tickets.get(`${F}:${people[0]}`)!.token)).toMatchObject({ ok: true })
  })

  test('a volunteer of A cannot check in for B: FORBIDDEN', async () => {
    await expectRefused('FORBIDDEN', () => scan(VOLUNTEERS[0], B, tickets.get(`${B}:${people[10]}`)!.token))
    await expectRefused('FORBIDDEN', () =>
      cloud.call('checkin', 'manual', { activityId: B, registrationId: `${B}_${people[10]}` }, VOLUNTEERS[0]),
    )
    await expectRefused('FORBIDDEN', () => cloud.call('checkin', 'roster', { activityIds: [A, B] }, VOLUNTEERS[0]))
  })

  test('a resident without any role: FORBIDDEN', async () => {
    await expectRefused('FORBIDDEN', () => scan(people[3], A, tickets.get(`${A}:${people[3]}`)!.token))
  })
})

describe('check-in', () => {
  test('the same ticket scanned by 20 volunteers at once: one check-in, 19 ALREADY_CHECKED_IN with who and when', async () => {
    const { token, registrationId } = tickets.get(`${A}:${people[0]}`)!
    const before = (await activityDoc(cloud, A)).attendance?.checkedIn ?? 0
    const results = await Promise.all(VOLUNTEERS.map((v) => scan(v, A, token)))
    const ok = results.filter((r) => r.ok)
    const already = results.filter((r) => !r.ok)
    expect(ok).toHaveLength(1)
    expect(already).toHaveLength(19)
    for (const r of already) {
      expect(r.code).toBe('ALREADY_CHECKED_IN')
      expect((r as any).details).toMatchObject({ byName: '志愿者', offline: false, registrationId })
      expect(typeof (r as any).details.checkedInAt).toBe('number')
    }
    expect(ok[0].data).toMatchObject({ registrationId, name: '居*0', proxy: false, method: 'ticket' })
    expect(await allDocs(cloud, 'checkins', { registrationId })).toHaveLength(1)
    expect((await activityDoc(cloud, A)).attendance.checkedIn).toBe(before + 1)
  })

  test('a check-in costs at most 4 database operations (read with the role check, counters with their pending entry, check-in, entry settled)', async () => {
    const { token } = tickets.get(`${A}:${people[1]}`)!
    cloud.db.resetStats()
    const res = await scan(VOLUNTEERS[1], A, token)
    const stats = cloud.db.stats()
    expect(res.ok).toBe(true)
    expect(stats.total).toBeLessThanOrEqual(4)
    expect((await activityDoc(cloud, A)).pending ?? {}).toEqual({})
  })

  test('the volunteer name shown to others is masked', async () => {
    await db()
      .collection('users')
      .doc(VOLUNTEERS[2])
      .update({ data: { profile: { name: '王小明', phone: '13900000000', ageGroup: '18-39', community: 'x', audience: 'residents' } } })
    const { token } = tickets.get(`${A}:${people[2]}`)!
    expect((await scan(VOLUNTEERS[2], A, token)).ok).toBe(true)
    const again = await scan(VOLUNTEERS[3], A, token)
    expect(again).toMatchObject({ ok: false, code: 'ALREADY_CHECKED_IN', details: { byName: '王*明' } })
  })

  test('walk-ins count as participants; a retried walk-in (same nonce) counts once', async () => {
    const before = (await activityDoc(cloud, A)).attendance
    const input = { activityId: A, name: '李大爷', audience: 'seniors' as const, headcount: 3, nonce: 'walkin-nonce-1' }
    const first = await cloud.call('checkin', 'walkin', input, VOLUNTEERS[5])
    expect(first).toMatchObject({ ok: true, data: { name: '李*爷', headcount: 3, replayed: false } })
    const again = await cloud.call('checkin', 'walkin', input, VOLUNTEERS[5])
    expect(again).toMatchObject({ ok: true, data: { replayed: true } })
    const noName = await cloud.call('checkin', 'walkin', { activityId: A, audience: 'youth' }, VOLUNTEERS[5])
    expect(noName).toMatchObject({ ok: true, data: { name: null, headcount: 1 } })
    const after = (await activityDoc(cloud, A)).attendance
    expect(after.walkIns).toBe((before.walkIns ?? 0) + 2)
    expect(after.walkInHeadcount).toBe((before.walkInHeadcount ?? 0) + 4)
    expect(after.byAudience.seniors).toBe((before.byAudience?.seniors ?? 0) + 3)
    expect(await allDocs(cloud, 'walkins', { activityId: A })).toHaveLength(2)
  })
})

describe('offline', () => {
  test('a queue synced half-way, then whole, then whole again counts each person once', async () => {
    const queue = people.slice(4, 8).map((p, i) => ({
      nonce: `offline-nonce-${i}-abc`,
      token: tickets.get(`${A}:${p}`)!.token,
      activityId: A,
      scannedAt: Date.now() - 60_000,
    }))
    const before = (await activityDoc(cloud, A)).attendance.checkedIn
    const half = await cloud.call('checkin', 'sync', { items: queue.slice(0, 2) }, VOLUNTEERS[7])
    expect(half.data.results.map((r) => [r.ok, r.replayed])).toEqual([
      [true, false],
      [true, false],
    ])
    const whole = await cloud.call('checkin', 'sync', { items: queue }, VOLUNTEERS[7])
    expect(whole.data.results.map((r) => [r.ok, r.replayed])).toEqual([
      [true, true],
      [true, true],
      [true, false],
      [true, false],
    ])
    const again = await cloud.call('checkin', 'sync', { items: queue }, VOLUNTEERS[7])
    expect(again.data.results.every((r) => r.ok && r.replayed)).toBe(true)
    const after = await activityDoc(cloud, A)
    expect(after.attendance.checkedIn).toBe(before + 4)
    expect(again.data.counts[A].checkedIn).toBe(after.attendance.checkedIn)
    const stored = await allDocs(cloud, 'checkins', { activityId: A, method: 'offline' })
    expect(stored).toHaveLength(4)
  })

  test('a checked-in ticket and its registration in 我的活动 say when (the scan time, offline too); not yet checked in: null', async () => {
    const mineItem = async (openid: string, registrationId: string) => {
      const res = await cloud.call('signup', 'mine', { when: 'upcoming' }, openid)
      expect(res.ok).toBe(true)
      return res.data.items.find((r: { id: string }) => r.id === registrationId)
    }
    const scanned = `${A}_${people[4]}` // synced from the offline queue above
    const [stored] = await allDocs(cloud, 'checkins', { registrationId: scanned })
    const at = new Date(stored.scannedAt).getTime()
    expect((await cloud.call('signup', 'ticket', { registrationId: scanned }, people[4])).data.checkedInAt).toBe(at)
    expect((await mineItem(people[4], scanned))!.checkedInAt).toBe(at)

    const waiting = `${B}_${people[11]}`
    expect((await cloud.call('signup', 'ticket', { registrationId: waiting }, people[11])).data.checkedInAt).toBeNull()
    expect((await mineItem(people[11], waiting))!.checkedInAt).toBeNull()
  })

  test('someone checked in elsewhere first comes back as a conflict with who and when', async () => {
    const { token, registrationId } = tickets.get(`${A}:${people[8]}`)!
    expect((await scan(VOLUNTEERS[8], A, token)).ok).toBe(true)
    const res = await cloud.call(
      'checkin',
      'sync',
      { items: [{ nonce: 'offline-late-1', token, activityId: A, scannedAt: Date.now() }] },
      VOLUNTEERS[9],
    )
    expect(res.data.results[0]).toMatchObject({
      ok: false,
      code: 'ALREADY_CHECKED_IN',
      registrationId,
      checkedIn: { byName: '志愿者', offline: false },
    })
  })
})

describe('counting', () => {
  test('the kept attendance counters equal a recount from the raw check-ins and walk-ins', async () => {
    for (const id of [A, B, F]) {
      const r = await recountAttendanceOf(cloud.sdkDb as any, id)
      expect(r?.agree).toBe(true)
      expect(r?.stored).toEqual(r?.recounted)
    }
    const a = await activityDoc(cloud, A)
    const checkins = await allDocs(cloud, 'checkins', { activityId: A })
    expect(a.attendance.checkedIn).toBe(checkins.length)
    expect(a.attendance.byAudience.residents).toBe(checkins.length)
  })

  test('week totals by district, content type and audience are sums of the activities', async () => {
    const res = await cloud.call('checkin', 'totals', { weekId: week.id }, ORGANISER)
    expect(res.ok).toBe(true)
    const a = await activityDoc(cloud, A)
    const f = await activityDoc(cloud, F)
    expect(res.data.byDistrict.east.checkedIn).toBe(a.attendance.checkedIn + f.attendance.checkedIn)
    expect(res.data.byDistrict.west).toBeUndefined()
    expect(res.data.byType.smart_senior.walkInHeadcount).toBe(a.attendance.walkInHeadcount)
    expect(res.data.total.participants).toBe(res.data.total.checkedIn + res.data.total.walkInHeadcount)
    expect(res.data.total.byAudience.seniors).toBe(3)
  })
})
