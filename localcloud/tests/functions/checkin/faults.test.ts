// Check-in (by hand and by an offline queue's sync), walk-in, rating and invite redemption under crashes: the call is killed or its answer lost at
// every database request in turn, the same request is sent again (same nonce), and the repair timer
// runs 61 s later. Then the activity's kept counters equal a recount of its raw check-ins, walk-ins
// and ratings (arrivals by hour, community and distinct people included), no pending entry is left
// and each registration has exactly one check-in (one rating). A call given up on after dying
// between its counter move and its record is made exact by the repair alone.
import { addArrivals, checkinArrivals, readArrivals, walkinArrivals } from '../../../../src/shared/domain/attendance'
import { readFeedback, recountFeedback } from '../../../../src/shared/domain/feedback'
import { recountAttendanceOf } from '../../../../cloudfunctions/_core/stats'
import { MODES, repairLater, startFaultCloud, stopFaultCloud } from '../faultFixtures'
import type { Answer, TestCloud } from '../../harness'
import { activityDoc, allDocs, createActivity, ORGANISER, seedResidents, type TestWeek } from '../fixtures'

const MIN = 60_000
const HOUR = 60 * MIN
let cloud: TestCloud
let week: TestWeek
const db = () => cloud.sdkDb as any

beforeAll(async () => {
  ;({ cloud, week } = await startFaultCloud())
}, 60_000)
afterAll(() => stopFaultCloud(cloud))
afterEach(() => jest.restoreAllMocks())

let seq = 0
/** An activity running now (check-in open) with `n` residents signed up; answers its id and the registration ids. */
async function runningActivity(n: number): Promise<{ id: string; people: string[]; regs: string[] }> {
  const tag = `cf${seq++}`
  const id = await createActivity(cloud, week, {
    capacity: n + 5,
    fields: ['name', 'phone', 'community', 'audience'],
    title: `断电测试${tag}`,
  })
  const people = await seedResidents(cloud, tag, n)
  for (const p of people) {
    const res = await cloud.call('signup', 'create', { activityId: id }, p)
    if (!res.ok) throw new Error(`signup failed: ${JSON.stringify(res)}`)
  }
  const startAt = new Date(Date.now() + 30 * MIN)
  await db()
    .collection('activities')
    .doc(id)
    .update({ data: { startAt, endAt: new Date(startAt.getTime() + 3 * HOUR) } })
  return { id, people, regs: people.map((p) => `${id}_${p}`) }
}

const num = (m: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(m)
      .filter(([, v]) => v !== 0)
      .sort(),
  )

/** Kept counters = recount of the raw records, no pending entry, one check-in / rating per registration. */
async function expectExact(activityId: string, regs: string[] = []) {
  const act = await activityDoc(cloud, activityId)
  expect(act.pending ?? {}).toEqual({})
  const attendance = await recountAttendanceOf(db(), activityId)
  expect(attendance!.stored).toEqual(attendance!.recounted)
  expect(attendance!.agree).toBe(true)

  const checkins = await allDocs(cloud, 'checkins', { activityId })
  const walkins = await allDocs(cloud, 'walkins', { activityId })
  const arrivals = addArrivals(
    ...checkins.map((c) => checkinArrivals(new Date(c.scannedAt).getTime(), c.firstInDistrict === true, c.community)),
    ...walkins.map((w) => walkinArrivals(new Date(w.createdAt).getTime(), w.headcount)),
  )
  const stored = readArrivals(act.attendance)
  expect({ people: stored.people, byHour: num(stored.byHour), byCommunity: num(stored.byCommunity) }).toEqual({
    people: arrivals.people,
    byHour: num(arrivals.byHour),
    byCommunity: num(arrivals.byCommunity),
  })

  const ratings = await allDocs(cloud, 'ratings', { activityId })
  expect(readFeedback(act.feedback)).toEqual(recountFeedback(ratings))

  for (const r of regs) expect(checkins.filter((c) => c.registrationId === r)).toHaveLength(1)
  expect(new Set(ratings.map((r) => r._id)).size).toBe(ratings.length)
}

