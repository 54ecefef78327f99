// Shared set-up of the `course` function tests (one file per source file of
// cloudfunctions/course/src): a fresh seeded cloud per test file with a test week, an east and a
// west activity, twelve residents, the published course C (3 lessons, linked to the east activity)
// and the draft course D; plus the helpers the files share (`call`, `must`, `expectRefused`,
// `freshCourse`).
import { startTestCloud, type ActionName, type Answer, type InputOf, type OutputOf, type TestCloud } from '../../harness'
import { createCourse } from '../courseFixtures'
import { allDocs, createActivity, createTestWeek, ORGANISER, seedResidents, writesIn, type TestWeek } from '../fixtures'

export let cloud: TestCloud
export let week: TestWeek
export let east: string
export let west: string
/** A published course of 3 lessons in district east, linked to the east activity. */
export let C: { courseId: string; lessonIds: string[] }
/** A draft course in east. */
export let D: { courseId: string; lessonIds: string[] }
export let people: string[]

export const call = <A extends ActionName<'course'>>(action: A, input: InputOf<'course', A>, openid: string) =>
  cloud.call('course', action, input, openid)
export async function must<A extends ActionName<'course'>>(
  action: A,
  input: InputOf<'course', A>,
  openid: string,
): Promise<OutputOf<'course', A>> {
  const res = await call(action, input, openid)
  if (!res.ok) throw new Error(`course.${action} failed: ${JSON.stringify(res)}`)
  return res.data
}
export const enrolmentsOf = (courseId: string) => allDocs(cloud, 'enrolments', { courseId })
export const courseDoc = async (id: string) => (await allDocs(cloud, 'courses', { _id: id }))[0]

async function learningState() {
  return JSON.stringify([await allDocs(cloud, 'courses'), await allDocs(cloud, 'lessons'), await allDocs(cloud, 'enrolments')])
}

/** A refused call: its code, no write request reached the database, nothing stored changed. */
export async function expectRefused(code: string, run: () => Promise<Answer>) {
  const before = await learningState()
  cloud.db.resetStats()
  const res = await run()
  const writes = writesIn(cloud.db.stats().byAction)
  expect(res).toMatchObject({ ok: false, code })
  expect(writes).toBe(0)
  expect(await learningState()).toBe(before)
}

/** A fresh published course for one test. */
export const freshCourse = (o: Parameters<typeof createCourse>[3] = {}) => createCourse(cloud, ORGANISER, week.id, o)

/** Starts this test file's seeded cloud (beforeAll) and stops it (afterAll). */
export function useCourseCloud(): void {
  beforeAll(async () => {
    cloud = await startTestCloud()
    week = await createTestWeek(cloud)
    east = await createActivity(cloud, week, { title: '手机课堂：扫码出行', start: '14:00' })
    west = await createActivity(cloud, week, { district: 'west', title: '西区读书会' })
    people = await seedResidents(cloud, 'cr', 12)
    C = await freshCourse({ activityIds: [east] })
    D = await freshCourse({ publish: false, title: '草稿课程' })
  }, 120_000)

  afterAll(async () => {
    await cloud.stop()
  })
}
