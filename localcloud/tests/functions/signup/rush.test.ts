// A rush on one activity through the bundled `signup` function, the real wx-server-sdk and the
// local cloud: never overbooked, a well-defined waitlist, exact hand-over of freed seats, and
// counters that equal a recount of the raw registrations.
import { EventEmitter } from 'node:events'
import { compareWaitlist } from '../../../../src/shared/domain/signupRules'
import { recount } from '../../../../src/shared/domain/counters'
import { recountActivity, weekTotals } from '../../../../cloudfunctions/_core/stats'
import { startTestCloud, type AnswerOf, type TestCloud } from '../../harness'
import { activityDoc, allDocs, createActivity, createTestWeek, seedResidents, type TestWeek } from '../fixtures'

let cloud: TestCloud
let week: TestWeek
let activityId: string
let people: string[]
let results: AnswerOf<'signup', 'create'>[]
const defaultMaxListeners = EventEmitter.defaultMaxListeners

const SEATS = 50
const CALLERS = 1000

beforeAll(async () => {
  // node-sdk adds a listener per queued request to pooled sockets: client-side noise under a rush.
  EventEmitter.defaultMaxListeners = 0
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  activityId = await createActivity(cloud, week, { capacity: SEATS })
  people = await seedResidents(cloud, 'rush', CALLERS)
  results = await Promise.all(people.map((openid) => cloud.call('signup', 'create', { activityId }, openid)))
}, 120_000)

afterAll(async () => {
  EventEmitter.defaultMaxListeners = defaultMaxListeners
  await cloud.stop()
})

const registrationsOf = async () => allDocs(cloud, 'registrations', { activityId })
const waitOrder = (regs: any[]) => regs.filter((r) => r.status === 'waitlisted').sort(compareWaitlist)

describe('1,000 people rush 50 seats at once', () => {
  test('every call answers: exactly 50 confirmed and 950 waitlisted', () => {
    expect(results.filter((r) => !r.ok).map((r) => `${r.code}: ${r.message}`)).toEqual([])
    const statuses = results.map((r) => r.data.registration.status)
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(SEATS)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(CALLERS - SEATS)
  })

  test('the stored registrations agree: 50 confirmed, 950 waitlisted, nobody twice', async () => {
    const regs = await registrationsOf()
    expect(regs).toHaveLength(CALLERS)
    expect(new Set(regs.map((r) => r.personId)).size).toBe(CALLERS)
    expect(new Set(regs.map((r) => r.personId))).toEqual(new Set(people))
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(SEATS)
    expect(regs.filter((r) => r.status === 'waitlisted')).toHaveLength(CALLERS - SEATS)
    for (const r of regs) expect(r._id).toBe(`${activityId}_${r.personId}`)
  })

  test('the seats counter ends at exactly 0 and the counters equal a recount', async () => {
    const doc = await activityDoc(cloud, activityId)
    expect(doc.seatsLeft).toBe(0)
    expect(doc.counters).toEqual(recount(await registrationsOf()))
    expect(doc.counters).toMatchObject({ confirmed: SEATS, waitlisted: CALLERS - SEATS, cancelled: 0, proxy: 0 })
  })

  test('waitlist positions follow the stored waitlist order: first is 1, last is 950, none answered too far back', async () => {
    const answered = new Map(
      results.filter((r) => r.data.registration.status === 'waitlisted').map((r) => [r.data.registration.id, r.data.registration.position]),
    )
    const order = waitOrder(await registrationsOf())
    // Positions answered at sign-up time count those ahead at that moment; under a rush someone
    // ahead may still be on their way in, so each answered position is at most the final one.
    order.forEach((r, i) => expect(answered.get(r._id)).toBeLessThanOrEqual(i + 1))
    const mine = await cloud.call('signup', 'mine', {}, order[0].openid)
    expect(mine.data.items[0]).toMatchObject({ status: 'waitlisted', position: 1 })
    const last = await cloud.call('signup', 'mine', {}, order[order.length - 1].openid)
    expect(last.data.items[0]).toMatchObject({ status: 'waitlisted', position: CALLERS - SEATS })
  })
})

