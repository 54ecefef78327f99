// The `signup` function, bundled as uploaded, through the real wx-server-sdk against the local
// cloud: profile and family, sign-up and its rules (each refusal with its code and no write),
// 代报名, waitlist hand-over, cancelling, "my activities" and notices.
import { recount } from '../../../../src/shared/domain/counters'
import { startTestCloud, type TestCloud } from '../../harness'
import {
  activityDoc,
  allDocs,
  createActivity,
  createTestWeek,
  expectRefusedWithoutWrites,
  ORGANISER,
  profileOf,
  seedResidents,
  writesIn,
  type TestWeek,
} from '../fixtures'

let cloud: TestCloud
let week: TestWeek
const HOUR = 3_600_000

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
})
afterAll(async () => {
  await cloud.stop()
})

let personSeq = 0
/** A returning resident: a fresh person with a stored profile. */
async function resident(): Promise<string> {
  const [id] = await seedResidents(cloud, `r${personSeq++}`, 1)
  return id
}
const signUp = (openid: string, activityId: string, extra: Record<string, unknown> = {}) =>
  cloud.call('signup', 'create', { activityId, ...extra }, openid)
const regsOf = (activityId: string) => allDocs(cloud, 'registrations', { activityId })

async function expectCountersMatchRecount(activityId: string) {
  const doc = await activityDoc(cloud, activityId)
  const regs = await regsOf(activityId)
  expect(doc.counters).toEqual(recount(regs))
  expect(doc.seatsLeft).toBe(doc.signup.capacity - regs.filter((r) => r.status === 'confirmed').length)
}

describe('profile and family', () => {
  test('a newcomer has no profile; profile.save stores it on their account', async () => {
    expect(await cloud.call('signup', 'profile.get', {}, 'newcomer-1')).toEqual({ ok: true, data: { profile: null } })
    const saved = await cloud.call('signup', 'profile.save', { profile: profileOf(1) }, 'newcomer-1')
    expect(saved).toEqual({ ok: true, data: { profile: profileOf(1) } })
    const [user] = await allDocs(cloud, 'users', { _id: 'newcomer-1' })
    expect(user).toMatchObject({ profile: profileOf(1), roles: [], family: [] })
    expect((await cloud.call('signup', 'profile.get', {}, 'newcomer-1')).data.profile).toEqual(profileOf(1))
  })

  test('saving a profile keeps the roles of an organiser', async () => {
    const res = await cloud.call('signup', 'profile.save', { profile: profileOf(2) }, ORGANISER)
    expect(res.ok).toBe(true)
    const [user] = await allDocs(cloud, 'users', { _id: ORGANISER })
    expect(user.roles.some((r: any) => r.role === 'organiser' && r.districtCode === 'donghu')).toBe(true)
  })

  test('a malformed phone is refused with VALIDATION_FAILED naming the field, and nothing is written', async () => {
    await expectRefusedWithoutWrites(cloud, 'VALIDATION_FAILED', () =>
      cloud.call('signup', 'profile.save', { profile: { ...profileOf(3), phone: '12345' } }, 'newcomer-2'),
    )
    const res = await cloud.call('signup', 'profile.save', { profile: { ...profileOf(3), phone: '12345' } }, 'newcomer-2')
    expect(res.fields).toEqual(['profile.phone'])
  })

  test('family members are added, listed and removed', async () => {
    const me = await resident()
    const added = await cloud.call('signup', 'family.add', { name: '王秀兰', ageGroup: '70+', relation: 'parent' }, me)
    expect(added.data.member).toMatchObject({ name: '王秀兰', phone: null, ageGroup: '70+', relation: 'parent', audience: null })
    expect(added.data.member.id).toMatch(/^m[a-z0-9]{8}$/)
    const listed = await cloud.call('signup', 'family.list', {}, me)
    expect(listed.data.members).toEqual([added.data.member])
    expect(await cloud.call('signup', 'family.remove', { memberId: added.data.member.id }, me)).toEqual({
      ok: true,
      data: { memberId: added.data.member.id },
    })
    expect((await cloud.call('signup', 'family.list', {}, me)).data.members).toEqual([])
  })

  test('removing a member one does not have answers FAMILY_MEMBER_NOT_FOUND and writes nothing', async () => {
    const me = await resident()
    await expectRefusedWithoutWrites(cloud, 'FAMILY_MEMBER_NOT_FOUND', () =>
      cloud.call('signup', 'family.remove', { memberId: 'mnotthere' }, me),
    )
  })

  test('an eleventh family member is refused with FAMILY_LIMIT and not stored', async () => {
    const me = await resident()
    for (let i = 0; i < 10; i++) {
      expect((await cloud.call('signup', 'family.add', { name: `家人${i}`, ageGroup: '60-69', relation: 'relative' }, me)).ok).toBe(true)
    }
    await expectRefusedWithoutWrites(cloud, 'FAMILY_LIMIT', () =>
      cloud.call('signup', 'family.add', { name: '第十一位', ageGroup: '60-69', relation: 'relative' }, me),
    )
  })
})