interface Case {
  /** The request sent (the same each time: same nonce). */
  send(plan: { at?: number; mode?: 'kill' | 'lose' }): Promise<{ answer: Answer | null; requests: number }>
}

/**
 * Counts a clean run's requests, then kills / loses each position of a fresh request, retries it,
 * repairs, checks. `retried` says whether the retry's answer is right (by default: ok).
 */
async function everyPosition(
  activityId: string,
  next: () => Case,
  regs: () => string[],
  retried = (answer: Answer | null) => answer?.ok === true,
) {
  const clean = await next().send({})
  expect(clean.answer?.ok).toBe(true)
  const positions = clean.requests
  expect(positions).toBeGreaterThanOrEqual(4)
  for (const mode of MODES) {
    for (let at = 1; at <= positions; at++) {
      const c = next()
      const cut = await c.send({ at, mode })
      expect(cut.answer).toBeNull()
      const retry = await c.send({})
      if (!retried(retry.answer)) throw new Error(`${mode} at ${at}: the retry answered ${JSON.stringify(retry.answer)}`)
      await repairLater()
      await expectExact(activityId, regs())
    }
  }
}

describe('check-in by hand', () => {
  test('killed or lost at every database request, retried with the same nonce, repaired: exact', async () => {
    const { id, regs } = await runningActivity(20)
    let i = 0
    const used: string[] = []
    const next = (): Case => {
      const registrationId = regs[i++]
      used.push(registrationId)
      const input = { activityId: id, registrationId, nonce: `ck-nonce-${registrationId}` }
      return { send: (plan) => cloud.callWithFault('checkin', 'manual', input, ORGANISER, plan) }
    }
    await everyPosition(id, next, () => used)
    expect((await activityDoc(cloud, id)).attendance.checkedIn).toBe(used.length)
  }, 60_000)

  test.each(MODES)('given up after dying at the check-in insert (%s): the repair alone makes it exact', async (mode) => {
    const { id, regs } = await runningActivity(2)
    const input = (r: string) => ({ activityId: id, registrationId: r, nonce: `give-up-${r}` })
    const clean = await cloud.callWithFault('checkin', 'manual', input(regs[0]), ORGANISER, {})
    expect(clean.answer?.ok).toBe(true)
    // The insert is the request before the last (the settle).
    const cut = await cloud.callWithFault('checkin', 'manual', input(regs[1]), ORGANISER, { at: clean.requests - 1, mode })
    expect(cut.answer).toBeNull()
    const held = await activityDoc(cloud, id)
    expect(Object.keys(held.pending ?? {})).toHaveLength(1)
    expect(held.attendance.checkedIn).toBe(2)
    await repairLater()
    await expectExact(id, mode === 'lose' ? regs : regs.slice(0, 1))
    expect((await activityDoc(cloud, id)).attendance.checkedIn).toBe(mode === 'lose' ? 2 : 1)
    expect(await allDocs(cloud, 'checkins', { activityId: id })).toHaveLength(mode === 'lose' ? 2 : 1)
  })

  test('another request of a check-in whose move is pending answers ALREADY_CHECKED_IN; the same request retried checks in once', async () => {
    const { id, regs } = await runningActivity(1)
    const input = { activityId: id, registrationId: regs[0], nonce: 'pending-first' }
    // Lost at its counter move (request 2): the move is written, the check-in is not.
    expect((await cloud.callWithFault('checkin', 'manual', input, ORGANISER, { at: 2, mode: 'lose' })).answer).toBeNull()
    const other = await cloud.call('checkin', 'manual', { ...input, nonce: 'another-tap' }, ORGANISER)
    expect(other).toMatchObject({ ok: false, code: 'ALREADY_CHECKED_IN', details: { registrationId: regs[0] } })
    expect(await cloud.call('checkin', 'manual', input, ORGANISER)).toMatchObject({ ok: true, data: { registrationId: regs[0] } })
    await expectExact(id, regs)
  })
})

