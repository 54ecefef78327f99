// `signup` src/mine.ts and notices.ts, grouped (three tests) through the real wx-server-sdk against
// the local cloud: "my activities" with past registrations apart, and notices of a cancelled
// activity marked read by their owner only.
import { createActivity, ORGANISER } from '../fixtures'
import { cloud, HOUR, resident, signUp, useSignupCloud, week } from './setup'

useSignupCloud()

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

  test("each registration carries its organiser's phone (whom to call once a deadline has passed), or null", async () => {
    const me = await resident()
    const withPhone = await createActivity(cloud, week, { extra: { contactName: '刘老师', contactPhone: '0791-86620318' } })
    const without = await createActivity(cloud, week, { start: '15:00' })
    for (const id of [withPhone, without]) expect((await signUp(me, id)).ok).toBe(true)
    const mine = await cloud.call('signup', 'mine', { when: 'upcoming' }, me)
    const phones = Object.fromEntries(mine.data.items.map((i) => [i.activityId, i.activity.contactPhone]))
    expect(phones).toEqual({ [withPhone]: '0791-86620318', [without]: null })
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