describe('signing up', () => {
  test('a returning resident signs up in one call of four database operations (read, seat with its pending entry, registration, entry settled)', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 5 })
    const me = await resident()
    cloud.db.resetStats()
    const res = await signUp(me, activityId)
    const stats = cloud.db.stats()
    expect(res.ok).toBe(true)
    expect(res.data.registration).toMatchObject({
      id: `${activityId}_${me}`,
      personId: 'self',
      personName: profileOf(Number(me.split('-')[1])).name,
      proxy: false,
      status: 'confirmed',
      position: null,
      canCancel: true,
    })
    expect(stats.total).toBeLessThanOrEqual(4)
    expect(stats.byAction).toEqual({
      'database.aggregateDocuments': 1,
      'database.modifyDocument': 2,
      'database.insertDocument': 1,
    })
    // The seat's pending entry was settled: nothing is left for the repair.
    expect((await activityDoc(cloud, activityId)).pending ?? {}).toEqual({})
    const [reg] = await regsOf(activityId)
    expect(reg).toMatchObject({ _id: `${activityId}_${me}`, openid: me, personId: me, status: 'confirmed', proxy: false })
    // Only the fields the form asks (name, phone, age group) are kept.
    expect(Object.keys(reg.person).sort()).toEqual(['ageGroup', 'name', 'phone'])
    expect((await activityDoc(cloud, activityId)).seatsLeft).toBe(4)
  })

  test('the first sign-up without a profile is refused with PROFILE_REQUIRED and writes nothing', async () => {
    const activityId = await createActivity(cloud, week)
    await expectRefusedWithoutWrites(cloud, 'PROFILE_REQUIRED', () => signUp('first-timer', activityId))
  })

  test('the first sign-up with a profile succeeds and remembers the profile', async () => {
    const activityId = await createActivity(cloud, week)
    const res = await signUp('first-timer-2', activityId, { profile: profileOf(77) })
    expect(res.data.registration).toMatchObject({ status: 'confirmed', personName: '居民77' })
    expect((await cloud.call('signup', 'profile.get', {}, 'first-timer-2')).data.profile).toEqual(profileOf(77))
  })

  test('a second sign-up of the same person is refused with ALREADY_REGISTERED and writes nothing', async () => {
    const activityId = await createActivity(cloud, week)
    const me = await resident()
    expect((await signUp(me, activityId)).ok).toBe(true)
    await expectRefusedWithoutWrites(cloud, 'ALREADY_REGISTERED', () => signUp(me, activityId))
  })

  test('the same person tapping twice at once gets one registration and one seat', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 3 })
    const me = await resident()
    const both = await Promise.all([signUp(me, activityId), signUp(me, activityId), signUp(me, activityId)])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.filter((r) => !r.ok).map((r) => r.code)).toEqual(['ALREADY_REGISTERED', 'ALREADY_REGISTERED'])
    expect(await regsOf(activityId)).toHaveLength(1)
    await expectCountersMatchRecount(activityId)
  })

  test('before the window opens: SIGNUP_NOT_OPEN, nothing written', async () => {
    const activityId = await createActivity(cloud, week, { opensAt: Date.now() + 24 * HOUR })
    const me = await resident()
    await expectRefusedWithoutWrites(cloud, 'SIGNUP_NOT_OPEN', () => signUp(me, activityId))
  })

  test('after the window closed: SIGNUP_CLOSED, nothing written', async () => {
    const activityId = await createActivity(cloud, week, { opensAt: Date.now() - 2 * HOUR, closesAt: Date.now() - HOUR })
    const me = await resident()
    await expectRefusedWithoutWrites(cloud, 'SIGNUP_CLOSED', () => signUp(me, activityId))
  })

  test('a cancelled activity: ACTIVITY_CANCELLED, nothing written', async () => {
    const activityId = await createActivity(cloud, week)
    expect((await cloud.call('activity', 'cancel', { id: activityId, reason: '场地调整' }, ORGANISER)).ok).toBe(true)
    const me = await resident()
    await expectRefusedWithoutWrites(cloud, 'ACTIVITY_CANCELLED', () => signUp(me, activityId))
  })

  test('an activity without sign-up: SIGNUP_NOT_REQUIRED, nothing written', async () => {
    const activityId = await createActivity(cloud, week, { capacity: null })
    const me = await resident()
    await expectRefusedWithoutWrites(cloud, 'SIGNUP_NOT_REQUIRED', () => signUp(me, activityId))
  })

  test('a draft or unknown activity: ACTIVITY_NOT_FOUND, nothing written', async () => {
    const draft = await createActivity(cloud, week, { publish: false })
    const me = await resident()
    await expectRefusedWithoutWrites(cloud, 'ACTIVITY_NOT_FOUND', () => signUp(me, draft))
    await expectRefusedWithoutWrites(cloud, 'ACTIVITY_NOT_FOUND', () => signUp(me, 'no-such-activity'))
  })

  test('full, and the person does not want the waitlist: ACTIVITY_FULL, nothing written', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 1 })
    expect((await signUp(await resident(), activityId)).data.registration.status).toBe('confirmed')
    const me = await resident()
    await expectRefusedWithoutWrites(cloud, 'ACTIVITY_FULL', () => signUp(me, activityId, { waitlist: false }))
  })

  test('full: the next people join the waitlist and see their position', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 1 })
    await signUp(await resident(), activityId)
    const second = await signUp(await resident(), activityId)
    const third = await signUp(await resident(), activityId)
    expect(second.data.registration).toMatchObject({ status: 'waitlisted', position: 1, canCancel: true })
    expect(third.data.registration).toMatchObject({ status: 'waitlisted', position: 2 })
    expect(await activityDoc(cloud, activityId)).toMatchObject({ seatsLeft: 0, counters: { confirmed: 1, waitlisted: 2 } })
  })

  test('another activity at an overlapping time is a warning, not a refusal', async () => {
    const morning = await createActivity(cloud, week, { start: '09:00', hours: 2, title: '上午课堂' })
    const overlapping = await createActivity(cloud, week, { start: '10:00', hours: 2 })
    const afternoon = await createActivity(cloud, week, { start: '14:00', hours: 1 })
    const me = await resident()
    await signUp(me, morning)
    const preview = await cloud.call('signup', 'preview', { activityId: overlapping }, me)
    expect(preview.data).toMatchObject({ refusal: null, full: false, profileRequired: false, registration: null })
    expect(preview.data.overlaps).toEqual([expect.objectContaining({ activityId: morning, title: '上午课堂', status: 'confirmed' })])
    const res = await signUp(me, overlapping)
    expect(res.data.registration.status).toBe('confirmed')
    expect(res.data.overlaps.map((o) => o.activityId)).toEqual([morning])
    expect((await cloud.call('signup', 'preview', { activityId: afternoon }, me)).data.overlaps).toEqual([])
  })

  test('preview tells the refusal a sign-up would get, without writing', async () => {
    const activityId = await createActivity(cloud, week, { opensAt: Date.now() + HOUR })
    cloud.db.resetStats()
    const res = await cloud.call('signup', 'preview', { activityId }, 'someone-new')
    expect(res.data).toMatchObject({
      refusal: 'SIGNUP_NOT_OPEN',
      profileRequired: true,
      seatsLeft: 30,
      signupFields: ['name', 'phone', 'ageGroup'],
    })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  })
})

