// Shared set-up of the `stats` function tests (one file per source file of
// cloudfunctions/stats/src): a fresh seeded cloud per test file with a scripted week in two
// districts (sign-ups, cancellations and promotion, an organiser's cancellation, check-ins by
// ticket, offline sync and by hand, walk-ins, ratings, lessons, reading logs, publicity records),
// its activity ids in `ids`, and the helpers the files share (`must`, `stats`, `reconcileClean`).
import { EventEmitter } from 'node:events'
import { randomBytes } from 'node:crypto'
import { startTestCloud, type ActionName, type FnName, type InputOf, type OutputOf, type TestCloud } from '../../harness'
import { createCourse } from '../courseFixtures'
import {
  ADMIN,
  ORGANISER,
  OTHER_ORGANISER,
  createActivity,
  createTestWeek,
  reconcileAll,
  seedResidents,
  type TestWeek,
  type SignupField,
} from '../fixtures'
import { createBookList } from '../readingFixtures'

export const MIN = 60_000
export const HOUR = 60 * MIN

export let cloud: TestCloud
export let week: TestWeek
export let people: string[]
export const ids: Record<string, string> = {}
const defaultMaxListeners = EventEmitter.defaultMaxListeners
export const fields: SignupField[] = ['name', 'phone', 'community', 'audience']
export const db = () => cloud.sdkDb as any

