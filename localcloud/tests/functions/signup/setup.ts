// Shared set-up of the `signup` function tests (one file per source file of
// cloudfunctions/signup/src): a fresh cloud per test file with a test week, and the helpers the
// files share (`resident`, `signUp`, `regsOf`, `expectCountersMatchRecount`).
import { recount } from '../../../../src/shared/domain/counters'
import { startTestCloud, type TestCloud } from '../../harness'
import { activityDoc, allDocs, createTestWeek, seedResidents, type TestWeek } from '../fixtures'

export let cloud: TestCloud
export let week: TestWeek
export const HOUR = 3_600_000

/** Starts this test file's cloud with a test week (beforeAll) and stops it (afterAll). */
export function useSignupCloud(): void {
  beforeAll(async () => {
    cloud = await startTestCloud()
    week = await createTestWeek(cloud)
  })
  afterAll(async () => {
    await cloud.stop()
  })
}

let personSeq = 0
/** A returning resident: a fresh person with a stored profile. */
export async function resident(): Promise<string> {
  const [id] = await seedResidents(cloud, `r${personSeq++}`, 1)
  return id
}
export const signUp = (openid: string, activityId: string, extra: Record<string, unknown> = {}) =>
  cloud.call('signup', 'create', { activityId, ...extra }, openid)
export const regsOf = (activityId: string) => allDocs(cloud, 'registrations', { activityId })

export async function expectCountersMatchRecount(activityId: string) {
  const doc = await activityDoc(cloud, activityId)
  const regs = await regsOf(activityId)
  expect(doc.counters).toEqual(recount(regs))
  expect(doc.seatsLeft).toBe(doc.signup.capacity - regs.filter((r) => r.status === 'confirmed').length)
}
