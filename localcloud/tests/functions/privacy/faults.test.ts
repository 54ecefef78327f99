// privacy.erase under crashes: the call is killed before each of its database requests in turn (and,
// separately, each request is applied with its answer lost); then either the person calls erase again
// or the privacy timer's finishErasures runs after ERASE_RESUME_AFTER_MS, and the repair timer after
// that. Every position ends in the same state as an erasure that never died: the upcoming
// registrations cancelled with the waiter promoted, seats and counters adding up with nothing
// pending, no name or phone of the family left anywhere (P's own 学习之星 nomination included), P's
// like gone while the entry keeps its count, the account document gone.
import { ERASE_RESUME_AFTER_MS, eraseAccount, finishErasures } from '../../../../cloudfunctions/_core/erase'
import { fireTimer } from '../../../gateway/timers'
import type { FaultPlan } from '../../../gateway/faults'
import type { TestCloud } from '../../harness'
import { startFaultCloud, stopFaultCloud } from '../faultFixtures'
import { allDocs, createActivity, seatAudit, type TestWeek } from '../fixtures'
import { collectionsHolding, must, residentWithFamily, type Person } from './setup'

let cloud: TestCloud
let week: TestWeek
beforeAll(async () => {
  ;({ cloud, week } = await startFaultCloud())
  await cloud.sdkDb
    .collection('weeks')
    .doc(week.id)
    .update({ data: { stars: { selfNomination: true, vote: null } } })
}, 120_000)
afterAll(() => stopFaultCloud(cloud))

interface Scene {
  P: Person
  waiter: string
  activities: string[]
  /** P's own nomination (published), which P liked. */
  nomination: string
}

let seq = 0
/** P (with a mother and a father) holds U1's one seat with W waiting; the mother waits at U2 behind Q; the father holds a U3 seat. */
async function scene(): Promise<Scene> {
  const n = seq++
  const phone = (k: number) => `137${String(n).padStart(4, '0')}${String(k).padStart(4, '0')}`
  const P = await residentWithFamily(cloud, `fp${n}`, `删除者${n}号`, phone(1), [
    [`删除者${n}号之母`, phone(2)],
    [`删除者${n}号之父`, null],
  ])
  const W = await residentWithFamily(cloud, `fw${n}`, `候补者${n}号`, phone(3))
  const Q = await residentWithFamily(cloud, `fq${n}`, `先到者${n}号`, phone(4))
  const fields = ['name', 'phone', 'ageGroup'] as ('name' | 'phone' | 'ageGroup')[]
  const U1 = await createActivity(cloud, week, { capacity: 1, fields, title: `故障课${n}甲` })
  const U2 = await createActivity(cloud, week, { capacity: 1, fields, title: `故障课${n}乙`, start: '14:00' })
  const U3 = await createActivity(cloud, week, { capacity: 5, fields, title: `故障课${n}丙`, start: '16:00' })
  const signUp = (activityId: string, who: Person, personId = 'self') =>
    must(cloud, 'signup', 'create', { activityId, personId }, who.openid)
  await signUp(U1, P)
  await signUp(U1, W)
  await signUp(U2, Q)
  await signUp(U2, P, P.family[0].id)
  await signUp(U3, P, P.family[1].id)
  const { nomination } = await must(
    cloud,
    'stars',
    'save',
    {
      weekId: week.id,
      kind: 'star',
      districtCode: 'east',
      name: P.name,
      story: '每天在社区学习中心学习两小时，带动邻居一起学。',
      contactName: P.name,
      contactPhone: P.phone,
      nomineeConsent: true,
    },
    P.openid,
  )
  await must(cloud, 'stars', 'nominate', { id: nomination.id }, P.openid)
  await cloud.sdkDb
    .collection('nominations')
    .doc(nomination.id)
    .update({ data: { status: 'published' } })
  await must(cloud, 'stars', 'like', { id: nomination.id }, P.openid)
  return { P, waiter: `${U1}_${W.openid}`, activities: [U1, U2, U3], nomination: nomination.id }
}

