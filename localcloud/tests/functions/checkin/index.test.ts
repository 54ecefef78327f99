// The `checkin` function (and signup.ticket), bundled as uploaded, through the real wx-server-sdk
// against the local cloud: tickets, invites, scans and each refusal with its code and no write,
// 20 volunteers on one ticket, lookup + manual, walk-ins, offline roster and sync, counters that
// equal a recount, and the database operations of one check-in.
import { EventEmitter } from 'node:events'
import { randomBytes } from 'node:crypto'
import { parseTicket, signTicket, verifyTicket } from '../../../../src/shared/domain/ticket'
import { recountAttendanceOf } from '../../../../cloudfunctions/_core/stats'
import { startTestCloud, type Answer, type TestCloud } from '../../harness'
import {
  activityDoc,
  allDocs,
  createActivity,
  createTestWeek,
  ORGANISER,
  OTHER_ORGANISER,
  seedResidents,
  writesIn,
  type TestWeek,
  type SignupField,
} from '../fixtures'

const MIN = 60_000
const HOUR = 60 * MIN

let cloud: TestCloud
let week: TestWeek
/** Running now (check-in open), with registrants; B: another activity of the same week running now. */
let A: string
let B: string
/** In the future: check-in not open yet. */
let F: string
let people: string[]
const tickets = new Map<string, { token: string; registrationId: string }>()
const VOLUNTEERS = Array.from({ length: 20 }, (_, i) => `vol-${i}`)
const defaultMaxListeners = EventEmitter.defaultMaxListeners

const fields: SignupField[] = ['name', 'phone', 'audience']
const db = () => cloud.sdkDb as any

async function signUpAll(activityId: string, who: string[]) {
  for (const openid of who) {
    const res = await cloud.call('signup', 'create', { activityId }, openid)
    if (!res.ok) throw new Error(`signup failed: ${JSON.stringify(res)}`)
  }
}

async function ticketOf(openid: string, activityId: string) {
  const res = await cloud.call('signup', 'ticket', { registrationId: `${activityId}_${openid}` }, openid)
  if (!res.ok) throw new Error(`ticket failed: ${JSON.stringify(res)}`)
  return res.data as { token: string; registrationId: string }
}

/** Moves an activity to run from `startIn` from now, for `hours`. */
async function runNow(activityId: string, startIn = 30 * MIN, hours = 3) {
  const startAt = new Date(Date.now() + startIn)
  await db()
    .collection('activities')
    .doc(activityId)
    .update({ data: { startAt, endAt: new Date(startAt.getTime() + hours * HOUR) } })
}

async function redeem(openid: string, activityIds: string[]) {
  const inv = await cloud.call('checkin', 'invite.create', { activityIds, expiresAt: Date.now() + 2 * HOUR }, ORGANISER)
  expect(inv.ok).toBe(true)
  const res = await cloud.call('checkin', 'invite.redeem', { code: inv.data.code }, openid)
  expect(res.ok).toBe(true)
  return res
}

const scan = (openid: string, activityId: string, token: string, extra: Record<string, unknown> = {}) =>
  cloud.call('checkin', 'scan', { activityId, token, ...extra }, openid)

async function attendanceState() {
  return JSON.stringify([await allDocs(cloud, 'checkins'), await allDocs(cloud, 'walkins'), await allDocs(cloud, 'activities')])
}

/** A refused call: its code, no write request reached the database, nothing stored changed. */
async function expectRefused(code: string, call: () => Promise<Answer>) {
  const before = await attendanceState()
  cloud.db.resetStats()
  const res = await call()
  const writes = writesIn(cloud.db.stats().byAction)
  expect(res).toMatchObject({ ok: false, code })
  expect(writes).toBe(0)
  expect(await attendanceState()).toBe(before)
}

beforeAll(async () => {
  EventEmitter.defaultMaxListeners = 0
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  A = await createActivity(cloud, week, { capacity: 40, fields, title: '签到测试A' })
  B = await createActivity(cloud, week, { capacity: 10, fields, title: '签到测试B', start: '14:00' })
  F = await createActivity(cloud, week, { capacity: 10, fields, title: '签到测试F', start: '16:00' })
  people = await seedResidents(cloud, 'ck', 12)
  await signUpAll(A, people.slice(0, 10))
  await signUpAll(B, people.slice(10, 12))
  await signUpAll(F, people.slice(0, 2))
  for (const p of people.slice(0, 10)) tickets.set(`${A}:${p}`, await ticketOf(p, A))
  for (const p of people.slice(10, 12)) tickets.set(`${B}:${p}`, await ticketOf(p, B))
  tickets.set(`${F}:${people[0]}`, await ticketOf(people[0], F))
  // people[9] cancels after being given a ticket (before the cancel deadline, i.e. before moving the times)
  expect((await cloud.call('signup', 'cancel', { registrationId: `${A}_${people[9]}` }, people[9])).ok).toBe(true)
  await runNow(A)
  await runNow(B)
  await Promise.all(VOLUNTEERS.map((v) => redeem(v, [A])))
}, 120_000)