describe('walk-in', () => {
  test('killed or lost at every database request, retried with the same nonce, repaired: exact', async () => {
    const { id } = await runningActivity(0)
    let i = 0
    const next = (): Case => {
      const input = { activityId: id, name: '王阿姨', audience: 'seniors' as const, headcount: 1 + (i % 3), nonce: `wk-nonce-${i++}` }
      return { send: (plan) => cloud.callWithFault('checkin', 'walkin', input, ORGANISER, plan) }
    }
    await everyPosition(id, next, () => [])
    const walkins = await allDocs(cloud, 'walkins', { activityId: id })
    expect(walkins).toHaveLength(i)
    expect((await activityDoc(cloud, id)).attendance.walkIns).toBe(i)
  }, 60_000)

  test.each(MODES)('given up after dying at the walk-in insert (%s): the repair alone makes it exact', async (mode) => {
    const { id } = await runningActivity(0)
    const input = (n: string) => ({ activityId: id, audience: 'residents' as const, headcount: 4, nonce: `wk-give-up-${mode}-${n}` })
    const clean = await cloud.callWithFault('checkin', 'walkin', input('a'), ORGANISER, {})
    expect(clean.answer?.ok).toBe(true)
    const cut = await cloud.callWithFault('checkin', 'walkin', input('b'), ORGANISER, { at: clean.requests - 1, mode })
    expect(cut.answer).toBeNull()
    expect((await activityDoc(cloud, id)).attendance.walkInHeadcount).toBe(8)
    await repairLater()
    await expectExact(id)
    expect((await activityDoc(cloud, id)).attendance.walkInHeadcount).toBe(mode === 'lose' ? 8 : 4)
  })
})

describe('rating', () => {
  test('killed or lost at every database request, sent again, repaired: exact', async () => {
    const { id, people, regs } = await runningActivity(12)
    for (const r of regs) expect((await cloud.call('checkin', 'manual', { activityId: id, registrationId: r }, ORGANISER)).ok).toBe(true)
    let i = 0
    const choices = ['satisfied', 'basic', 'unsatisfied', 'skipped'] as const
    const next = (): Case => {
      const k = i++
      const input = { registrationId: regs[k], choice: choices[k % 4], ...(k % 2 === 0 ? { comment: '很好' } : {}) }
      return { send: (plan) => cloud.callWithFault('signup', 'rate', input, people[k], plan) }
    }
    // A rating has no nonce: sent again after it landed it answers ALREADY_RATED, as it always did.
    await everyPosition(
      id,
      next,
      () => regs,
      (answer) => answer?.ok === true || answer?.code === 'ALREADY_RATED',
    )
    const ratings = await allDocs(cloud, 'ratings', { activityId: id })
    expect(ratings).toHaveLength(i)
    for (const r of ratings) expect(r.level).toBe(choices[regs.indexOf(r._id) % 4])
  }, 60_000)

  test.each(MODES)('given up after dying at the rating insert (%s): the repair alone makes it exact', async (mode) => {
    const { id, people, regs } = await runningActivity(2)
    for (const r of regs) expect((await cloud.call('checkin', 'manual', { activityId: id, registrationId: r }, ORGANISER)).ok).toBe(true)
    const clean = await cloud.callWithFault('signup', 'rate', { registrationId: regs[0], choice: 'satisfied' }, people[0], {})
    expect(clean.answer?.ok).toBe(true)
    const cut = await cloud.callWithFault('signup', 'rate', { registrationId: regs[1], choice: 'basic', comment: '不错' }, people[1], {
      at: clean.requests - 1,
      mode,
    })
    expect(cut.answer).toBeNull()
    expect((await activityDoc(cloud, id)).feedback).toMatchObject({ satisfied: 1, basic: 1, comments: 1 })
    await repairLater()
    await expectExact(id, regs)
    expect(readFeedback((await activityDoc(cloud, id)).feedback)).toMatchObject(
      mode === 'lose' ? { basic: 1, comments: 1 } : { basic: 0, comments: 0 },
    )
  })

  test('a different choice sent while the first one is pending answers CONFLICT; the first one sent again is adopted', async () => {
    const { id, people, regs } = await runningActivity(1)
    expect((await cloud.call('checkin', 'manual', { activityId: id, registrationId: regs[0] }, ORGANISER)).ok).toBe(true)
    const first = { registrationId: regs[0], choice: 'satisfied' as const }
    // Lost at its counter move (request 2): the move is written, the rating is not.
    expect((await cloud.callWithFault('signup', 'rate', first, people[0], { at: 2, mode: 'lose' })).answer).toBeNull()
    expect(await cloud.call('signup', 'rate', { registrationId: regs[0], choice: 'unsatisfied' }, people[0])).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    })
    expect(await cloud.call('signup', 'rate', first, people[0])).toMatchObject({ ok: true, data: { choice: 'satisfied' } })
    expect(await cloud.call('signup', 'rate', first, people[0])).toMatchObject({ ok: false, code: 'ALREADY_RATED' })
    await expectExact(id, regs)
  })
})