describe('代报名: signing up a family member', () => {
  let me: string
  let mum: any
  let activityId: string

  beforeAll(async () => {
    me = await resident()
    mum = (await cloud.call('signup', 'family.add', { name: '赵桂芳', ageGroup: '70+', relation: 'parent' }, me)).data.member
    activityId = await createActivity(cloud, week, { fields: ['name', 'phone', 'ageGroup', 'audience'] })
  })

  test('the member gets their own registration, made by and cancellable from the resident', async () => {
    const res = await signUp(me, activityId, { personId: mum.id })
    expect(res.data.registration).toMatchObject({
      id: `${activityId}_${me}~${mum.id}`,
      personId: mum.id,
      personName: '赵桂芳',
      relation: 'parent',
      proxy: true,
      status: 'confirmed',
    })
    const [reg] = (await regsOf(activityId)).filter((r) => r.memberId === mum.id)
    // No phone of her own: the resident's phone is the contact; a 70+ member counts as a senior.
    expect(reg).toMatchObject({ openid: me, personId: `${me}~${mum.id}`, proxy: true })
    expect(reg.person).toEqual({ name: '赵桂芳', phone: profileOf(Number(me.split('-')[1])).phone, ageGroup: '70+', audience: 'seniors' })
    expect((await activityDoc(cloud, activityId)).counters).toMatchObject({ confirmed: 1, proxy: 1 })
  })

  test('the resident can still sign up themself: both tickets are under "my activities"', async () => {
    expect((await signUp(me, activityId)).data.registration.personId).toBe('self')
    const mine = await cloud.call('signup', 'mine', { when: 'upcoming' }, me)
    const here = mine.data.items.filter((i) => i.activityId === activityId)
    expect(here.map((i) => [i.personId, i.personName, i.status]).sort()).toEqual(
      [
        [mum.id, '赵桂芳', 'confirmed'],
        ['self', profileOf(Number(me.split('-')[1])).name, 'confirmed'],
      ].sort(),
    )
    await expectCountersMatchRecount(activityId)
  })

  test('signing up a member one does not have is refused with FAMILY_MEMBER_NOT_FOUND, nothing written', async () => {
    const other = await resident()
    await expectRefusedWithoutWrites(cloud, 'FAMILY_MEMBER_NOT_FOUND', () => signUp(other, activityId, { personId: mum.id }))
  })

  test('the resident cancels the member ticket; the proxy counter follows', async () => {
    const res = await cloud.call('signup', 'cancel', { registrationId: `${activityId}_${me}~${mum.id}` }, me)
    expect(res.data.registration).toMatchObject({ personName: '赵桂芳', status: 'cancelled', canCancel: false })
    expect((await activityDoc(cloud, activityId)).counters).toMatchObject({ confirmed: 1, cancelled: 1, proxy: 0 })
    await expectCountersMatchRecount(activityId)
  })
})