export async function must<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
  openid: string,
): Promise<OutputOf<F, A>> {
  const res = await cloud.call(fn, action, input, openid)
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${JSON.stringify(res)}`)
  return res.data
}
export const reg = (activity: string, person: string) => `${activity}_${person}`
export const ticketOf = async (person: string, activity: string) =>
  (await must('signup', 'ticket', { registrationId: reg(activity, person) }, person)).token as string
export async function runNow(activityId: string) {
  const startAt = new Date(Date.now() + 20 * MIN)
  await db()
    .collection('activities')
    .doc(activityId)
    .update({ data: { startAt, endAt: new Date(startAt.getTime() + 3 * HOUR) } })
}
const nonce = () => randomBytes(9).toString('base64url')
export const stats = <A extends ActionName<'stats'>>(action: A, input: InputOf<'stats', A>, openid = ORGANISER) =>
  cloud.call('stats', action, input, openid)

export async function reconcileClean(openid = ADMIN) {
  const r = await reconcileAll(cloud, week.id, openid)
  expect(r.differences).toEqual([])
  return r
}

/** Starts this test file's seeded cloud with the scripted week (beforeAll) and stops it (afterAll). */
export function useStatsCloud(): void {
  beforeAll(async () => {
    EventEmitter.defaultMaxListeners = 0
    cloud = await startTestCloud()
    week = await createTestWeek(cloud)
    people = await seedResidents(cloud, 'st', 10)
    // Residents of two communities (the 活动范围 row).
    for (const [i, community] of [
      [5, '东湖街道彭家桥社区'],
      [6, '西山镇梅岭村'],
    ] as const) {
      await db()
        .collection('users')
        .doc(people[i])
        .update({ data: { 'profile.community': community } })
    }
    ids.A1 = await createActivity(cloud, week, { capacity: 3, fields, title: '智能手机入门课' })
    ids.A2 = await createActivity(cloud, week, {
      capacity: null,
      title: '社区读书会',
      start: '14:00',
      extra: { type: 'reading', venue: { name: '东区图书馆', address: '测试市东区豫章街道东湖社区文化路2号' } },
    })
    ids.A3 = await createActivity(cloud, week, { capacity: 10, fields, title: '被取消的讲座', start: '16:00' })
    ids.A4 = await createActivity(cloud, week, {
      capacity: 10,
      fields,
      title: '防诈骗讲座',
      start: '18:00',
      extra: { organizer: '东区图书馆', coOrganizers: ['东区社区学院'] },
    })
    ids.B1 = await createActivity(cloud, week, {
      district: 'west',
      capacity: 5,
      fields,
      title: '西区书法体验',
      extra: { organizer: '西区文化馆', coOrganizers: [] },
    })
    const [r0, r1, r2, r3, r4, r5, r6, r7] = people
    // A1: 3 seats; r3 and r4 wait; r1 cancels and r3 is promoted.
    for (const p of [r0, r1, r2, r3, r4]) await must('signup', 'create', { activityId: ids.A1 }, p)
    await must('signup', 'cancel', { registrationId: reg(ids.A1, r1) }, r1)
    for (const p of [r0, r5]) await must('signup', 'create', { activityId: ids.A4 }, p)
    for (const p of [r0, r6, r7]) await must('signup', 'create', { activityId: ids.B1 }, p)
    for (const p of [r2, r3]) await must('signup', 'create', { activityId: ids.A3 }, p)
    await must('activity', 'cancel', { id: ids.A3, reason: '场地临时维修' }, ORGANISER)
    const t = {
      a1r0: await ticketOf(r0, ids.A1),
      a1r2: await ticketOf(r2, ids.A1),
      a4r0: await ticketOf(r0, ids.A4),
      a4r5: await ticketOf(r5, ids.A4),
      b1r0: await ticketOf(r0, ids.B1),
      b1r6: await ticketOf(r6, ids.B1),
    }
    for (const id of [ids.A1, ids.A2, ids.A4, ids.B1]) await runNow(id)
    // Check-ins: online scans, an offline queue (synced twice), by hand after a lookup.
    await must('checkin', 'scan', { activityId: ids.A1, token: t.a1r0 }, ORGANISER)
    const offline = [{ nonce: nonce(), token: t.a1r2, activityId: ids.A1, scannedAt: Date.now() - MIN }]
    await must('checkin', 'sync', { items: offline }, ORGANISER)
    await must('checkin', 'sync', { items: offline }, ORGANISER)
    await must('checkin', 'manual', { activityId: ids.A1, registrationId: reg(ids.A1, r3) }, ORGANISER)
    await must('checkin', 'scan', { activityId: ids.A4, token: t.a4r0 }, ORGANISER)
    await must('checkin', 'scan', { activityId: ids.A4, token: t.a4r5 }, ORGANISER)
    await must('checkin', 'scan', { activityId: ids.B1, token: t.b1r0 }, OTHER_ORGANISER)
    await must('checkin', 'scan', { activityId: ids.B1, token: t.b1r6 }, OTHER_ORGANISER)
    // Walk-ins: A1 a couple (2), A2 a group of 4 (retried with its nonce), B1 three.
    await must('checkin', 'walkin', { activityId: ids.A1, audience: 'seniors', headcount: 2 }, ORGANISER)
    const group = { activityId: ids.A2, audience: 'residents' as const, headcount: 4, nonce: nonce() }
    await must('checkin', 'walkin', group, ORGANISER)
    await must('checkin', 'walkin', group, ORGANISER)
    await must('checkin', 'walkin', { activityId: ids.B1, audience: 'youth', headcount: 3 }, OTHER_ORGANISER)
    // Ratings: A1 满意 (with a comment), 基本满意, one declined; A4 不满意; B1 满意.
    await must('signup', 'rate', { registrationId: reg(ids.A1, r0), choice: 'satisfied', comment: '老师讲得很耐心' }, r0)
    await must('signup', 'rate', { registrationId: reg(ids.A1, r2), choice: 'basic' }, r2)
    await must('signup', 'rate', { registrationId: reg(ids.A1, r3), choice: 'skipped' }, r3)
    await must('signup', 'rate', { registrationId: reg(ids.A4, r5), choice: 'unsatisfied', comment: '声音太小' }, r5)
    await must('signup', 'rate', { registrationId: reg(ids.B1, r6), choice: 'satisfied' }, r6)
    // Learning and reading in the east.
    const course = await createCourse(cloud, ORGANISER, week.id, { districtCode: 'east' } as any)
    ids.course = course.courseId
    await must('course', 'enrol', { courseId: course.courseId }, r0)
    await must('course', 'completeLesson', { courseId: course.courseId, lessonId: course.lessonIds[0] }, r0)
    await must('course', 'enrol', { courseId: course.courseId }, r5)
    const list = await createBookList(cloud, week)
    ids.book = list.bookIds[0]
    await must('reading', 'log', { bookId: list.bookIds[0], minutes: 30 }, r0)
    await must('reading', 'log', { bookId: list.bookIds[1], minutes: 15 }, r5)
    // Publicity.
    await must(
      'stats',
      'publicity.add',
      {
        weekId: week.id,
        districtCode: 'east',
        kind: 'text',
        title: '东区活动周开幕',
        outlet: '东区融媒体中心',
        url: 'https://example.org/news/1',
        opening: true,
      },
      ORGANISER,
    )
    await must(
      'stats',
      'publicity.add',
      {
        weekId: week.id,
        districtCode: 'east',
        activityId: ids.A1,
        kind: 'photo',
        title: '手机课堂现场',
        outlet: '东区教育公众号',
        fileIds: ['cloud://localcloud/publicity/a.png', 'cloud://localcloud/publicity/b.png'],
      },
      ORGANISER,
    )
    await must(
      'stats',
      'publicity.add',
      {
        weekId: week.id,
        districtCode: 'east',
        kind: 'video',
        title: '开幕式视频',
        outlet: '东区融媒体中心',
        url: 'https://example.org/v/1',
        opening: true,
      },
      ORGANISER,
    )
    await must(
      'stats',
      'publicity.add',
      {
        weekId: week.id,
        districtCode: 'west',
        kind: 'text',
        title: '西区书法体验活动',
        outlet: '西区发布',
        url: 'https://example.org/news/2',
      },
      OTHER_ORGANISER,
    )
  }, 180_000)

  afterAll(async () => {
    EventEmitter.defaultMaxListeners = defaultMaxListeners
    await cloud.stop()
  })
}

export const rowOf = (summary: any, key: string) => summary.rows.find((r: any) => r.key === key)