afterAll(async () => {
  EventEmitter.defaultMaxListeners = defaultMaxListeners
  await cloud.stop()
})

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

  test('lookup by surname and phone tail gives masked matches; manual checks the person in', async () => {
    const target = people[3] // 居民3, phone 13900000003
    const found = await cloud.call('checkin', 'lookup', { activityId: A, surname: '居', phoneTail: '0003' }, VOLUNTEERS[4])
    expect(found.ok).toBe(true)
    expect(found.data.matches).toEqual([
      expect.objectContaining({ registrationId: `${A}_${target}`, name: '居*3', phoneTail: '0003', status: 'confirmed', checkedIn: null }),
    ])
    expect(JSON.stringify(found.data)).not.toMatch(/居民3|13900000003/)
    const res = await cloud.call('checkin', 'manual', { activityId: A, registrationId: `${A}_${target}` }, VOLUNTEERS[4])
    expect(res).toMatchObject({ ok: true, data: { method: 'manual', name: '居*3' } })
    const again = await cloud.call('checkin', 'lookup', { activityId: A, surname: '居', phoneTail: '0003' }, VOLUNTEERS[4])
    expect(again.data.matches[0].checkedIn).toMatchObject({ byName: '志愿者', offline: false })
    expect(
      (await cloud.call('checkin', 'lookup', { activityId: A, surname: '张', phoneTail: '0003' }, VOLUNTEERS[4])).data.matches,
    ).toEqual([])
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
  test('the roster carries the week key and masked entries; the phone verifies tickets with it', async () => {
    const res = await cloud.call('checkin', 'roster', { activityIds: [A] }, VOLUNTEERS[6])
    expect(res.ok).toBe(true)
    const [key] = res.data.keys
    expect(key.weekId).toBe(week.id)
    const entries = res.data.activities[0].entries
    expect(entries).toHaveLength(10)
    expect(JSON.stringify(entries)).not.toMatch(/居民|1390000/)
    const cancelled = entries.find((e) => e.registrationId === `${A}_${people[9]}`)
    expect(cancelled!.status).toBe('cancelled')
    const { token, registrationId } = tickets.get(`${A}:${people[5]}`)!
    const check = verifyTicket(token, key.publicKey)
    expect(check.ok).toBe(true)
    expect(entries.find((e) => e.ticketId === (check as any).ticketId)!.registrationId).toBe(registrationId)
  })

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

describe('invites and volunteer activities', () => {
  test('a redeemed code makes the person a volunteer of exactly those activities', async () => {
    const [user] = await allDocs(cloud, 'users', { _id: VOLUNTEERS[0] })
    expect(user.roles).toEqual([{ role: 'volunteer', weekId: week.id, activityIds: [A] }])
    const mine = await cloud.call('checkin', 'myActivities', {}, VOLUNTEERS[0])
    expect(mine.data.items.map((a) => a.id)).toEqual([A])
    expect(mine.data.items[0].counts).toMatchObject({ registered: 9, capacity: 40 })
    expect(mine.data.items[0].counts.checkedIn).toBeGreaterThan(0)
  })

  test('redeeming twice adds nothing', async () => {
    await redeem(VOLUNTEERS[0], [A])
    const [user] = await allDocs(cloud, 'users', { _id: VOLUNTEERS[0] })
    expect(user.roles).toHaveLength(1)
  })

  test('an unknown code: INVITE_NOT_FOUND; an expired one: INVITE_EXPIRED; neither grants anything', async () => {
    expect(await cloud.call('checkin', 'invite.redeem', { code: 'ZZZZ-ZZZZ' }, 'vol-x')).toMatchObject({
      ok: false,
      code: 'INVITE_NOT_FOUND',
    })
    const inv = await cloud.call('checkin', 'invite.create', { activityIds: [B], expiresAt: Date.now() + HOUR }, ORGANISER)
    await db()
      .collection('invites')
      .doc(inv.data.code)
      .update({ data: { expiresAt: new Date(Date.now() - 1000) } })
    expect(await cloud.call('checkin', 'invite.redeem', { code: inv.data.code.toLowerCase() }, 'vol-x')).toMatchObject({
      ok: false,
      code: 'INVITE_EXPIRED',
    })
    expect(await allDocs(cloud, 'users', { _id: 'vol-x' })).toEqual([])
  })

  test("an organiser invites only to their district's activities; a resident may not invite", async () => {
    const west = await createActivity(cloud, week, { district: 'west', title: '西区活动' })
    expect(await cloud.call('checkin', 'invite.create', { activityIds: [A, west], expiresAt: Date.now() + HOUR }, ORGANISER)).toMatchObject(
      { ok: false, code: 'FORBIDDEN' },
    )
    expect(
      await cloud.call('checkin', 'invite.create', { activityIds: [west], expiresAt: Date.now() + HOUR }, OTHER_ORGANISER),
    ).toMatchObject({ ok: true })
    expect(await cloud.call('checkin', 'invite.create', { activityIds: [A], expiresAt: Date.now() + HOUR }, people[0])).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(await cloud.call('checkin', 'invite.create', { activityIds: [A], expiresAt: Date.now() - 1 }, ORGANISER)).toMatchObject({
      ok: false,
      code: 'INVITE_EXPIRED',
    })
    expect(await allDocs(cloud, 'invites', { activityIds: west })).toHaveLength(1)
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