describe('offline sync', () => {
  test('a queue of two scans killed or lost at every database request, the same queue synced again, repaired: exact', async () => {
    // Two scans of 4-5 requests each and a read of the counts: 2 × (1 clean + 2 × 11 positions) people.
    const { id, people, regs } = await runningActivity(46)
    const tokens: string[] = []
    for (let k = 0; k < people.length; k++) {
      const res = await cloud.call('signup', 'ticket', { registrationId: regs[k] }, people[k])
      if (!res.ok) throw new Error(`ticket failed: ${JSON.stringify(res)}`)
      tokens.push(res.data.token)
    }
    let i = 0
    const used: string[] = []
    const next = (): Case => {
      const pair = [i++, i++]
      if (pair[1] >= tokens.length) throw new Error(`more than ${tokens.length} scans needed`)
      used.push(...pair.map((k) => regs[k]))
      const items = pair.map((k) => ({ activityId: id, token: tokens[k], nonce: `sync-nonce-${k}`, scannedAt: Date.now() - MIN }))
      return { send: (plan) => cloud.callWithFault('checkin', 'sync', { items }, ORGANISER, plan) }
    }
    // Synced again, each scan answers ok: new, or replayed by its nonce.
    const allOk = (answer: Answer | null) => answer?.ok === true && (answer as any).data.results.every((r: any) => r.ok === true)
    await everyPosition(id, next, () => used, allOk)
    expect((await activityDoc(cloud, id)).attendance.checkedIn).toBe(used.length)
  }, 120_000)
})

describe('invite redemption', () => {
  test('killed or lost at every database request, redeemed again: one volunteer grant, listed once among who redeemed', async () => {
    const { id } = await runningActivity(0)
    const inv = await cloud.call('checkin', 'invite.create', { activityIds: [id], expiresAt: Date.now() + 2 * HOUR }, ORGANISER)
    expect(inv.ok).toBe(true)
    const code = inv.data.code
    let v = 0
    const redeem = (who: string, plan: { at?: number; mode?: 'kill' | 'lose' }) =>
      cloud.callWithFault('checkin', 'invite.redeem', { code }, who, plan)
    const expectVolunteer = async (who: string) => {
      const [user] = await allDocs(cloud, 'users', { _id: who })
      const grants = (user?.roles ?? []).filter((r: any) => r.role === 'volunteer' && r.weekId === week.id)
      expect(grants.flatMap((g: any) => g.activityIds)).toEqual([id])
      const [invite] = await allDocs(cloud, 'invites', { _id: code })
      expect(invite.redeemedBy.filter((o: string) => o === who)).toHaveLength(1)
    }
    const first = `inv-vol-${v++}`
    const clean = await redeem(first, {})
    expect(clean.answer?.ok).toBe(true)
    await expectVolunteer(first)
    expect(clean.requests).toBeGreaterThanOrEqual(4)
    for (const mode of MODES) {
      for (let at = 1; at <= clean.requests; at++) {
        const who = `inv-vol-${v++}`
        expect((await redeem(who, { at, mode })).answer).toBeNull()
        const again = await redeem(who, {})
        if (again.answer?.ok !== true) throw new Error(`${mode} at ${at}: redeemed again answered ${JSON.stringify(again.answer)}`)
        expect(again.answer.data.activities.map((a) => a.id)).toEqual([id])
        await expectVolunteer(who)
      }
    }
  }, 60_000)
})
