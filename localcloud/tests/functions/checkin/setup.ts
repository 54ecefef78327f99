// Shared set-up of the `checkin` function tests (one file per source file of
// cloudfunctions/checkin/src): a fresh seeded cloud per test file with a test week, activity A
// (running now, ten registrants, people[9] cancelled after getting a ticket), B (running now, two
// registrants) and F (in the future), everyone's tickets, and 20 volunteers of A; plus the helpers
// the files share (`scan`, `redeem`, `expectRefused`).
import { EventEmitter } from 'node:events'
import { startTestCloud, type Answer, type TestCloud } from '../../harness'
import { allDocs, createActivity, createTestWeek, ORGANISER, seedResidents, writesIn, type SignupField, type TestWeek } from '../fixtures'

export const MIN = 60_000
export const HOUR = 60 * MIN

export let cloud: TestCloud
export let week: TestWeek
/** Running now (check-in open), with registrants; B: another activity of the same week running now. */
export let A: string
export let B: string
/** In the future: check-in not open yet. */
export let F: string
export let people: string[]
export const tickets = new Map<string, { token: string; registrationId: string }>()
export const VOLUNTEERS = Array.from({ length: 20 }, (_, i) => `vol-${i}`)
const defaultMaxListeners = EventEmitter.defaultMaxListeners

const fields: SignupField[] = ['name', 'phone', 'audience']
export const db = () => cloud.sdkDb as any

async function signUpAll(activityId: string, who: string[]) {
  for (const openid of who) {
    const res = await cloud.call('signup', 'create', { activityId }, openid)
    if (!res.ok) throw new Error(`signup failed: ${JSON.stringify(res)}`)
  }
}

async function ticketOf(openid: string, activityId: string) {
  const res = await cloud.call('signup', 'ticket', { registrationId: `${activityId}_${openid}` }, openid)
  if (!res.ok) throw new Error(`ticket failed: ${JSON.stringify(res)}`)
  return res.data as { token: string; registrationId: string }
}

/** Moves an activity to run from `startIn` from now, for `hours`. */
async function runNow(activityId: string, startIn = 30 * MIN, hours = 3) {
  const startAt = new Date(Date.now() + startIn)
  await db()
    .collection('activities')
    .doc(activityId)
    .update({ data: { startAt, endAt: new Date(startAt.getTime() + hours * HOUR) } })
}

export async function redeem(openid: string, activityIds: string[]) {
  const inv = await cloud.call('checkin', 'invite.create', { activityIds, expiresAt: Date.now() + 2 * HOUR }, ORGANISER)
  expect(inv.ok).toBe(true)
  const res = await cloud.call('checkin', 'invite.redeem', { code: inv.data.code }, openid)
  expect(res.ok).toBe(true)
  return res
}

export const scan = (openid: string, activityId: string, token: string, extra: Record<string, unknown> = {}) =>
  cloud.call('checkin', 'scan', { activityId, token, ...extra }, openid)

async function attendanceState() {
  return JSON.stringify([await allDocs(cloud, 'checkins'), await allDocs(cloud, 'walkins'), await allDocs(cloud, 'activities')])
}

/** A refused call: its code, no write request reached the database, nothing stored changed. */
export async function expectRefused(code: string, call: () => Promise<Answer>) {
  const before = await attendanceState()
  cloud.db.resetStats()
  const res = await call()
  const writes = writesIn(cloud.db.stats().byAction)
  expect(res).toMatchObject({ ok: false, code })
  expect(writes).toBe(0)
  expect(await attendanceState()).toBe(before)
}

/** Starts this test file's seeded cloud (beforeAll) and stops it (afterAll). */
export function useCheckinCloud(): void {
  beforeAll(async () => {
    EventEmitter.defaultMaxListeners = 0
    cloud = await startTestCloud()
    week = await createTestWeek(cloud)
    A = await createActivity(cloud, week, { capacity: 40, fields, title: '签到测试A' })
    B = await createActivity(cloud, week, { capacity: 10, fields, title: '签到测试B', start: '14:00' })
    F = await createActivity(cloud, week, { capacity: 10, fields, title: '签到测试F', start: '16:00' })
    people = await seedResidents(cloud, 'ck', 12)
    await signUpAll(A, people.slice(0, 10))
    await signUpAll(B, people.slice(10, 12))
    await signUpAll(F, people.slice(0, 2))
    for (const p of people.slice(0, 10)) tickets.set(`${A}:${p}`, await ticketOf(p, A))
    for (const p of people.slice(10, 12)) tickets.set(`${B}:${p}`, await ticketOf(p, B))
    tickets.set(`${F}:${people[0]}`, await ticketOf(people[0], F))
    // people[9] cancels after being given a ticket (before the cancel deadline, i.e. before moving the times)
    expect((await cloud.call('signup', 'cancel', { registrationId: `${A}_${people[9]}` }, people[9])).ok).toBe(true)
    await runNow(A)
    await runNow(B)
    await Promise.all(VOLUNTEERS.map((v) => redeem(v, [A])))
  }, 120_000)

  afterAll(async () => {
    EventEmitter.defaultMaxListeners = defaultMaxListeners
    await cloud.stop()
  })
}
