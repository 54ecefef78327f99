// Every duplicate-_id guard of the functions, under each form the cloud answers a duplicate in
// (the local database is switched between them): the guarded behaviour holds and nothing is
// written twice. Guards behind a read are reached by concurrent calls, which all pass the read.
import { EventEmitter } from 'node:events'
import { PRIVACY_VERSION } from '../../../../src/shared/domain/privacy'
import { DUPLICATE_KEY_FORMS } from '../../../db/errors'
import { startTestCloud, type Answer, type TestCloud } from '../../harness'
import { createCourse } from '../courseFixtures'
import {
  activityDoc,
  agree,
  allDocs,
  createActivity,
  createTestWeek,
  ADMIN,
  ORGANISER,
  profileOf,
  weekCreateInput,
  type TestWeek,
} from '../fixtures'
import { createBookList } from '../readingFixtures'

const MIN = 60_000
const HOUR = 60 * MIN

let cloud: TestCloud
let week: TestWeek
const db = () => cloud.sdkDb as any
const defaultMaxListeners = EventEmitter.defaultMaxListeners

beforeAll(async () => {
  EventEmitter.defaultMaxListeners = 0
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
})
afterAll(async () => {
  EventEmitter.defaultMaxListeners = defaultMaxListeners
  await cloud.stop()
})

/** Inserts the calls asked the database for, while `run` ran. */
async function insertsDuring<T>(run: () => Promise<T>): Promise<{ result: T; inserts: number }> {
  cloud.db.resetStats()
  const result = await run()
  return { result, inserts: cloud.db.stats().byAction['database.insertDocument'] ?? 0 }
}

const codes = (results: Answer[]) => results.map((r) => (r.ok ? 'ok' : r.code)).sort()

/** An activity running now with `openid` signed up and a volunteer who may check people in. */
async function doorFor(tag: string, openid: string) {
  const activityId = await createActivity(cloud, week, { capacity: 10, fields: ['name', 'phone', 'audience'], title: `防重测试${tag}` })
  await agree(cloud, openid)
  const signed = await cloud.call('signup', 'create', { activityId, profile: profileOf(1) }, openid)
  if (!signed.ok) throw new Error(`signup failed: ${JSON.stringify(signed)}`)
  const startAt = new Date(Date.now() + 30 * MIN)
  await db()
    .collection('activities')
    .doc(activityId)
    .update({ data: { startAt, endAt: new Date(startAt.getTime() + 3 * HOUR) } })
  const volunteer = `dup-vol-${tag}`
  const invite = await cloud.call('checkin', 'invite.create', { activityIds: [activityId], expiresAt: Date.now() + 2 * HOUR }, ORGANISER)
  if (!(await cloud.call('checkin', 'invite.redeem', { code: invite.data.code }, volunteer)).ok) throw new Error('redeem failed')
  const ticket = await cloud.call('signup', 'ticket', { registrationId: `${activityId}_${openid}` }, openid)
  if (!ticket.ok) throw new Error(`ticket failed: ${JSON.stringify(ticket)}`)
  return { activityId, volunteer, token: ticket.data.token as string, registrationId: `${activityId}_${openid}` }
}

