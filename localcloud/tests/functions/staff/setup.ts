// Shared set-up of the `staff` function tests: a fresh seeded cloud per test file (the Nanchang week
// nc2026 with 东湖区 donghu and 西湖区 xihu, dev-admin its admin), the staff and activity actions
// run on a fixed clock (ten days before the Nanchang week), invites made and redeemed, and the
// proof that a refused call wrote nothing.
import { createFunction } from '../../../../cloudfunctions/_core/handler'
import { activityActions } from '../../../../cloudfunctions/activity/src/index'
import { staffActions } from '../../../../cloudfunctions/staff/src/index'
import { runAsCaller } from '../../../gateway/wx-context'
import { startTestCloud, type ActionName, type Answer, type AnswerOf, type InputOf, type TestCloud } from '../../harness'
import { allDocs, seedResidents, writesIn } from '../fixtures'

export const HOUR = 3_600_000
export const NC = 'nc2026'
export const ADMIN = 'dev-admin'
/** 2026-11-20 10:00 in Shanghai: the Nanchang week (11-30 … 12-06) is ahead. */
export const T0 = Date.parse('2026-11-20T02:00:00Z')

export let cloud: TestCloud
export const db = () => cloud.sdkDb as any

let clock = T0
const staff = createFunction('staff', staffActions, { now: () => clock })
const activity = createFunction('activity', activityActions, { now: () => clock })

/** A staff call as `openid` on the fixed clock (or at `now`). */
export const staffAt = <A extends ActionName<'staff'>>(now: number, openid: string, action: A, input: InputOf<'staff', A>) => {
  clock = now
  return runAsCaller({ openid }, () => staff({ action, input }, { request_id: 'staff-test' })) as Promise<AnswerOf<'staff', A>>
}
export const staffCall = <A extends ActionName<'staff'>>(openid: string, action: A, input: InputOf<'staff', A>) =>
  staffAt(T0, openid, action, input)
/** Untyped, for input no contract allows. */
export const staffRaw = (openid: string, action: string, input: unknown) => {
  clock = T0
  return runAsCaller({ openid }, () => staff({ action, input }, { request_id: 'staff-test' })) as Promise<Answer>
}
export const activityCall = <A extends ActionName<'activity'>>(openid: string, action: A, input: InputOf<'activity', A>) => {
  clock = T0
  return runAsCaller({ openid }, () => activity({ action, input }, { request_id: 'staff-test' })) as Promise<AnswerOf<'activity', A>>
}

const STAFF_COLLECTIONS = ['setup', 'appointInvites', 'roleChanges', 'users', 'weeks', 'activities']
const staffState = async () => JSON.stringify(await Promise.all(STAFF_COLLECTIONS.map((c) => allDocs(cloud, c))))

/** A refused call: its code, no write request reached the database, nothing stored changed. */
export async function expectRefused(code: string, run: () => Promise<Answer>) {
  const before = await staffState()
  cloud.db.resetStats()
  const res = await run()
  const writes = writesIn(cloud.db.stats().byAction)
  expect(res).toMatchObject({ ok: false, code })
  expect(writes).toBe(0)
  expect(await staffState()).toBe(before)
  return res
}

/** A call that writes nothing (its answer, whatever it is). */
export async function expectNoWrites<T>(run: () => Promise<T>): Promise<T> {
  cloud.db.resetStats()
  const res = await run()
  expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  return res
}

export const userDoc = async (id: string) => (await allDocs(cloud, 'users', { _id: id }))[0] ?? null
export const rolesOf = async (id: string) => (await userDoc(id))?.roles ?? []
export const inviteDoc = async (code: string) => (await allDocs(cloud, 'appointInvites', { _id: code }))[0] ?? null
export const changes = async (where: Record<string, unknown> = {}) => allDocs(cloud, 'roleChanges', where)

let personSeq = 0
/** A new person with a profile (name 居民<i>). */
export const person = async () => (await seedResidents(cloud, `st${personSeq++}`, 1))[0]

/** An invite made by `as`; its code. */
export async function invite(as: string, input: InputOf<'staff', 'appoint.create'>, now = T0): Promise<string> {
  const res = await staffAt(now, as, 'appoint.create', input)
  if (!res.ok) throw new Error(`appoint.create failed: ${JSON.stringify(res)}`)
  return res.data.invite.code
}

/** `who` appointed by `as` through an invite, redeemed. */
export async function appoint(as: string, who: string, input: InputOf<'staff', 'appoint.create'>): Promise<void> {
  const code = await invite(as, input)
  const res = await staffCall(who, 'appoint.redeem', { code })
  if (!res.ok) throw new Error(`appoint.redeem failed: ${JSON.stringify(res)}`)
}

/** Starts this test file's seeded cloud (beforeAll) and stops it (afterAll). */
export function useStaffCloud(): void {
  beforeAll(async () => {
    cloud = await startTestCloud()
  }, 120_000)
  afterAll(async () => {
    await cloud.stop()
  })
}