describe('then 10 confirmed people cancel at once', () => {
  let firstTen: any[]
  let cancels: AnswerOf<'signup', 'cancel'>[]

  beforeAll(async () => {
    const regs = await registrationsOf()
    firstTen = waitOrder(regs).slice(0, 10)
    const leaving = regs.filter((r) => r.status === 'confirmed').slice(0, 10)
    cancels = await Promise.all(leaving.map((r) => cloud.call('signup', 'cancel', { registrationId: r._id }, r.openid)))
  })

  test('all 10 cancellations succeed', () => {
    expect(cancels.map((r) => r.ok)).toEqual(Array(10).fill(true))
    expect(cancels.every((r) => r.data.registration.status === 'cancelled')).toBe(true)
  })

  test('exactly the first 10 waitlisted, in waitlist order, are promoted', async () => {
    const regs = await registrationsOf()
    const byId = new Map(regs.map((r) => [r._id, r]))
    for (const w of firstTen) expect(byId.get(w._id)).toMatchObject({ status: 'confirmed' })
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(SEATS)
    expect(regs.filter((r) => r.promotedAt)).toHaveLength(10)
    expect(new Set(regs.filter((r) => r.promotedAt).map((r) => r._id))).toEqual(new Set(firstTen.map((w) => w._id)))
    // Everyone still waiting was behind all ten.
    const lastPromoted = firstTen[firstTen.length - 1]
    for (const r of waitOrder(regs)) {
      expect(compareWaitlist(r, lastPromoted)).toBeGreaterThan(0)
    }
  })

  test('the outbox holds one waitlist_promoted notice for each of the ten', async () => {
    const notices = await allDocs(cloud, 'outbox', { template: 'waitlist_promoted' })
    expect(notices).toHaveLength(10)
    expect(new Set(notices.map((n) => n.payload.registrationId))).toEqual(new Set(firstTen.map((w) => w._id)))
    for (const n of notices) {
      expect(n).toMatchObject({ readAt: null, payload: { activityId } })
      expect(firstTen.find((w) => w._id === n.payload.registrationId)!.openid).toBe(n.recipient)
    }
    const seen = await cloud.call('signup', 'notices', {}, firstTen[0].openid)
    expect(seen.data).toMatchObject({ unread: 1, items: [{ template: 'waitlist_promoted', registrationId: firstTen[0]._id }] })
  })

  test('seats stay at 0 and the counters still equal a recount', async () => {
    const regs = await registrationsOf()
    const doc = await activityDoc(cloud, activityId)
    expect(doc.seatsLeft).toBe(0)
    expect(doc.counters).toEqual(recount(regs))
    expect(doc.counters).toMatchObject({ confirmed: SEATS, waitlisted: CALLERS - SEATS - 10, cancelled: 10 })
    expect(await recountActivity(cloud.sdkDb as any, activityId)).toMatchObject({ agree: true })
  })

  test('the week totals are the sum over activities and match the recount', async () => {
    const totals = await weekTotals(cloud.sdkDb as any, week.id)
    const counted = recount(await allDocs(cloud, 'registrations', { weekId: week.id }))
    expect(totals.byDistrict.east).toMatchObject({ ...counted, activities: 1, capacity: SEATS, seatsLeft: 0 })
    expect(totals.total).toMatchObject(counted)
  })
})

describe('cancellations racing new sign-ups', () => {
  test('no seat is left empty while someone waits, and the counters still equal a recount', async () => {
    const CAP = 20
    const id = await createActivity(cloud, week, { capacity: CAP })
    const holders = await seedResidents(cloud, 'hold', CAP)
    const held = await Promise.all(holders.map((p) => cloud.call('signup', 'create', { activityId: id }, p)))
    expect(held.every((r) => r.ok && r.data.registration.status === 'confirmed')).toBe(true)
    const newcomers = await seedResidents(cloud, 'late', 40)
    const racing = await Promise.all([
      ...held.map((r, i) => cloud.call('signup', 'cancel', { registrationId: r.data.registration.id }, holders[i])),
      ...newcomers.map((p) => cloud.call('signup', 'create', { activityId: id }, p)),
    ])
    expect(racing.every((r) => r.ok)).toBe(true)
    const regs = await allDocs(cloud, 'registrations', { activityId: id })
    const doc = await activityDoc(cloud, id)
    const confirmed = regs.filter((r) => r.status === 'confirmed').length
    const waiting = regs.filter((r) => r.status === 'waitlisted').length
    expect(confirmed + doc.seatsLeft).toBe(CAP)
    expect(confirmed).toBe(CAP) // 40 newcomers for 20 freed seats: all seats end up taken
    expect(waiting).toBe(20)
    expect(doc.seatsLeft).toBe(0)
    expect(doc.counters).toEqual(recount(regs))
  })
})