describe('cancelling', () => {
  test("one's own registration: cancelled, the seat returns, and one can sign up again (same id)", async () => {
    const activityId = await createActivity(cloud, week, { capacity: 2 })
    const me = await resident()
    const reg = (await signUp(me, activityId)).data.registration
    const res = await cloud.call('signup', 'cancel', { registrationId: reg.id }, me)
    expect(res.data.registration).toMatchObject({ id: reg.id, status: 'cancelled', canCancel: false })
    expect(await activityDoc(cloud, activityId)).toMatchObject({ seatsLeft: 2, counters: { confirmed: 0, cancelled: 1 } })
    const again = await signUp(me, activityId)
    expect(again.data.registration).toMatchObject({ id: reg.id, status: 'confirmed' })
    expect(await regsOf(activityId)).toHaveLength(1)
    expect(await activityDoc(cloud, activityId)).toMatchObject({ seatsLeft: 1, counters: { confirmed: 1, cancelled: 0 } })
  })

  test('a freed seat goes to the first waitlisted person, who is told through the outbox', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 1 })
    const holder = await resident()
    const first = await resident()
    const second = await resident()
    const held = (await signUp(holder, activityId)).data.registration
    await signUp(first, activityId)
    await signUp(second, activityId)
    await cloud.call('signup', 'cancel', { registrationId: held.id }, holder)
    const regs = await regsOf(activityId)
    expect(regs.find((r) => r.openid === first)).toMatchObject({ status: 'confirmed' })
    expect(regs.find((r) => r.openid === second)).toMatchObject({ status: 'waitlisted' })
    expect((await activityDoc(cloud, activityId)).seatsLeft).toBe(0)
    const notices = await cloud.call('signup', 'notices', {}, first)
    expect(notices.data).toMatchObject({ unread: 1, items: [{ template: 'waitlist_promoted', activityId, title: '测试活动：手机课堂' }] })
    expect((await cloud.call('signup', 'mine', {}, second)).data.items[0]).toMatchObject({ status: 'waitlisted', position: 1 })
    await expectCountersMatchRecount(activityId)
  })

  test('leaving the waitlist moves the people behind up', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 1 })
    await signUp(await resident(), activityId)
    const a = await resident()
    const b = await resident()
    const ra = (await signUp(a, activityId)).data.registration
    await signUp(b, activityId)
    await cloud.call('signup', 'cancel', { registrationId: ra.id }, a)
    expect((await cloud.call('signup', 'mine', {}, b)).data.items[0]).toMatchObject({ status: 'waitlisted', position: 1 })
    expect((await activityDoc(cloud, activityId)).seatsLeft).toBe(0)
    await expectCountersMatchRecount(activityId)
  })

  test("someone else's registration: REGISTRATION_NOT_FOUND, nothing written", async () => {
    const activityId = await createActivity(cloud, week)
    const owner = await resident()
    const reg = (await signUp(owner, activityId)).data.registration
    const intruder = await resident()
    await expectRefusedWithoutWrites(cloud, 'REGISTRATION_NOT_FOUND', () =>
      cloud.call('signup', 'cancel', { registrationId: reg.id }, intruder),
    )
  })

  test('past the cancellation deadline: CANCEL_DEADLINE_PASSED, nothing written', async () => {
    const activityId = await createActivity(cloud, week, { cancelDeadline: Date.now() - 60_000 })
    const me = await resident()
    const reg = (await signUp(me, activityId)).data.registration
    expect(reg.canCancel).toBe(false)
    await expectRefusedWithoutWrites(cloud, 'CANCEL_DEADLINE_PASSED', () => cloud.call('signup', 'cancel', { registrationId: reg.id }, me))
  })

  test('cancelling twice: ALREADY_CANCELLED, nothing written', async () => {
    const activityId = await createActivity(cloud, week)
    const me = await resident()
    const reg = (await signUp(me, activityId)).data.registration
    await cloud.call('signup', 'cancel', { registrationId: reg.id }, me)
    await expectRefusedWithoutWrites(cloud, 'ALREADY_CANCELLED', () => cloud.call('signup', 'cancel', { registrationId: reg.id }, me))
  })
})

