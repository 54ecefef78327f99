// The repair timer: a seat taken by a call that died before its registration is given back within
// two runs, a finished move is settled, every run that changed something is recorded, and only the
// timer may run it.
import { recount } from '../../../../src/shared/domain/counters'
import { cronFires, fireTimer, timerTriggers } from '../../../gateway/timers'
import { startTestCloud, type TestCloud } from '../../harness'
import { later } from '../faultFixtures'
import {
  ADMIN,
  ORGANISER,
  OTHER_ORGANISER,
  activityDoc,
  allDocs,
  createActivity,
  createTestWeek,
  expectRefusedWithoutWrites,
  reconcileAll,
  seedResidents,
  type TestWeek,
} from '../fixtures'

let cloud: TestCloud
let week: TestWeek
let seq = 0

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
})
afterAll(async () => {
  await cloud.stop()
})
afterEach(() => jest.restoreAllMocks())

const residents = (n: number) => seedResidents(cloud, `rp${seq++}x`, n)
const fire = () => fireTimer({ fn: 'repair', name: 'repair' }) as Promise<{ ok: boolean; data?: { checked: number; changed: number } }>

/** A sign-up whose call dies right before its registration insert (its 3rd database request). */
async function signUpKilledBeforeRegistration(activityId: string, openid: string) {
  const clean = await cloud.callWithFault('signup', 'create', { activityId }, openid, {})
  expect(clean.answer?.ok).toBe(true)
  return clean.requests
}

describe('the repair timer', () => {
  test('its trigger fires every minute at second 0, as config.json says', () => {
    expect(timerTriggers()).toContainEqual({ fn: 'repair', name: 'repair', cron: '0 * * * * * *' })
    expect(cronFires('0 * * * * * *', new Date('2026-12-05T10:00:00Z'))).toBe(true)
    expect(cronFires('0 * * * * * *', new Date('2026-12-05T10:00:01Z'))).toBe(false)
    expect(cronFires('0 */5 * * * * *', new Date('2026-12-05T10:05:00Z'))).toBe(true)
    expect(cronFires('0 */5 * * * * *', new Date('2026-12-05T10:06:00Z'))).toBe(false)
  })

  test('a seat taken by a call killed before its registration stays pending for 60 s, then the timer gives it back', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 3 })
    const [a, b] = await residents(2)
    const requests = await signUpKilledBeforeRegistration(activityId, a)
    // The same kind of call, killed at its registration insert (the request after the seat move).
    const res = await cloud.callWithFault('signup', 'create', { activityId }, b, { at: requests - 1, mode: 'kill' })
    expect(res.answer).toBeNull()
    const held = await activityDoc(cloud, activityId)
    expect(held.seatsLeft).toBe(1)
    expect(Object.keys(held.pending ?? {})).toHaveLength(1)

    // Too fresh: the call might still be writing.
    expect((await fire()).data).toMatchObject({ changed: 0 })
    expect((await activityDoc(cloud, activityId)).seatsLeft).toBe(1)

    later(61_000)
    const run = await fire()
    expect(run).toMatchObject({ ok: true, data: { changed: 1 } })
    const after = await activityDoc(cloud, activityId)
    expect(after.seatsLeft).toBe(2)
    expect(after.pending ?? {}).toEqual({})
    expect(after.counters).toEqual(recount(await allDocs(cloud, 'registrations', { activityId })))
    const [record] = (await allDocs(cloud, 'repairs', { kind: 'run' })).filter((r) =>
      r.changes.some((c: { activityId: string }) => c.activityId === activityId),
    )
    expect(record).toMatchObject({ by: 'timer', weekIds: [week.id], districtCodes: ['east'], more: 0 })
    expect(record.changes).toEqual([expect.objectContaining({ activityId, kind: 'reverted', weekId: week.id, districtCode: 'east' })])
    const [beat] = await allDocs(cloud, 'repairs', { _id: 'timer' })
    expect(beat).toMatchObject({ kind: 'heartbeat', by: 'timer' })
  })

  test('a sign-up killed after its registration is settled by the timer: the person keeps the seat', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 3 })
    const [a, b] = await residents(2)
    const requests = await signUpKilledBeforeRegistration(activityId, a)
    // Lost after the registration insert: the settle never comes.
    const res = await cloud.callWithFault('signup', 'create', { activityId }, b, { at: requests - 1, mode: 'lose' })
    expect(res.answer).toBeNull()
    later(61_000)
    expect(await fire()).toMatchObject({ ok: true })
    const after = await activityDoc(cloud, activityId)
    expect(after.seatsLeft).toBe(1)
    expect(after.pending ?? {}).toEqual({})
    const regs = await allDocs(cloud, 'registrations', { activityId })
    expect(regs.map((r) => r.status).sort()).toEqual(['confirmed', 'confirmed'])
    expect(after.counters).toEqual(recount(regs))
  })

  test('a retry of a sign-up whose first call died before settling gets its registration and settles the move at once', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 3 })
    const [a, b] = await residents(2)
    const requests = await signUpKilledBeforeRegistration(activityId, a)
    const input = { activityId, nonce: 'retry-settles-0001' }
    const first = await cloud.callWithFault('signup', 'create', input, b, { at: requests - 1, mode: 'lose' })
    expect(first.answer).toBeNull()
    expect(Object.keys((await activityDoc(cloud, activityId)).pending ?? {})).toHaveLength(1)

    const retry = await cloud.call('signup', 'create', input, b)
    expect(retry).toMatchObject({ ok: true, data: { registration: { status: 'confirmed' } } })
    const after = await activityDoc(cloud, activityId)
    expect(after.pending ?? {}).toEqual({})
    const regs = await allDocs(cloud, 'registrations', { activityId })
    expect(regs).toHaveLength(2)
    expect(retry.data.registration.id).toBe(regs.find((r) => r.openid === b)._id)
    expect(after.counters).toEqual(recount(regs))
    expect(after.seatsLeft).toBe(1)
  })

  test('a retried cancellation whose first call died before settling answers ALREADY_CANCELLED and settles the move at once', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 3 })
    const [a] = await residents(1)
    const signed = await cloud.call('signup', 'create', { activityId }, a)
    const registrationId = signed.data.registration.id
    const clean = await cloud.callWithFault('signup', 'cancel', { registrationId }, a, {})
    expect(clean.answer?.ok).toBe(true)
    expect((await cloud.call('signup', 'create', { activityId }, a)).ok).toBe(true)
    // The same cancellation again, its answer lost at the registration flip (then come the settle and
    // one look at the empty waitlist): the settle never comes.
    const first = await cloud.callWithFault('signup', 'cancel', { registrationId }, a, { at: clean.requests - 2, mode: 'lose' })
    expect(first.answer).toBeNull()
    expect(Object.keys((await activityDoc(cloud, activityId)).pending ?? {})).toHaveLength(1)

    expect(await cloud.call('signup', 'cancel', { registrationId }, a)).toMatchObject({ ok: false, code: 'ALREADY_CANCELLED' })
    const after = await activityDoc(cloud, activityId)
    expect(after.pending ?? {}).toEqual({})
    const regs = await allDocs(cloud, 'registrations', { activityId })
    expect(after.counters).toEqual(recount(regs))
    expect(after.seatsLeft).toBe(3)
  })

  test('a database error on the settle (the last write) still answers the sign-up ok, and the timer settles the move', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 3 })
    const [a, b] = await residents(2)
    const requests = await signUpKilledBeforeRegistration(activityId, a)
    // A returning resident's confirmed sign-up: read, seat move, registration, settle.
    const res = await cloud.callWithFault('signup', 'create', { activityId }, b, { at: requests, mode: 'fail' })
    expect(res.answer).toMatchObject({ ok: true, data: { registration: { status: 'confirmed' } } })
    expect(Object.keys((await activityDoc(cloud, activityId)).pending ?? {})).toHaveLength(1)

    later(61_000)
    expect(await fire()).toMatchObject({ ok: true })
    const after = await activityDoc(cloud, activityId)
    expect(after.pending ?? {}).toEqual({})
    expect(after.counters).toEqual(recount(await allDocs(cloud, 'registrations', { activityId })))
    expect(after.seatsLeft).toBe(1)
  })

  test('a call from the mini-program (with an OPENID) is refused with FORBIDDEN and writes nothing', async () => {
    await expectRefusedWithoutWrites(cloud, 'FORBIDDEN', () => cloud.callRaw('repair', 'run', {}, 'dev-admin'))
  })
})

