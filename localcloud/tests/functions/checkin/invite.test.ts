// `checkin` src/invite.ts (invite.create, invite.redeem) through the real wx-server-sdk against the
// local cloud: who may invite, the invite's validity (in the future, at most a day after the last
// invited activity ends; refused otherwise, writing nothing), and redeeming it before and after
// it expires. Calls that need a given day run the actions with an injected clock (`callAt`).
import { createFunction } from '../../../../cloudfunctions/_core/handler'
import { checkinActions } from '../../../../cloudfunctions/checkin/src/index'
import { inviteExpiryFor, INVITE_GRACE_MS } from '../../../../src/shared/domain/attendance'
import { runAsCaller } from '../../../gateway/wx-context'
import type { ActionName, AnswerOf, InputOf } from '../../harness'
import { allDocs, createActivity, ORGANISER, OTHER_ORGANISER, writesIn } from '../fixtures'
import { A, B, cloud, db, HOUR, people, redeem, useCheckinCloud, VOLUNTEERS, week } from './setup'

useCheckinCloud()

let clock = 0
const clocked = createFunction('checkin', checkinActions, { now: () => clock })
/** A checkin call as `openid` with the function's clock at `now`. */
const callAt = <Act extends ActionName<'checkin'>>(now: number, openid: string, action: Act, input: InputOf<'checkin', Act>) => {
  clock = now
  return runAsCaller({ openid }, () => clocked({ action, input }, { request_id: 'checkin-test' })) as Promise<AnswerOf<'checkin', Act>>
}

// Fixed days (Shanghai = UTC+8): 12月2日 14:00 is "today"; the activity runs 12月3日 09:00–11:00.
const TODAY = Date.UTC(2026, 11, 2, 6)
const START = Date.UTC(2026, 11, 3, 1)
const END = Date.UTC(2026, 11, 3, 3)

/** An activity of the test week moved to run from `startAt` to `endAt`. */
async function activityAt(title: string, startAt: number, endAt: number) {
  const id = await createActivity(cloud, week, { title })
  await db()
    .collection('activities')
    .doc(id)
    .update({ data: { startAt: new Date(startAt), endAt: new Date(endAt) } })
  return id
}

/** A refused invite.create: its code, no write reached the database, no invite stored. */
async function expectCreateRefused(code: string, now: number, input: { activityIds: string[]; expiresAt: number }) {
  const before = JSON.stringify(await allDocs(cloud, 'invites'))
  cloud.db.resetStats()
  expect(await callAt(now, ORGANISER, 'invite.create', input)).toMatchObject({ ok: false, code })
  expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  expect(JSON.stringify(await allDocs(cloud, 'invites'))).toBe(before)
}

describe('invite validity', () => {
  let T: string
  beforeAll(async () => {
    T = await activityAt('明天上午的活动', START, END)
  })

  test('an invite may run until one day after the last invited activity ends, not a moment longer', async () => {
    const limit = END + INVITE_GRACE_MS
    await expectCreateRefused('INVITE_EXPIRY_INVALID', TODAY, { activityIds: [T], expiresAt: limit + 1 })
    await expectCreateRefused('INVITE_EXPIRY_INVALID', TODAY, { activityIds: [T], expiresAt: TODAY + 60 * 24 * HOUR })
    const inv = await callAt(TODAY, ORGANISER, 'invite.create', { activityIds: [T], expiresAt: limit })
    expect(inv).toMatchObject({ ok: true, data: { expiresAt: limit, activityIds: [T] } })
    const [stored] = await allDocs(cloud, 'invites', { _id: (inv as any).data.code })
    expect(new Date(stored.expiresAt).getTime()).toBe(limit)
  })

  test('an expiry that is not in the future is refused', async () => {
    await expectCreateRefused('INVITE_EXPIRY_INVALID', TODAY, { activityIds: [T], expiresAt: TODAY })
    await expectCreateRefused('INVITE_EXPIRY_INVALID', TODAY, { activityIds: [T], expiresAt: TODAY - HOUR })
  })

  test('activities that ended more than a day ago cannot be invited to', async () => {
    const twoDaysLater = END + 2 * 24 * HOUR
    await expectCreateRefused('INVITE_EXPIRY_INVALID', twoDaysLater, { activityIds: [T], expiresAt: twoDaysLater + HOUR })
  })

  test("an invite for tomorrow's activity created today is still redeemable tomorrow, until it ends", async () => {
    // The panel's default validity: to the end of the invited activity.
    const expiresAt = inviteExpiryFor([{ endAt: END }])!
    expect(expiresAt).toBe(END)
    const inv = await callAt(TODAY, ORGANISER, 'invite.create', { activityIds: [T], expiresAt })
    expect(inv).toMatchObject({ ok: true, data: { expiresAt: END } })
    const code = (inv as any).data.code as string

    // Tomorrow 08:30, before the activity: redeeming works.
    const res = await callAt(START - 30 * 60_000, 'vol-tomorrow', 'invite.redeem', { code })
    expect(res).toMatchObject({ ok: true })
    expect((res as any).data.activities.map((a: { id: string }) => a.id)).toEqual([T])
    const [user] = await allDocs(cloud, 'users', { _id: 'vol-tomorrow' })
    expect(user.roles).toEqual([{ role: 'volunteer', weekId: week.id, activityIds: [T] }])
    // Once the activity has ended, the invite has expired.
    expect(await callAt(END, 'vol-late', 'invite.redeem', { code })).toMatchObject({ ok: false, code: 'INVITE_EXPIRED' })
    expect(await allDocs(cloud, 'users', { _id: 'vol-late' })).toEqual([])
  })
})

describe('redeeming', () => {
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
})

describe('who may invite', () => {
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
    expect(await allDocs(cloud, 'invites', { activityIds: west })).toHaveLength(1)
  })
})
