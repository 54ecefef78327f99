// `signup` src/create.ts through the real wx-server-sdk against the local cloud: sign-up and its
// rules (each refusal with its code and no write), the waitlist, the database operations of one
// sign-up, and 代报名 (signing up a family member). preview.ts is grouped in (its one test).
import { activityDoc, agree, createActivity, expectRefusedWithoutWrites, ORGANISER, profileOf, writesIn } from '../fixtures'
import { cloud, expectCountersMatchRecount, HOUR, regsOf, resident, signUp, useSignupCloud, week } from './setup'

useSignupCloud()

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
    await agree(cloud, 'first-timer')
    await expectRefusedWithoutWrites(cloud, 'PROFILE_REQUIRED', () => signUp('first-timer', activityId))
  })

  test('the first sign-up with a profile succeeds and remembers the profile', async () => {
    const activityId = await createActivity(cloud, week)
    await agree(cloud, 'first-timer-2')
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
    // Published while open (publishing a closed window is refused), then the deadline passes.
    const activityId = await createActivity(cloud, week, { opensAt: Date.now() - 2 * HOUR, closesAt: Date.now() + HOUR })
    await (cloud.sdkDb as any)
      .collection('activities')
      .doc(activityId)
      .update({ data: { 'signup.closesAt': new Date(Date.now() - HOUR) } })
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