describe('my activities and notices', () => {
  test('past registrations are listed apart, latest first', async () => {
    const me = await resident()
    const db: any = cloud.sdkDb
    const ended = (daysAgo: number) => {
      const endAt = new Date(Date.now() - daysAgo * 24 * HOUR)
      return {
        _id: `nc2026-donghu-01_${me}-past${daysAgo}`,
        activityId: 'nc2026-donghu-01',
        weekId: 'nc2026',
        districtCode: 'donghu',
        openid: me,
        personId: `${me}-past${daysAgo}`,
        memberId: null,
        relation: null,
        proxy: false,
        person: { name: '往届' },
        status: 'confirmed',
        waitKey: '0',
        title: `往届活动${daysAgo}`,
        startAt: new Date(endAt.getTime() - 2 * HOUR),
        endAt,
        activityCancelled: false,
        createdAt: endAt,
        updatedAt: endAt,
        confirmedAt: endAt,
        promotedAt: null,
        cancelledAt: null,
      }
    }
    await db.collection('registrations').add({ data: [ended(3), ended(1)] })
    const upcomingActivity = await createActivity(cloud, week)
    await signUp(me, upcomingActivity)
    const upcoming = await cloud.call('signup', 'mine', { when: 'upcoming' }, me)
    expect(upcoming.data.items.map((i) => i.activityId)).toEqual([upcomingActivity])
    const past = await cloud.call('signup', 'mine', { when: 'past', limit: 1 }, me)
    expect(past.data.items.map((i) => i.id)).toEqual([`nc2026-donghu-01_${me}-past1`])
    const next = await cloud.call('signup', 'mine', { when: 'past', limit: 1, cursor: past.data.nextCursor! }, me)
    expect(next.data.items.map((i) => i.id)).toEqual([`nc2026-donghu-01_${me}-past3`])
    expect(next.data.nextCursor).toBeNull()
  })

  test('a cancelled activity notifies its registrants; notices are marked read', async () => {
    const me = await resident()
    const dad = (await cloud.call('signup', 'family.add', { name: '钱国庆', ageGroup: '60-69', relation: 'parent' }, me)).data.member
    const activityId = await createActivity(cloud, week)
    await signUp(me, activityId, { personId: dad.id })
    const cancelled = await cloud.call('activity', 'cancel', { id: activityId, reason: '暴雨预警，活动取消' }, ORGANISER)
    expect(cancelled.data.notified).toBe(1)
    const notices = await cloud.call('signup', 'notices', {}, me)
    expect(notices.data.unread).toBe(1)
    expect(notices.data.items[0]).toMatchObject({
      template: 'activity_cancelled',
      personName: '钱国庆',
      reason: '暴雨预警，活动取消',
      readAt: null,
    })
    const mine = await cloud.call('signup', 'mine', {}, me)
    expect(mine.data.items.find((i) => i.activityId === activityId)).toMatchObject({
      activity: { status: 'cancelled' },
      canCancel: false,
    })
    const read = await cloud.call('signup', 'notices.read', { ids: [notices.data.items[0].id, 'not-mine'] }, me)
    expect(read.data.updated).toBe(1)
    const after = await cloud.call('signup', 'notices', { unreadOnly: true }, me)
    expect(after.data).toMatchObject({ unread: 0, items: [] })
  })

  test('someone else cannot mark my notices read', async () => {
    const me = await resident()
    const activityId = await createActivity(cloud, week)
    await signUp(me, activityId)
    await cloud.call('activity', 'cancel', { id: activityId, reason: '取消' }, ORGANISER)
    const [notice] = (await cloud.call('signup', 'notices', {}, me)).data.items
    const other = await resident()
    expect((await cloud.call('signup', 'notices.read', { ids: [notice.id] }, other)).data.updated).toBe(0)
    expect((await cloud.call('signup', 'notices', {}, me)).data.unread).toBe(1)
  })
})