describe('reconcile with repair (bureau admin)', () => {
  test('wrong counters are written back as recounted and the orphaned seat goes to the first waiting person, notified', async () => {
    const activityId = await createActivity(cloud, week, { capacity: 3 })
    const [a, b, c] = await residents(3)
    for (const p of [a, b]) expect((await cloud.call('signup', 'create', { activityId }, p)).ok).toBe(true)
    // A seat held by nobody and a drifted counter, as an old crash could leave them.
    await cloud.sdkDb
      .collection('activities')
      .doc(activityId)
      .update({ data: { seatsLeft: 0, 'counters.confirmed': 3, 'counters.cancelled': 4 } })
    expect((await cloud.call('signup', 'create', { activityId, waitlist: true }, c)).data.registration.status).toBe('waitlisted')

    // Later than the timer runs above (their clocks were moved on), so this run is the newest record.
    later(300_000)
    const run = await reconcileAll(cloud, week.id, ADMIN, 10_000, true)
    expect(run.differences).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: activityId, field: 'seatsLeft', stored: 0, recounted: 1 })]),
    )
    const after = await activityDoc(cloud, activityId)
    const regs = await allDocs(cloud, 'registrations', { activityId })
    expect(regs.find((r) => r.openid === c).status).toBe('confirmed')
    expect(after.counters).toEqual(recount(regs))
    expect(after.seatsLeft).toBe(0)
    const notices = await allDocs(cloud, 'outbox', { template: 'waitlist_promoted' })
    expect(notices.filter((n) => n.recipient === c)).toHaveLength(1)
    const records = (await allDocs(cloud, 'repairs', { kind: 'run', by: ADMIN }))
      .flatMap((r) => r.changes)
      .filter((x) => x.activityId === activityId)
    expect(records.map((x) => x.kind).sort()).toEqual(['promoted', 'rewritten'])
    // Run again: nothing left to find.
    const again = await reconcileAll(cloud, week.id, ADMIN)
    expect(again.differences.filter((d) => d.id === activityId)).toEqual([])
  })

  test("the organiser's dashboard shows when the repair last ran and what it last changed in their district only", async () => {
    later(300_000)
    const east = await cloud.call('stats', 'dashboard', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(east.ok).toBe(true)
    expect(east.data.repair.lastRunAt).toEqual(expect.any(Number))
    expect(east.data.repair.lastChange).toMatchObject({ byTimer: false, titles: ['测试活动：手机课堂'] })
    expect(east.data.repair.lastChange!.kinds).toEqual([
      { kind: 'promoted', label: '空出名额递补给候补', count: 1 },
      { kind: 'rewritten', label: '按记录重算计数', count: 1 },
    ])
    const west = await cloud.call('stats', 'dashboard', { weekId: week.id, districtCode: 'west' }, OTHER_ORGANISER)
    expect(west.data.repair.lastChange).toBeNull()
  })
})
