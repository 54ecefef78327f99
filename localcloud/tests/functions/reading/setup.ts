// Shared set-up of the `reading` function tests (one file per source file of
// cloudfunctions/reading/src): a fresh seeded cloud per test file with a test week, an east and a
// west activity, the published east book list (its first book linked to the east activity) and
// eight residents, plus the helpers the files share. Most calls run the bundled function (what is
// uploaded); calls that need another day run the same actions through createFunction with an
// injected clock (`callAt`).
import { createFunction } from '../../../../cloudfunctions/_core/handler'
import { readingActions } from '../../../../cloudfunctions/reading/src/index'
import { runAsCaller } from '../../../gateway/wx-context'
import { startTestCloud, type ActionName, type Answer, type AnswerOf, type InputOf, type TestCloud } from '../../harness'
import { allDocs, createActivity, createTestWeek, seedResidents, writesIn, type TestWeek } from '../fixtures'
import { createBookList, sampleBooks, type TestList } from '../readingFixtures'

export const DAY = 86_400_000

export let cloud: TestCloud
export let week: TestWeek
export let east: TestList
export let eastActivity: string
export let westActivity: string
export const db = () => cloud.sdkDb as any

let clock = Date.now()
const clocked = createFunction('reading', readingActions, { now: () => clock })
/** A reading call as `openid` with the function's clock at `now`. */
export const callAt = <A extends ActionName<'reading'>>(now: number, openid: string, action: A, input: InputOf<'reading', A>) => {
  clock = now
  return runAsCaller({ openid }, () => clocked({ action, input }, { request_id: 'reading-test' })) as Promise<AnswerOf<'reading', A>>
}
export const call = <A extends ActionName<'reading'>>(openid: string, action: A, input: InputOf<'reading', A>) =>
  cloud.call('reading', action, input, openid)

const READING_COLLECTIONS = ['bookLists', 'books', 'readingLogs', 'readers', 'users']
const readingState = async () => JSON.stringify(await Promise.all(READING_COLLECTIONS.map((c) => allDocs(cloud, c))))

/** A refused call: its code, no write request reached the database, nothing stored changed. */
export async function expectRefused(code: string, run: () => Promise<Answer>) {
  const before = await readingState()
  cloud.db.resetStats()
  const res = await run()
  const writes = writesIn(cloud.db.stats().byAction)
  expect(res).toMatchObject({ ok: false, code })
  expect(writes).toBe(0)
  expect(await readingState()).toBe(before)
}

export const readerDoc = async (weekId: string, personId: string) =>
  (await allDocs(cloud, 'readers', { _id: `${weekId}_${personId}` }))[0] ?? null

export async function addMember(openid: string, name: string, ageGroup: InputOf<'signup', 'family.add'>['ageGroup']) {
  const res = await cloud.call('signup', 'family.add', { name, ageGroup, relation: 'parent' }, openid)
  if (!res.ok) throw new Error(`family.add failed: ${JSON.stringify(res)}`)
  return res.data.member.id as string
}

/** Starts this test file's seeded cloud (beforeAll) and stops it (afterAll). */
export function useReadingCloud(): void {
  beforeAll(async () => {
    cloud = await startTestCloud()
    week = await createTestWeek(cloud)
    eastActivity = await createActivity(cloud, week, { title: '书友会：共读平凡的世界' })
    westActivity = await createActivity(cloud, week, { district: 'west', title: '西区读书沙龙' })
    east = await createBookList(cloud, week, {
      title: '东区好书推荐',
      books: [{ ...sampleBooks()[0], activityIds: [eastActivity] }, sampleBooks()[1]],
    })
    await seedResidents(cloud, 'rd', 8)
  }, 120_000)

  afterAll(async () => {
    await cloud.stop()
  })
}
