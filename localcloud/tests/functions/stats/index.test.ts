// The `stats` function (and signup.rating.pending / signup.rate), bundled as uploaded, through the
// real wx-server-sdk against the local cloud. A scripted week in two districts (sign-ups,
// cancellations and promotion, an organiser's cancellation, check-ins by ticket, offline sync and by
// hand, walk-ins, ratings, lessons, reading logs, publicity records) and then: every computed
// 总结表 figure equals a hand count written below, the dashboard agrees, the reconcile reports no
// difference, one organiser cannot read another district, refusals write nothing, and the
// dashboard and summary cost at most 3 database operations.
import { EventEmitter } from 'node:events'
import { randomBytes } from 'node:crypto'
import { shanghaiDate } from '../../../../src/shared/domain/time'
import { SUMMARY_ROWS } from '../../../../src/shared/domain/summary'
import { startTestCloud, type ActionName, type Answer, type FnName, type InputOf, type OutputOf, type TestCloud } from '../../harness'
import { createCourse } from '../courseFixtures'
import {
  ADMIN,
  ORGANISER,
  OTHER_ORGANISER,
  allDocs,
  createActivity,
  createTestWeek,
  reconcileAll,
  seedResidents,
  writesIn,
  type TestWeek,
  type SignupField,
} from '../fixtures'
import { createBookList } from '../readingFixtures'

const MIN = 60_000
const HOUR = 60 * MIN

let cloud: TestCloud
let week: TestWeek
let people: string[]
const ids: Record<string, string> = {}
const defaultMaxListeners = EventEmitter.defaultMaxListeners
const fields: SignupField[] = ['name', 'phone', 'community', 'audience']
const db = () => cloud.sdkDb as any