/** Waits until the database server has applied `n` more requests (a lost one is applied after its caller died). */
async function appliedAfter(before: number, n: number): Promise<void> {
  const until = Date.now() + 5_000
  while (cloud.db.stats().total < before + n) {
    if (Date.now() > until) throw new Error(`the database server applied ${cloud.db.stats().total - before} of ${n} requests`)
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
}

async function eraseUnder(s: Scene, plan: FaultPlan) {
  const before = cloud.db.stats().total
  const res = await cloud.callWithFault('privacy', 'erase', { confirm: true }, s.P.openid, plan)
  const at = plan.at ?? Infinity
  await appliedAfter(before, plan.mode === 'kill' ? at - 1 : plan.mode === 'lose' ? at : res.requests)
  return res
}

/** Runs the repair timer as if `ms` had passed (every move written before is stale by then). */
async function repairAt(ms: number): Promise<void> {
  const real = Date.now.bind(Date)
  const spy = jest.spyOn(Date, 'now').mockImplementation(() => real() + ms)
  try {
    expect(await fireTimer({ fn: 'repair', name: 'repair' })).toMatchObject({ ok: true })
  } finally {
    spy.mockRestore()
  }
}

/** The state every erasure ends in, whatever died on the way. */
async function expectErased(s: Scene) {
  const [w] = await allDocs(cloud, 'registrations', { _id: s.waiter })
  expect(w.status).toBe('confirmed')
  for (const id of s.activities) {
    expect(await seatAudit(cloud, id)).toMatchObject({ orphaned: 0, differences: 0, pending: 0, duplicates: 0 })
    const own = (await allDocs(cloud, 'registrations', { activityId: id })).filter((r) => r.personId.startsWith(s.P.openid))
    expect(own.map((r) => [r.status, r.openid, r.person.name])).toEqual(own.map(() => ['cancelled', '~erased', '（已匿名）']))
  }
  const needles = [s.P.name, s.P.phone, ...s.P.family.flatMap((m) => [m.name, ...(m.phone ? [m.phone] : [])])]
  expect(await collectionsHolding(cloud, needles)).toEqual([])
  expect(await allDocs(cloud, 'starLikes', { openid: s.P.openid })).toEqual([])
  const [n] = await allDocs(cloud, 'nominations', { _id: s.nomination })
  expect(n).toMatchObject({ hidden: true, likes: 1, nominator: { openid: '~erased', name: '（已匿名）', phone: '' } })
  expect(await allDocs(cloud, 'users', { _id: s.P.openid })).toEqual([])
}

let requests = 0
test('a clean erasure: its request count, and the end state every crash must reach', async () => {
  const s = await scene()
  const res = await eraseUnder(s, {})
  expect(res.answer).toMatchObject({ ok: true, data: { cancelled: 3, done: true } })
  requests = res.requests
  expect(requests).toBeGreaterThan(10)
  await repairAt(61_000)
  await expectErased(s)
}, 60_000)

/** Calls erase until it answers done (a call may stop on its budget). */
async function eraseToTheEnd(s: Scene) {
  for (let i = 0; i < 5; i++) {
    const res = await must(cloud, 'privacy', 'erase', { confirm: true }, s.P.openid)
    if (res.done) return
  }
  throw new Error('erase never answered done')
}

test.each(['kill', 'lose'] as const)(
  'killed at every request (%s), a retry of erase finishes it',
  async (mode) => {
    for (let at = 1; at <= requests; at++) {
      const s = await scene()
      const res = await eraseUnder(s, { at, mode })
      expect(res.answer).toBeNull()
      await eraseToTheEnd(s)
      await repairAt(61_000)
      try {
        await expectErased(s)
      } catch (err) {
        throw new Error(`${mode} at request ${at} of ${requests}: ${(err as Error).message}`)
      }
    }
  },
  600_000,
)

test('killed at every request, the privacy timer’s finishErasures finishes it later', async () => {
  const later = ERASE_RESUME_AFTER_MS + 1_000
  let finished = 0
  for (let at = 1; at <= requests; at++) {
    const s = await scene()
    await eraseUnder(s, { at, mode: 'kill' })
    const [user] = await allDocs(cloud, 'users', { _id: s.P.openid })
    if (!user?.erasure) {
      // Died before its first write: nothing began, nothing changed, nothing for the timer.
      expect(user.profile.name).toBe(s.P.name)
      expect(user.consent).toBeTruthy()
      continue
    }
    // Too early: a mark younger than ERASE_RESUME_AFTER_MS may belong to a call still running.
    expect(await finishErasures(cloud.sdkDb as any, Date.now())).toMatchObject({ finished: 0 })
    const done = await finishErasures(cloud.sdkDb as any, Date.now() + later)
    expect(done.finished).toBeGreaterThanOrEqual(1)
    finished++
    await repairAt(later + 61_000)
    try {
      await expectErased(s)
    } catch (err) {
      throw new Error(`timer after a kill at request ${at} of ${requests}: ${(err as Error).message}`)
    }
  }
  // Only a kill before the mark's write leaves nothing for the timer.
  expect(finished).toBeGreaterThanOrEqual(requests - 2)
}, 600_000)

test('a call out of time answers done: false, and calling again finishes the erasure', async () => {
  const s = await scene()
  const answers: { done: boolean }[] = []
  // No time at all: each call gets through a step or a batch before it stops.
  for (let i = 0; i < 40 && !answers.some((a) => a.done); i++)
    answers.push(await eraseAccount(cloud.sdkDb as any, s.P.openid, Date.now(), 0))
  expect(answers[0].done).toBe(false)
  expect(answers[answers.length - 1].done).toBe(true)
  expect(answers.reduce((n, a: any) => n + a.cancelled, 0)).toBe(3)
  await repairAt(61_000)
  await expectErased(s)
}, 60_000)
