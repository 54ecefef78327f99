// `checkin` src/volunteer.ts (myActivities, roster, lookup) through the real wx-server-sdk against
// the local cloud: lookup by surname and phone tail with a manual check-in, the offline roster,
// and a redeemed invite's activities in myActivities (invite.ts itself: invite.test.ts).
import { verifyTicket } from '../../../../src/shared/domain/ticket'
import { allDocs } from '../fixtures'
import { A, cloud, people, tickets, useCheckinCloud, VOLUNTEERS, week } from './setup'

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
})