async function must<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
  openid: string,
): Promise<OutputOf<F, A>> {
  const res = await cloud.call(fn, action, input, openid)
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${JSON.stringify(res)}`)
  return res.data
}
const reg = (activity: string, person: string) => `${activity}_${person}`
const ticketOf = async (person: string, activity: string) =>
  (await must('signup', 'ticket', { registrationId: reg(activity, person) }, person)).token as string
async function runNow(activityId: string) {
  const startAt = new Date(Date.now() + 20 * MIN)
  await db()
    .collection('activities')
    .doc(activityId)
    .update({ data: { startAt, endAt: new Date(startAt.getTime() + 3 * HOUR) } })
}
const nonce = () => randomBytes(9).toString('base64url')
const stats = <A extends ActionName<'stats'>>(action: A, input: InputOf<'stats', A>, openid = ORGANISER) =>
  cloud.call('stats', action, input, openid)

async function reconcileClean(openid = ADMIN) {
  const r = await reconcileAll(cloud, week.id, openid)
  expect(r.differences).toEqual([])
  return r
}

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

const rowOf = (summary: any, key: string) => summary.rows.find((r: any) => r.key === key)

describe('the 总结表 after a scripted week', () => {
  test('east: every computed figure equals the hand count', async () => {
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(s.figures).toMatchObject({
      activities: 3, // A1, A2, A4 (A3 cancelled)
      activitiesByType: { smart_senior: 2, reading: 1 },
      cancelled: 1,
      registered: 5, // A1: r0 r2 r3 (r1 cancelled, r3 promoted, r4 waiting); A4: r0 r5
      checkIns: 5, // A1: 3, A4: 2
      distinctPeople: 4, // r0 (twice), r2, r3, r5
      walkInHeadcount: 6, // A1 2 + A2 4 (the retried walk-in once)
      participants: 10,
      feedback: { satisfied: 1, basic: 1, unsatisfied: 1, skipped: 1, comments: 2, rate: 0.667 },
      textReports: 1,
      photos: 2,
      videos: 1,
      outlets: ['东区融媒体中心', '东区教育公众号'],
      courses: { courses: 1, enrolled: 2, lessonsCompleted: 1, completed: 0 },
      reading: { logs: 2, minutes: 45 },
    })
    expect(s.figures.units.sort()).toEqual(['东区图书馆', '东区社区学院', '某街道'].sort())
    expect(s.figures.streets).toEqual(expect.arrayContaining(['豫章街道', '东湖街道']))
    expect(s.figures.communities).toEqual(expect.arrayContaining(['东湖社区', '彭家桥社区', '幸福社区']))
    expect(s.districtCode).toBe('east')
    expect(s.activities.map((a) => a.title)).toEqual(['智能手机入门课', '社区读书会', '防诈骗讲座'])
  })

  test('every row of the template is there, in its order, and data rows say how they were computed', async () => {
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(s.rows.map((r) => r.label)).toEqual(SUMMARY_ROWS.map((r) => r.label))
    expect(rowOf(s, 'district').value).toBe('东区')
    expect(rowOf(s, 'activityCount').value).toContain('3 项')
    expect(rowOf(s, 'participants').value).toMatch(/^10 人（签到 4 人、现场登记 6 人；签到 5 人次；报名 5 人次）/)
    expect(rowOf(s, 'participants').basis).toContain('不同人数')
    expect(rowOf(s, 'satisfaction').value).toContain('满意率 66.7%')
    expect(rowOf(s, 'textReports').value).toContain('东区融媒体中心《东区活动周开幕》')
    expect(rowOf(s, 'mediaReports').value).toContain('图片 2 张，视频 1 条')
    expect(rowOf(s, 'effect').value).toContain('阅读打卡 2 次，累计阅读 45 分钟')
    expect(rowOf(s, 'theme').value).toBe('终身学习 测试')
    for (const r of s.rows.filter((x) => x.source === 'typed')) expect(r.computed).toBeNull()
  })

  test('west: its own hand count, and none of the east', async () => {
    const s = await must('stats', 'summary', { weekId: week.id }, OTHER_ORGANISER)
    expect(s.districtCode).toBe('west')
    expect(s.figures).toMatchObject({
      activities: 1,
      registered: 3,
      checkIns: 2,
      distinctPeople: 2,
      walkInHeadcount: 3,
      participants: 5,
      feedback: { satisfied: 1, basic: 0, unsatisfied: 0, rate: 1 },
      textReports: 1,
    })
  })

  test("the admin's roll-up adds the districts up (a person in both districts counts in each)", async () => {
    const s = await must('stats', 'summary', { weekId: week.id }, ADMIN)
    expect(s.districtCode).toBeNull()
    expect(s.figures).toMatchObject({ activities: 4, registered: 8, checkIns: 7, distinctPeople: 6, walkInHeadcount: 9, participants: 15 })
    expect(s.districts.map((d) => [d.code, d.people])).toEqual([
      ['east', 10],
      ['west', 5],
    ])
  })

  test('the dashboard agrees with the summary and draws the check-in curve of today', async () => {
    const d = await must('stats', 'dashboard', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(d.totals).toMatchObject({ activities: 3, registered: 5, checkedIn: 5, walkInHeadcount: 6, participants: 11, people: 10 })
    expect(d.day).toBe(shanghaiDate(Date.now()))
    expect(d.curve).toHaveLength(24)
    expect(d.curve.reduce((n: number, h: any) => n + h.participants, 0)).toBe(11)
    const a1 = d.today.find((a) => a.id === ids.A1)
    expect(a1).toMatchObject({ registered: 3, waitlisted: 1, checkedIn: 3, walkInHeadcount: 2, capacity: 3, full: true })
    expect(d.byType.find((t) => t.code === 'reading')).toMatchObject({ activities: 1, participants: 4 })
    expect(d.byAudience.find((a) => a.code === 'seniors')!.participants).toBe(2)
    expect(d.feedback).toMatchObject({ satisfied: 1, basic: 1, unsatisfied: 1 })
  })

  test('the reconcile finds no difference after the scripted week', async () => {
    const r = await reconcileClean()
    expect(r.checked.activities).toBeGreaterThanOrEqual(5)
    expect(r.checked.districts).toBe(2)
    await reconcileClean(ORGANISER)
  })

  test('the reconcile reports a counter that drifted from its records', async () => {
    await db()
      .collection('activities')
      .doc(ids.A4)
      .update({ data: { 'attendance.checkedIn': db().command.inc(1) } })
    try {
      const r = await reconcileAll(cloud, week.id, ORGANISER)
      expect(r.differences).toEqual([
        { scope: 'activity', id: ids.A4, name: '防诈骗讲座', field: 'attendance.checkedIn', stored: 3, recounted: 2 },
      ])
    } finally {
      await db()
        .collection('activities')
        .doc(ids.A4)
        .update({ data: { 'attendance.checkedIn': db().command.inc(-1) } })
    }
    await reconcileClean()
  })
})

describe('the reconcile in resumable chunks', () => {
  const TINY = JSON.stringify({ activitiesPerChunk: 1, peoplePerPage: 1, itemsPerChunk: 1, chunksPerCall: 1 })
  /** Runs `fn` with the reconcile's chunks forced tiny (one activity, check-in, course or book per call). */
  async function withTinyChunks<T>(fn: () => Promise<T>): Promise<T> {
    const before = process.env.STATS_RECONCILE_LIMITS
    process.env.STATS_RECONCILE_LIMITS = TINY
    try {
      return await fn()
    } finally {
      if (before === undefined) delete process.env.STATS_RECONCILE_LIMITS
      else process.env.STATS_RECONCILE_LIMITS = before
    }
  }
  const key = (d: any) => `${d.scope}|${d.id}|${d.field}`
  const sorted = (ds: any[]) => [...ds].sort((a, b) => key(a).localeCompare(key(b)))
  /** Moves kept counters away from their records (an activity's check-ins and arrivals, a course, a book); undo() puts them back. */
  async function drift() {
    const _ = db().command
    const moves: [string, string, Record<string, unknown>][] = [
      ['activities', ids.A1, { 'attendance.checkedIn': 2, 'attendance.people': 1 }],
      ['activities', ids.B1, { 'counters.confirmed': -1 }],
      ['courses', ids.course, { 'counters.enrolled': 5 }],
      ['books', ids.book, { 'counters.minutes': 7 }],
    ]
    const apply = (sign: number) =>
      Promise.all(
        moves.map(([c, id, inc]) =>
          db()
            .collection(c)
            .doc(id)
            .update({ data: Object.fromEntries(Object.entries(inc).map(([f, n]) => [f, _.inc(sign * (n as number))])) }),
        ),
      )
    await apply(1)
    return () => apply(-1)
  }

  test("pages of a district's check-ins holding several people each count every person once (a page ends at its greatest person)", async () => {
    const before = process.env.STATS_RECONCILE_LIMITS
    process.env.STATS_RECONCILE_LIMITS = JSON.stringify({ peoplePerPage: 2, chunksPerCall: 1 })
    try {
      const run = await reconcileAll(cloud, week.id, ADMIN)
      expect(run.calls).toBeGreaterThan(3)
      expect(run.differences).toEqual([])
    } finally {
      if (before === undefined) delete process.env.STATS_RECONCILE_LIMITS
      else process.env.STATS_RECONCILE_LIMITS = before
    }
  })

  test('tiny chunks over many calls find exactly the differences of a one-shot run, none twice and none skipped', async () => {
    const undo = await drift()
    try {
      const oneShot = await reconcileAll(cloud, week.id, ADMIN)
      expect(oneShot.calls).toBe(1)
      const tiny = await withTinyChunks(() => reconcileAll(cloud, week.id, ADMIN))
      // One unit per call, plus the calls that move from one phase to the next.
      expect(tiny.calls).toBeGreaterThanOrEqual(oneShot.progress[0].total)
      expect(sorted(tiny.differences)).toEqual(sorted(oneShot.differences))
      expect(new Set(tiny.differences.map(key)).size).toBe(tiny.differences.length)
      expect(tiny.checked).toEqual(oneShot.checked)
      // What drifted, recounted from the records (A1: 3 check-ins, each its person's first in the east; east: 4 distinct people).
      expect(sorted(oneShot.differences)).toEqual(
        sorted([
          { scope: 'activity', id: ids.A1, name: '智能手机入门课', field: 'attendance.checkedIn', stored: 5, recounted: 3 },
          { scope: 'activity', id: ids.A1, name: '智能手机入门课', field: 'attendance.people', stored: 4, recounted: 3 },
          { scope: 'activity', id: ids.B1, name: '西区书法体验', field: 'counters.confirmed', stored: 2, recounted: 3 },
          { scope: 'district', id: 'east', name: '东区', field: 'people', stored: 5, recounted: 4 },
          { scope: 'course', id: ids.course, name: expect.any(String), field: 'counters.enrolled', stored: 7, recounted: 2 },
          { scope: 'book', id: ids.book, name: expect.any(String), field: 'counters.minutes', stored: 37, recounted: 30 },
        ]),
      )
    } finally {
      await undo()
    }
    await reconcileClean()
  })

  test('tiny chunks count each person of a district once, however the pages cut their check-ins', async () => {
    const run = await withTinyChunks(() => reconcileAll(cloud, week.id, ORGANISER))
    expect(run.differences).toEqual([])
    expect(run.checked.districts).toBe(1)
  })

  test('progress only grows, keeps its total and ends at it', async () => {
    const run = await withTinyChunks(() => reconcileAll(cloud, week.id, ADMIN))
    const { activities, districts, courses, books } = run.checked
    const total = activities + districts + courses + books
    expect(run.progress.every((p) => p.total === total)).toBe(true)
    for (let i = 1; i < run.progress.length; i++) expect(run.progress[i].done).toBeGreaterThanOrEqual(run.progress[i - 1].done)
    expect(run.progress[0].done).toBeLessThan(total)
    expect(run.progress[run.progress.length - 1]).toEqual({ done: total, total })
  })

  test('a cursor it did not write, or one of another week or scope, answers BAD_CURSOR and writes nothing', async () => {
    const first = await withTinyChunks(() => must('stats', 'reconcile', { weekId: week.id }, ORGANISER))
    expect(typeof first.cursor).toBe('string')
    const forged = Buffer.from(JSON.stringify([1, week.id, 'x', 0, '', 0, '', 0, 5, 2]), 'utf8').toString('base64url')
    const other = await createTestWeek(cloud)
    for (const [input, openid] of [
      [{ weekId: week.id, cursor: 'not-a-cursor' }, ORGANISER],
      [{ weekId: week.id, cursor: first.cursor!.slice(0, -3) }, ORGANISER],
      [{ weekId: week.id, cursor: forged }, ORGANISER],
      // The organiser's cursor in the admin's scope, and in another week.
      [{ weekId: week.id, cursor: first.cursor }, ADMIN],
      [{ weekId: other.id, cursor: first.cursor }, ORGANISER],
    ] as const) {
      cloud.db.resetStats()
      expect(await cloud.callRaw('stats', 'reconcile', input, openid)).toMatchObject({ ok: false, code: 'BAD_CURSOR' })
      expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    }
    expect(await stats('reconcile', { weekId: week.id, cursor: 'x'.repeat(513) })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' })
    // The good cursor still resumes.
    expect(await stats('reconcile', { weekId: week.id, cursor: first.cursor! })).toMatchObject({ ok: true })
  })

  test('repair is for bureau admins: an organiser asking for it gets FORBIDDEN and nothing is written', async () => {
    cloud.db.resetStats()
    expect(await stats('reconcile', { weekId: week.id, repair: true }, ORGANISER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    const admin = await must('stats', 'reconcile', { weekId: week.id, repair: true }, ADMIN)
    // Nothing differs: nothing is rewritten.
    expect(admin).toMatchObject({ repair: { rewritten: 0, busy: 0, changes: 0 }, cursor: null, differences: [] })
  })
})

describe('who may see what', () => {
  test("an organiser of district A cannot read district B's dashboard, summary or publicity", async () => {
    for (const [action, input] of [
      ['dashboard', { weekId: week.id, districtCode: 'west' }],
      ['summary', { weekId: week.id, districtCode: 'west' }],
      ['summary.export', { weekId: week.id, districtCode: 'west', format: 'xlsx' }],
      ['publicity.list', { weekId: week.id, districtCode: 'west' }],
    ] as const) {
      expect(await stats(action, input, ORGANISER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })

  test('a resident cannot read any of it', async () => {
    expect(await stats('dashboard', { weekId: week.id }, people[0])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await stats('reconcile', { weekId: week.id }, people[0])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('an organiser without a district named sees their own; an admin the roll-up', async () => {
    expect((await must('stats', 'dashboard', { weekId: week.id }, ORGANISER)).districtCode).toBe('east')
    const admin = await must('stats', 'dashboard', { weekId: week.id }, ADMIN)
    expect(admin.districtCode).toBeNull()
    expect(admin.canRollUp).toBe(true)
    expect(admin.byDistrict.map((d) => d.code)).toEqual(['east', 'west'])
  })

  test('a district not in the week answers DISTRICT_NOT_IN_WEEK', async () => {
    expect(await stats('summary', { weekId: week.id, districtCode: 'north' }, ADMIN)).toMatchObject({
      ok: false,
      code: 'DISTRICT_NOT_IN_WEEK',
    })
  })
})

describe('ratings', () => {
  test('a checked-in person is asked once: pending until rated or declined', async () => {
    const [r0, , , , , r5] = people
    const before = await must('signup', 'rating.pending', {}, r0)
    // r0 rated A1; A4 and B1 are still to rate.
    expect(before.items.map((i) => i.activityId).sort()).toEqual([ids.A4, ids.B1].sort())
    await must('signup', 'rate', { registrationId: reg(ids.A4, r0), choice: 'skipped' }, r0)
    const after = await must('signup', 'rating.pending', {}, r0)
    expect(after.items.map((i) => i.activityId)).toEqual([ids.B1])
    expect((await must('signup', 'rating.pending', {}, r5)).items).toEqual([])
  })

  test.each([
    ['ALREADY_RATED', () => reg(ids.A1, people[0]), () => people[0]],
    ['NOT_CHECKED_IN', () => reg(ids.A1, people[4]), () => people[4]],
    ['REGISTRATION_NOT_FOUND', () => reg(ids.B1, people[7]), () => people[0]],
  ])('a refused rating answers %s and writes nothing', async (code, regId, who) => {
    cloud.db.resetStats()
    const res = await cloud.call('signup', 'rate', { registrationId: regId(), choice: 'satisfied' }, who())
    expect(res).toMatchObject({ ok: false, code })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  })

  test('a rating moves the activity counters and the summary; the reconcile agrees', async () => {
    const r7 = people[7]
    await db().collection('activities').doc(ids.B1).get()
    await must('checkin', 'manual', { activityId: ids.B1, registrationId: reg(ids.B1, r7) }, OTHER_ORGANISER)
    await must('signup', 'rate', { registrationId: reg(ids.B1, r7), choice: 'basic', comment: '希望多办几场' }, r7)
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'west' }, OTHER_ORGANISER)
    expect(s.figures.feedback).toMatchObject({ satisfied: 1, basic: 1, comments: 1, rate: 1 })
    expect(s.figures.distinctPeople).toBe(3)
    await reconcileClean()
  })
})

describe('publicity', () => {
  test('a text report or video needs a link; a photo record needs photos; nothing is written', async () => {
    const base = { weekId: week.id, districtCode: 'east', title: '标题测试', outlet: '某媒体' }
    for (const [input, code] of [
      [{ ...base, kind: 'text' }, 'PUBLICITY_LINK_REQUIRED'],
      [{ ...base, kind: 'video' }, 'PUBLICITY_LINK_REQUIRED'],
      [{ ...base, kind: 'photo' }, 'PUBLICITY_PHOTOS_REQUIRED'],
      [{ ...base, kind: 'photo', fileIds: ['http://not-cloud'] }, 'VALIDATION_FAILED'],
      [{ ...base, kind: 'text', url: 'https://x.org/1', activityId: ids.B1 }, 'FEATURED_ACTIVITY_INVALID'],
    ] as const) {
      cloud.db.resetStats()
      expect(await cloud.callRaw('stats', 'publicity.add', input, ORGANISER)).toMatchObject({ ok: false, code })
      expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    }
  })

  test('the list shows the district records; another organiser cannot remove them', async () => {
    const list = await must('stats', 'publicity.list', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(list.items.map((i) => i.kind).sort()).toEqual(['photo', 'text', 'video'])
    expect(list.items.find((i) => i.kind === 'photo')!.activityTitle).toBe('智能手机入门课')
    const photo = list.items.find((i) => i.kind === 'photo')!
    expect(await stats('publicity.remove', { id: photo.id }, OTHER_ORGANISER)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the draft of typed rows', () => {
  test('typed rows, featured activities and the typical case are saved and shown in their rows', async () => {
    const s0 = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    const saved = await must(
      'stats',
      'summary.save',
      {
        weekId: week.id,
        districtCode: 'east',
        revision: s0.revision,
        typed: { fileDept: '东区教育局', selfAssessment: '活动覆盖面广，群众参与积极。' },
        featuredIds: [ids.A1],
        typicalCase: { activityId: ids.A1, title: '手机课堂进社区', text: '志愿者一对一教老人用手机。' },
      },
      ORGANISER,
    )
    expect(saved.revision).toBe(s0.revision + 1)
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(rowOf(s, 'fileDept')).toMatchObject({ typed: '东区教育局', value: '东区教育局' })
    expect(rowOf(s, 'featured').value).toContain('《智能手机入门课》')
    expect(s.typicalCase).toMatchObject({ title: '手机课堂进社区' })
    expect(s.featuredIds).toEqual([ids.A1])
    expect(s.draftSavedAt).not.toBeNull()
    const d = await must('stats', 'dashboard', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(d.today.filter((a) => a.featured).map((a) => a.id)).toEqual([ids.A1])
  })

  test("an organiser who names no district gets their own district's draft", async () => {
    const s = await must('stats', 'summary', { weekId: week.id }, ORGANISER)
    expect(s.districtCode).toBe('east')
    expect(rowOf(s, 'fileDept').typed).toBe('东区教育局')
  })

  test('a save on an old revision answers CONFLICT and writes nothing', async () => {
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    cloud.db.resetStats()
    const res = await stats('summary.save', { weekId: week.id, districtCode: 'east', revision: s.revision - 1, typed: { other: '覆盖' } })
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  })

  test('a featured activity of another district answers FEATURED_ACTIVITY_INVALID; a typed key outside the template VALIDATION_FAILED', async () => {
    const s = await must('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(
      await stats('summary.save', { weekId: week.id, districtCode: 'east', revision: s.revision, featuredIds: [ids.B1] }),
    ).toMatchObject({
      ok: false,
      code: 'FEATURED_ACTIVITY_INVALID',
    })
    expect(
      await stats('summary.save', { weekId: week.id, districtCode: 'east', revision: s.revision, typed: { participants: '999' } }),
    ).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
    })
  })
})

describe('exports', () => {
  test.each(['docx', 'xlsx'] as const)('summary.export answers a %s file named for the district', async (format) => {
    const res = await must('stats', 'summary.export', { weekId: week.id, districtCode: 'east', format }, ORGANISER)
    expect(res.fileName).toMatch(new RegExp(`东区\\.${format}$`))
    const bytes = Buffer.from(res.base64, 'base64')
    expect(bytes.length).toBe(res.bytes)
    expect(bytes.subarray(0, 2).toString()).toBe('PK')
  })
})

describe('cost', () => {
  test.each([
    ['dashboard', () => ({ weekId: week.id, districtCode: 'east' })],
    ['summary', () => ({ weekId: week.id, districtCode: 'east' })],
    ['summary', () => ({ weekId: week.id })],
  ])('%s costs at most 3 database operations and writes nothing', async (action, input) => {
    cloud.db.resetStats()
    const res: Answer = await cloud.callRaw(
      'stats',
      action,
      input(),
      action === 'summary' && !('districtCode' in input()) ? ADMIN : ORGANISER,
    )
    expect(res.ok).toBe(true)
    const st = cloud.db.stats()
    expect(st.total).toBeLessThanOrEqual(3)
    expect(writesIn(st.byAction)).toBe(0)
  })

  test('the check-in costs 4 database operations (read, counters with their pending entry, check-in, entry settled)', async () => {
    const id = await createActivity(cloud, week, { capacity: 5, fields, title: '成本测试' })
    await must('signup', 'create', { activityId: id }, people[8])
    const token = await ticketOf(people[8], id)
    await runNow(id)
    cloud.db.resetStats()
    await must('checkin', 'scan', { activityId: id, token }, ORGANISER)
    expect(cloud.db.stats().total).toBe(4)
    const c = (await allDocs(cloud, 'checkins', { activityId: id }))[0]
    expect(c).toMatchObject({ personId: people[8], firstInDistrict: true })
    await reconcileClean()
  })
})
