// `signup` src/cancel.ts through the real wx-server-sdk against the local cloud: cancelling one's
// own registration, the waitlist hand-over told through the outbox, and each refusal with its code
// and no write.
import { activityDoc, createActivity, expectRefusedWithoutWrites } from '../fixtures'
import { cloud, expectCountersMatchRecount, regsOf, resident, signUp, useSignupCloud, week } from './setup'

useSignupCloud()

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