describe.each(DUPLICATE_KEY_FORMS)('duplicates answered as %s', (form) => {
  beforeAll(() => cloud.db.setDuplicateKeyForm(form))
  afterAll(() => cloud.db.setDuplicateKeyForm('E11000'))

  test('a second scan of a checked-in ticket answers ALREADY_CHECKED_IN and the same scan retried answers the first check-in; one check-in counted', async () => {
    const door = await doorFor(`scan-${form}`, `dup-scan-${form}`)
    const scan = (nonce: string) => cloud.call('checkin', 'scan', { activityId: door.activityId, token: door.token, nonce }, door.volunteer)
    const first = await scan('nonce-one')
    expect(first).toMatchObject({ ok: true, data: { registrationId: door.registrationId } })
    // The same scan retried answers the first check-in again.
    expect(await scan('nonce-one')).toMatchObject({ ok: true, data: { checkedInAt: first.data.checkedInAt, counts: { checkedIn: 1 } } })
    expect(await scan('nonce-two')).toMatchObject({ ok: false, code: 'ALREADY_CHECKED_IN' })
    expect(await allDocs(cloud, 'checkins', { activityId: door.activityId })).toHaveLength(1)
    expect((await activityDoc(cloud, door.activityId)).attendance.checkedIn).toBe(1)
  })

  test('a replayed walk-in (same nonce) answers replayed and is stored and counted once', async () => {
    const door = await doorFor(`walkin-${form}`, `dup-walkin-${form}`)
    const input = { activityId: door.activityId, name: '王阿姨', audience: 'seniors' as const, headcount: 2, nonce: `walkin-${form}` }
    expect(await cloud.call('checkin', 'walkin', input, door.volunteer)).toMatchObject({ ok: true, data: { replayed: false } })
    expect(await cloud.call('checkin', 'walkin', input, door.volunteer)).toMatchObject({ ok: true, data: { replayed: true } })
    expect(await allDocs(cloud, 'walkins', { activityId: door.activityId })).toHaveLength(1)
    expect((await activityDoc(cloud, door.activityId)).attendance.walkInHeadcount).toBe(2)
  })

  test('the same person signing up twice at once: one registration, the other answers ALREADY_REGISTERED, one seat taken', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 10, title: `同时报名${form}` })
    const me = `dup-signup-${form}`
    const input = { activityId, profile: profileOf(2) }
    await agree(cloud, me)
    const { result, inserts } = await insertsDuring(() => Promise.all([0, 1].map(() => cloud.call('signup', 'create', input, me))))
    expect(codes(result)).toEqual(['ALREADY_REGISTERED', 'ok'])
    expect(inserts).toBeGreaterThanOrEqual(2)
    expect(await allDocs(cloud, 'registrations', { activityId })).toHaveLength(1)
    expect((await activityDoc(cloud, activityId)).seatsLeft).toBe(9)
  })

  test('the same week created twice at once: one week, the other answers WEEK_EXISTS', async () => {
    const id = `dupweek${form.toLowerCase().replace(/[^a-z0-9]/g, '')}`
    const { result, inserts } = await insertsDuring(() =>
      Promise.all([0, 1].map(() => cloud.call('activity', 'week.create', weekCreateInput(id), ADMIN))),
    )
    expect(codes(result)).toEqual(['WEEK_EXISTS', 'ok'])
    expect(inserts).toBeGreaterThanOrEqual(2)
    expect(await allDocs(cloud, 'weeks', { _id: id })).toHaveLength(1)
  })

  test("a new person's consent recorded twice at once (a double tap on 同意): one account document", async () => {
    const me = `dup-consent-${form}`
    const { result, inserts } = await insertsDuring(() =>
      Promise.all([0, 1].map(() => cloud.call('privacy', 'consent.record', { version: PRIVACY_VERSION }, me))),
    )
    expect(codes(result)).toEqual(['ok', 'ok'])
    expect(inserts).toBe(2)
    const users = await allDocs(cloud, 'users', { _id: me })
    expect(users).toHaveLength(1)
    expect(users[0].consent.version).toBe(PRIVACY_VERSION)
  })

  test("a person's first two family members added at once: the account document holds both", async () => {
    const me = `dup-user-${form}`
    await agree(cloud, me)
    const member = (name: string) => ({
      name,
      ageGroup: '70+' as const,
      relation: 'parent' as const,
      phone: '13800000000',
      audience: 'seniors' as const,
    })
    const { result, inserts } = await insertsDuring(() =>
      Promise.all([cloud.call('signup', 'family.add', member('张大爷'), me), cloud.call('signup', 'family.add', member('李奶奶'), me)]),
    )
    expect(codes(result)).toEqual(['ok', 'ok'])
    expect(inserts).toBe(0)
    const users = await allDocs(cloud, 'users', { _id: me })
    expect(users).toHaveLength(1)
    expect(users[0].family.map((m: any) => m.name).sort()).toEqual(['张大爷', '李奶奶'])
  })

  test("a week's first two tickets at once: one signing key, both tickets verify with it", async () => {
    const fresh = await createTestWeek(cloud)
    const activityId = await createActivity(cloud, fresh, { capacity: 10, title: `首张票${form}` })
    const people = [`dup-key-${form}-a`, `dup-key-${form}-b`]
    for (const [i, p] of people.entries()) {
      await agree(cloud, p)
      const res = await cloud.call('signup', 'create', { activityId, profile: profileOf(10 + i) }, p)
      if (!res.ok) throw new Error(`signup failed: ${JSON.stringify(res)}`)
    }
    const { result, inserts } = await insertsDuring(() =>
      Promise.all(people.map((p) => cloud.call('signup', 'ticket', { registrationId: `${activityId}_${p}` }, p))),
    )
    expect(codes(result)).toEqual(['ok', 'ok'])
    expect(inserts).toBe(2)
    expect(await allDocs(cloud, 'weekKeys', { _id: fresh.id })).toHaveLength(1)
  })

  test('a checked-in person rating twice at once: one rating stored and counted, the other ALREADY_RATED or CONFLICT', async () => {
    const door = await doorFor(`rate-${form}`, `dup-rate-${form}`)
    expect(
      (await cloud.call('checkin', 'manual', { activityId: door.activityId, registrationId: door.registrationId }, door.volunteer)).ok,
    ).toBe(true)
    const rate = (choice: 'satisfied' | 'basic') =>
      cloud.call('signup', 'rate', { registrationId: door.registrationId, choice }, `dup-rate-${form}`)
    const result = await Promise.all([rate('satisfied'), rate('basic')])
    expect(result.filter((r) => r.ok)).toHaveLength(1)
    for (const r of result.filter((x) => !x.ok)) expect(['ALREADY_RATED', 'CONFLICT']).toContain(r.code)
    expect(await allDocs(cloud, 'ratings', { activityId: door.activityId })).toHaveLength(1)
    const fb = (await activityDoc(cloud, door.activityId)).feedback
    expect((fb.satisfied ?? 0) + (fb.basic ?? 0)).toBe(1)
    expect((await activityDoc(cloud, door.activityId)).pending ?? {}).toEqual({})
  })

  test('the same enrolment twice at once: one enrolment, both answered with it, counted once', async () => {
    const { courseId } = await createCourse(cloud, ORGANISER, week.id, { title: `同时报课${form}` })
    const me = `dup-enrol-${form}`
    const result = await Promise.all([0, 1].map(() => cloud.call('course', 'enrol', { courseId }, me)))
    expect(codes(result)).toEqual(['ok', 'ok'])
    expect(result.map((r) => r.data.created).sort()).toEqual([false, true])
    expect(await allDocs(cloud, 'enrolments', { courseId })).toHaveLength(1)
    const [course] = await allDocs(cloud, 'courses', { _id: courseId })
    expect(course.counters.enrolled).toBe(1)
  })

  test("a reader's first two logs at once (two books): one reader document holding both, each log counted once", async () => {
    const { bookIds } = await createBookList(cloud, week, { title: `同时打卡${form}` })
    const me = `dup-read-${form}`
    const result = await Promise.all(bookIds.slice(0, 2).map((bookId, i) => cloud.call('reading', 'log', { bookId, minutes: 10 + i }, me)))
    expect(codes(result)).toEqual(['ok', 'ok'])
    const readers = await allDocs(cloud, 'readers', { personId: me })
    expect(readers).toHaveLength(1)
    expect(readers[0]).toMatchObject({ totalMinutes: 21, totalLogs: 2 })
    expect([...readers[0].logIds].sort()).toEqual((await allDocs(cloud, 'readingLogs', { personId: me })).map((l) => l._id).sort())
  })
})
