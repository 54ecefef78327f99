// `checkin` src/volunteer.ts (myActivities, roster, lookup) through the real wx-server-sdk against
// the local cloud, with invite.ts grouped in (its five tests): lookup by surname and phone tail
// with a manual check-in, the offline roster, and invites that make volunteers of exactly their
// activities.
import { inviteExpiryFor } from '../../../../src/shared/domain/attendance'
import { verifyTicket } from '../../../../src/shared/domain/ticket'
import { shanghaiDate, shanghaiDayRange } from '../../../../src/shared/domain/time'
import { allDocs, createActivity, ORGANISER, OTHER_ORGANISER } from '../fixtures'
import { A, B, cloud, db, HOUR, people, redeem, tickets, useCheckinCloud, VOLUNTEERS, week } from './setup'

useCheckinCloud()

describe('check-in', () => {
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

  test("an invite for tomorrow's activity is still valid tomorrow", async () => {
    const realNow = Date.now()
    // Tomorrow 09:00–11:00 Shanghai: after the end of today, which the old default (今天结束) used.
    const todayEnd = shanghaiDayRange(shanghaiDate(realNow)).end
    const startAt = todayEnd + 9 * HOUR
    const endAt = startAt + 2 * HOUR
    const T = await createActivity(cloud, week, { title: '明天的活动' })
    await db()
      .collection('activities')
      .doc(T)
      .update({ data: { startAt: new Date(startAt), endAt: new Date(endAt) } })

    // The panel's default validity: to the end of the invited activity.
    const expiresAt = inviteExpiryFor([{ endAt }])!
    expect(expiresAt).toBe(endAt)
    const inv = await cloud.call('checkin', 'invite.create', { activityIds: [T], expiresAt }, ORGANISER)
    expect(inv).toMatchObject({ ok: true, data: { expiresAt: endAt } })
    const [stored] = await allDocs(cloud, 'invites', { _id: inv.data.code })
    expect(new Date(stored.expiresAt).getTime()).toBe(endAt)
    expect(new Date(stored.expiresAt).getTime()).toBeGreaterThan(todayEnd)

    const clock = jest.spyOn(Date, 'now')
    try {
      // Tomorrow 08:30, before the activity: redeeming works.
      clock.mockReturnValue(startAt - 30 * 60_000)
      const res = await cloud.call('checkin', 'invite.redeem', { code: inv.data.code }, 'vol-tomorrow')
      expect(res).toMatchObject({ ok: true })
      expect(res.data.activities.map((a) => a.id)).toEqual([T])
      const [user] = await allDocs(cloud, 'users', { _id: 'vol-tomorrow' })
      expect(user.roles).toEqual([{ role: 'volunteer', weekId: week.id, activityIds: [T] }])
      // Once the activity has ended, the invite has expired.
      clock.mockReturnValue(endAt)
      expect(await cloud.call('checkin', 'invite.redeem', { code: inv.data.code }, 'vol-late')).toMatchObject({
        ok: false,
        code: 'INVITE_EXPIRED',
      })
    } finally {
      clock.mockRestore()
    }
  })
})
