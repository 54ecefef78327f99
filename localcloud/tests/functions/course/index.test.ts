// The `course` function, bundled as uploaded, through the real wx-server-sdk against the local
// cloud: enrolment (once per person, also for a family member), lessons completed once, a course
// completed exactly with its last lesson and the certificate only then, resume position, drafts and
// organiser scope, refusals with their code and no write, concurrent completions, counters equal
// to a recount, and the database operations of one lesson completion (crashes: _core/learning-faults.test.ts).
import { recountCourseOf } from '../../../../cloudfunctions/_core/courseStats'
import { startTestCloud, type ActionName, type Answer, type InputOf, type OutputOf, type TestCloud } from '../../harness'
import { courseInput, createCourse, lessonInput } from '../courseFixtures'
import {
  ADMIN,
  allDocs,
  createActivity,
  createTestWeek,
  ORGANISER,
  OTHER_ORGANISER,
  seedResidents,
  writesIn,
  type TestWeek,
} from '../fixtures'

let cloud: TestCloud
let week: TestWeek
let east: string
let west: string
/** A published course of 3 lessons in district east, linked to the east activity. */
let C: { courseId: string; lessonIds: string[] }
/** A draft course in east. */
let D: { courseId: string; lessonIds: string[] }
let people: string[]

const call = <A extends ActionName<'course'>>(action: A, input: InputOf<'course', A>, openid: string) =>
  cloud.call('course', action, input, openid)
async function must<A extends ActionName<'course'>>(
  action: A,
  input: InputOf<'course', A>,
  openid: string,
): Promise<OutputOf<'course', A>> {
  const res = await call(action, input, openid)
  if (!res.ok) throw new Error(`course.${action} failed: ${JSON.stringify(res)}`)
  return res.data
}
const enrolmentsOf = (courseId: string) => allDocs(cloud, 'enrolments', { courseId })
const courseDoc = async (id: string) => (await allDocs(cloud, 'courses', { _id: id }))[0]

async function learningState() {
  return JSON.stringify([await allDocs(cloud, 'courses'), await allDocs(cloud, 'lessons'), await allDocs(cloud, 'enrolments')])
}

/** A refused call: its code, no write request reached the database, nothing stored changed. */
async function expectRefused(code: string, run: () => Promise<Answer>) {
  const before = await learningState()
  cloud.db.resetStats()
  const res = await run()
  const writes = writesIn(cloud.db.stats().byAction)
  expect(res).toMatchObject({ ok: false, code })
  expect(writes).toBe(0)
  expect(await learningState()).toBe(before)
}

/** A fresh published course for one test. */
const freshCourse = (o: Parameters<typeof createCourse>[3] = {}) => createCourse(cloud, ORGANISER, week.id, o)

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

describe('reading courses', () => {
  test('the list shows published courses of the week with their outline, never drafts', async () => {
    const res = await must('list', { weekId: week.id }, people[0])
    const ids = res.courses.map((c) => c.id)
    expect(ids).toContain(C.courseId)
    expect(ids).not.toContain(D.courseId)
    const card = res.courses.find((c) => c.id === C.courseId)
    expect(card).toMatchObject({
      kind: 'smart_senior',
      topic: 'smart_travel',
      lessonCount: 3,
      totalMinutes: 30,
      districtName: '东区',
      status: 'published',
    })
  })

  test('the list filters by kind', async () => {
    const res = await must('list', { weekId: week.id, kind: 'reading' }, people[0])
    expect(res.courses.map((c) => c.id)).not.toContain(C.courseId)
  })

  test('a course shows its lessons and its linked offline class', async () => {
    const res = await must('get', { courseId: C.courseId }, people[0])
    expect(res.course.lessons.map((l) => l.id)).toEqual(C.lessonIds)
    expect(res.course.lessons[0]).toMatchObject({ stepCount: 6, minutes: 10 })
    expect(res.course.activities.map((a) => a.id)).toEqual([east])
    expect(res.enrolment).toBeNull()
  })

  test('a lesson answers its steps, its place and its neighbours', async () => {
    const res = await must('lesson', { courseId: C.courseId, lessonId: C.lessonIds[1] }, people[0])
    expect(res).toMatchObject({
      courseTitle: '手机扫码出行',
      index: 1,
      total: 3,
      prevLessonId: C.lessonIds[0],
      nextLessonId: C.lessonIds[2],
    })
    expect(res.lesson.steps).toHaveLength(6)
    expect(res.lesson.steps[2].tip).toMatch(/拿稳/)
  })

  test('a draft course does not exist for residents: COURSE_NOT_FOUND', async () => {
    expect(await call('get', { courseId: D.courseId }, people[0])).toMatchObject({ ok: false, code: 'COURSE_NOT_FOUND' })
    expect(await call('lesson', { courseId: D.courseId, lessonId: D.lessonIds[0] }, people[0])).toMatchObject({
      ok: false,
      code: 'COURSE_NOT_FOUND',
    })
    await expectRefused('COURSE_NOT_FOUND', () => call('enrol', { courseId: D.courseId }, people[0]))
  })

  test('its organiser previews a draft', async () => {
    const res = await must('get', { courseId: D.courseId }, ORGANISER)
    expect(res.course.status).toBe('draft')
  })
})

describe('enrolment', () => {
  test('enrolling twice is one enrolment, counted once', async () => {
    const { courseId } = await freshCourse()
    const first = await must('enrol', { courseId }, people[1])
    const second = await must('enrol', { courseId }, people[1])
    expect(first.created).toBe(true)
    expect(second.created).toBe(false)
    expect(second.enrolment).toEqual(first.enrolment)
    expect(await enrolmentsOf(courseId)).toHaveLength(1)
    const counters = (await courseDoc(courseId)).counters
    expect(counters.enrolled).toBe(1)
    expect(counters.byAudience.residents.enrolled).toBe(1)
  })

  test('concurrent enrolments of one person make one enrolment', async () => {
    const { courseId } = await freshCourse()
    const results = await Promise.all(Array.from({ length: 8 }, () => must('enrol', { courseId }, people[2])))
    expect(results.filter((r) => r.created)).toHaveLength(1)
    expect(await enrolmentsOf(courseId)).toHaveLength(1)
    expect((await courseDoc(courseId)).counters.enrolled).toBe(1)
  })

  test('a family member who is not in the family: FAMILY_MEMBER_NOT_FOUND, nothing written', async () => {
    await expectRefused('FAMILY_MEMBER_NOT_FOUND', () => call('enrol', { courseId: C.courseId, memberId: 'mnobody' }, people[0]))
  })

  test('an unknown course: COURSE_NOT_FOUND, nothing written', async () => {
    await expectRefused('COURSE_NOT_FOUND', () => call('enrol', { courseId: 'no-such-course' }, people[0]))
    await expectRefused('COURSE_NOT_FOUND', () => call('completeLesson', { courseId: 'no-such-course', lessonId: 'labc' }, people[0]))
  })

  test('a caller without a profile learns as 学员 with no audience', async () => {
    const res = await must('enrol', { courseId: C.courseId }, 'cr-no-profile')
    expect(res.enrolment.learnerName).toBe('学员')
    const [doc] = await allDocs(cloud, 'enrolments', { _id: `${C.courseId}_cr-no-profile` })
    expect(doc.audience).toBeNull()
  })
})

describe('lessons', () => {
  test('completing a lesson twice counts once', async () => {
    const { courseId, lessonIds } = await freshCourse()
    await must('enrol', { courseId }, people[3])
    const first = await must('completeLesson', { courseId, lessonId: lessonIds[0] }, people[3])
    const second = await must('completeLesson', { courseId, lessonId: lessonIds[0] }, people[3])
    expect(first.lessonNewlyCompleted).toBe(true)
    expect(second.lessonNewlyCompleted).toBe(false)
    expect(second.enrolment.completedLessonIds).toEqual([lessonIds[0]])
    const [e] = await enrolmentsOf(courseId)
    expect(e).toMatchObject({ completedLessonIds: [lessonIds[0]], lessonsDone: 1 })
    expect((await courseDoc(courseId)).counters.lessonsCompleted).toBe(1)
  })

  test('the course completes exactly with its last lesson, not before', async () => {
    const { courseId, lessonIds } = await freshCourse()
    await must('enrol', { courseId }, people[4])
    const a = await must('completeLesson', { courseId, lessonId: lessonIds[2] }, people[4])
    const b = await must('completeLesson', { courseId, lessonId: lessonIds[0] }, people[4])
    expect([a.courseNewlyCompleted, b.courseNewlyCompleted]).toEqual([false, false])
    expect(b.enrolment).toMatchObject({ done: 2, total: 3, completedAt: null })
    expect(b.nextLessonId).toBe(lessonIds[1])
    expect((await courseDoc(courseId)).counters.completed).toBe(0)
    const c = await must('completeLesson', { courseId, lessonId: lessonIds[1] }, people[4])
    expect(c).toMatchObject({ lessonNewlyCompleted: true, courseNewlyCompleted: true, nextLessonId: null })
    expect(c.enrolment.done).toBe(3)
    expect(c.enrolment.completedAt).toEqual(expect.any(Number))
    expect((await courseDoc(courseId)).counters).toMatchObject({ completed: 1, lessonsCompleted: 3 })
  })

  test('the certificate is refused before completion and issued after', async () => {
    const { courseId, lessonIds } = await freshCourse({ lessons: 2 })
    await must('enrol', { courseId }, people[5])
    await must('completeLesson', { courseId, lessonId: lessonIds[0] }, people[5])
    await expectRefused('COURSE_NOT_COMPLETED', () => call('certificate', { courseId }, people[5]))
    const done = await must('completeLesson', { courseId, lessonId: lessonIds[1] }, people[5])
    const cert = await must('certificate', { courseId }, people[5])
    expect(cert).toMatchObject({
      courseId,
      learnerName: '居民5',
      courseTitle: '手机扫码出行',
      kind: 'smart_senior',
      lessonCount: 2,
      totalMinutes: 20,
      completedAt: done.enrolment.completedAt,
      issuer: '测试市教育局',
      districtName: '东区',
      weekName: '测试活动周',
    })
    expect(cert.certificateNo).toMatch(new RegExp(`^${week.id.toUpperCase().slice(0, 8)}-\\d{8}-[A-Z0-9]{6}$`))
    expect((await must('certificate', { courseId }, people[5])).certificateNo).toBe(cert.certificateNo)
  })

  test('a lesson not in the course: LESSON_NOT_FOUND, nothing written', async () => {
    await must('enrol', { courseId: C.courseId }, people[6])
    await expectRefused('LESSON_NOT_FOUND', () => call('completeLesson', { courseId: C.courseId, lessonId: 'lnothere' }, people[6]))
    await expectRefused('LESSON_NOT_FOUND', () => call('progress', { courseId: C.courseId, lessonId: 'lnothere', step: 1 }, people[6]))
    await expectRefused('LESSON_NOT_FOUND', () => call('lesson', { courseId: C.courseId, lessonId: 'lnothere' }, people[6]))
  })

  test('completing or saving progress without enrolling: NOT_ENROLLED, nothing written', async () => {
    await expectRefused('NOT_ENROLLED', () => call('completeLesson', { courseId: C.courseId, lessonId: C.lessonIds[0] }, people[7]))
    await expectRefused('NOT_ENROLLED', () => call('progress', { courseId: C.courseId, lessonId: C.lessonIds[0], step: 2 }, people[7]))
  })

  test('a malformed lesson id: VALIDATION_FAILED, nothing written', async () => {
    await expectRefused('VALIDATION_FAILED', () => call('completeLesson', { courseId: C.courseId, lessonId: 'Bad Id' }, people[6]))
  })

  test('the step a learner stopped at is saved and returned', async () => {
    const { courseId, lessonIds } = await freshCourse()
    await must('enrol', { courseId }, people[8])
    const saved = await must('progress', { courseId, lessonId: lessonIds[1], step: 4 }, people[8])
    expect(saved.resume).toEqual({ lessonId: lessonIds[1], step: 4 })
    const back = await must('get', { courseId }, people[8])
    expect(back.enrolment!.resume).toEqual({ lessonId: lessonIds[1], step: 4 })
    // Going back a step is kept too; completion is not touched.
    await must('completeLesson', { courseId, lessonId: lessonIds[0] }, people[8])
    await must('progress', { courseId, lessonId: lessonIds[0], step: 1 }, people[8])
    const again = await must('get', { courseId }, people[8])
    expect(again.enrolment).toMatchObject({ resume: { lessonId: lessonIds[0], step: 1 }, done: 1 })
  })

  test('a step past the end of the lesson is kept as its last step', async () => {
    const { courseId, lessonIds } = await freshCourse()
    await must('enrol', { courseId }, people[8])
    expect((await must('progress', { courseId, lessonId: lessonIds[0], step: 40 }, people[8])).resume).toEqual({
      lessonId: lessonIds[0],
      step: 5,
    })
  })

  test('10 concurrent completions of the same lesson count once', async () => {
    const { courseId, lessonIds } = await freshCourse()
    await must('enrol', { courseId }, people[9])
    const results = await Promise.all(
      Array.from({ length: 10 }, () => must('completeLesson', { courseId, lessonId: lessonIds[0] }, people[9])),
    )
    expect(results.filter((r) => r.lessonNewlyCompleted)).toHaveLength(1)
    const [e] = await enrolmentsOf(courseId)
    expect(e).toMatchObject({ completedLessonIds: [lessonIds[0]], lessonsDone: 1 })
    expect((await courseDoc(courseId)).counters.lessonsCompleted).toBe(1)
  })

  test('concurrent completions of different lessons all count, and the course completes once', async () => {
    const { courseId, lessonIds } = await freshCourse({ lessons: 4 })
    await must('enrol', { courseId }, people[9])
    const results = await Promise.all(lessonIds.map((lessonId) => must('completeLesson', { courseId, lessonId }, people[9])))
    expect(results.filter((r) => r.lessonNewlyCompleted)).toHaveLength(4)
    expect(results.filter((r) => r.courseNewlyCompleted)).toHaveLength(1)
    const [e] = await enrolmentsOf(courseId)
    expect([...e.completedLessonIds].sort()).toEqual([...lessonIds].sort())
    expect((await courseDoc(courseId)).counters).toMatchObject({ lessonsCompleted: 4, completed: 1 })
  })

  test('one lesson completion costs 4 database operations (read, course counters with their pending entry, enrolment, entry settled)', async () => {
    const { courseId, lessonIds } = await freshCourse()
    await must('enrol', { courseId }, people[10])
    cloud.db.resetStats()
    await must('completeLesson', { courseId, lessonId: lessonIds[0] }, people[10])
    const first = cloud.db.stats().total
    cloud.db.resetStats()
    await must('completeLesson', { courseId, lessonId: lessonIds[1] }, people[10])
    await must('completeLesson', { courseId, lessonId: lessonIds[2] }, people[10]) // completes the course
    const lastTwo = cloud.db.stats().total
    expect(first).toBe(4)
    expect(lastTwo).toBe(8)
  })
})

describe('family members', () => {
  let memberId: string
  const me = 'cr-family'
  beforeAll(async () => {
    await cloud.call(
      'signup',
      'profile.save',
      { profile: { name: '李建国', phone: '13912345678', ageGroup: '40-59', community: '测试社区', audience: 'residents' } },
      me,
    )
    const added = await cloud.call('signup', 'family.add', { name: '王秀兰', ageGroup: '70+', relation: 'parent' }, me)
    memberId = added.data.member.id
  })

  test("a family member's progress is theirs, not the resident's", async () => {
    const { courseId, lessonIds } = await freshCourse()
    const enrolled = await must('enrol', { courseId, memberId }, me)
    expect(enrolled.enrolment).toMatchObject({ memberId, learnerName: '王秀兰' })
    await must('completeLesson', { courseId, lessonId: lessonIds[0], memberId }, me)
    await must('progress', { courseId, lessonId: lessonIds[1], step: 2, memberId }, me)

    const docs = await enrolmentsOf(courseId)
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ personId: `${me}~${memberId}`, audience: 'seniors', completedLessonIds: [lessonIds[0]] })
    // The resident's own page: not enrolled, no progress.
    const own = await must('get', { courseId }, me)
    expect(own.enrolment).toBeNull()
    expect(own.course.mine).toBeNull()
    const theirs = await must('get', { courseId, memberId }, me)
    expect(theirs.enrolment).toMatchObject({ done: 1, resume: { lessonId: lessonIds[1], step: 2 } })
    // The resident enrolling themself is a second, separate enrolment.
    const self = await must('enrol', { courseId }, me)
    expect(self).toMatchObject({ created: true, enrolment: { memberId: null, learnerName: '李建国', done: 0 } })
    expect(await enrolmentsOf(courseId)).toHaveLength(2)
    expect((await courseDoc(courseId)).counters.byAudience).toMatchObject({
      seniors: { enrolled: 1, lessonsCompleted: 1 },
      residents: { enrolled: 1 },
    })
  })

  test("the caller's enrolments list both, each with its own progress", async () => {
    const res = await must('mine', {}, me)
    expect(res.items.length).toBeGreaterThanOrEqual(2)
    const member = res.items.find((i) => i.enrolment.memberId === memberId)
    expect(member!.enrolment.done).toBe(1)
  })

  test("another resident cannot complete a lesson for someone else's family member", async () => {
    await expectRefused('NOT_ENROLLED', () =>
      call('completeLesson', { courseId: C.courseId, lessonId: C.lessonIds[0], memberId }, people[0]),
    )
  })
})

describe('organisers', () => {
  test('an organiser of another district: FORBIDDEN on save and publish, nothing written', async () => {
    await expectRefused('FORBIDDEN', () => call('save', courseInput(week.id), OTHER_ORGANISER))
    await expectRefused('FORBIDDEN', () => call('save', { ...courseInput(week.id), courseId: D.courseId }, OTHER_ORGANISER))
    await expectRefused('FORBIDDEN', () => call('publish', { courseId: D.courseId, published: true }, OTHER_ORGANISER))
  })

  test('a resident: FORBIDDEN on save, manage and totals', async () => {
    await expectRefused('FORBIDDEN', () => call('save', courseInput(week.id), people[0]))
    expect(await call('manage', { weekId: week.id }, people[0])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call('totals', { weekId: week.id }, people[0])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('an activity of another district: COURSE_ACTIVITY_INVALID, nothing written', async () => {
    await expectRefused('COURSE_ACTIVITY_INVALID', () => call('save', courseInput(week.id, { activityIds: [east, west] }), ORGANISER))
    await expectRefused('COURSE_ACTIVITY_INVALID', () => call('save', courseInput(week.id, { activityIds: ['nope'] }), ORGANISER))
  })

  test('a district not in the week: DISTRICT_NOT_IN_WEEK (admin), nothing written', async () => {
    await expectRefused('DISTRICT_NOT_IN_WEEK', () => call('save', courseInput(week.id, { district: 'north' }), ADMIN))
  })

  test('the kind follows the topic', async () => {
    const { courseId } = await must('save', courseInput(week.id, { topic: 'book_club', title: '书友会入门' }), ORGANISER)
    expect((await courseDoc(courseId)).kind).toBe('reading')
  })

  test('editing keeps lesson ids, so progress survives; dropped lessons are removed', async () => {
    const { courseId, lessonIds } = await freshCourse()
    await must('enrol', { courseId }, people[11])
    await must('completeLesson', { courseId, lessonId: lessonIds[0] }, people[11])
    const input = courseInput(week.id)
    const edited = {
      ...input,
      courseId,
      lessons: [
        lessonInput('认识微信扫一扫（新版）', 4, lessonIds[0]),
        lessonInput('新加的一课', 3),
        lessonInput('第三课', 6, lessonIds[2]),
      ],
    }
    expect(await must('save', edited, ORGANISER)).toEqual({ courseId, status: 'published' })
    const res = await must('get', { courseId }, people[11])
    expect(res.course.lessons.map((l) => l.id)).toEqual([lessonIds[0], expect.stringMatching(/^l[a-z0-9]+$/), lessonIds[2]])
    expect(res.course.lessons[0]).toMatchObject({ title: '认识微信扫一扫（新版）', stepCount: 4 })
    expect(res.enrolment).toMatchObject({ done: 1, completedLessonIds: [lessonIds[0]] })
    const lessons = await allDocs(cloud, 'lessons', { courseId })
    expect(lessons.map((l) => l.lessonId).sort()).toEqual(res.course.lessons.map((l) => l.id).sort())
  })

  test('manage lists drafts of the organiser district with counters; totals sum them', async () => {
    const res = await must('manage', { weekId: week.id }, ORGANISER)
    const ids = res.courses.map((c) => c.id)
    expect(ids).toEqual(expect.arrayContaining([C.courseId, D.courseId]))
    expect(res.courses.find((c) => c.id === C.courseId)!.activityIds).toEqual([east])
    expect((await must('manage', { weekId: week.id }, OTHER_ORGANISER)).courses).toHaveLength(0)
    const totals = await must('totals', { weekId: week.id }, ADMIN)
    const docs = await allDocs(cloud, 'courses', { weekId: week.id })
    expect(totals.total.enrolled).toBe(docs.reduce((n, d) => n + (d.counters?.enrolled ?? 0), 0))
    expect(totals.total.courses).toBe(docs.filter((d) => d.status === 'published').length)
    expect(totals.byDistrict.east.enrolled).toBe(totals.total.enrolled)
    expect(totals.byKind.smart_senior.lessonsCompleted).toBe(totals.total.lessonsCompleted - (totals.byKind.reading?.lessonsCompleted ?? 0))
    const west = await must('totals', { weekId: week.id }, OTHER_ORGANISER)
    expect(west.total).toEqual({ enrolled: 0, lessonsCompleted: 0, completed: 0, courses: 0 })
  })

  test('unpublishing hides the course from residents again', async () => {
    const { courseId } = await freshCourse()
    await must('publish', { courseId, published: false }, ORGANISER)
    expect(await call('get', { courseId }, people[0])).toMatchObject({ ok: false, code: 'COURSE_NOT_FOUND' })
  })
})

describe('counters', () => {
  test('after several people, audiences and family members, every course counter equals its recount', async () => {
    const { courseId, lessonIds } = await freshCourse({ lessons: 3 })
    await cloud.call(
      'signup',
      'profile.save',
      { profile: { name: '熊桂英', phone: '13800001072', ageGroup: '70+', community: '测试社区', audience: 'seniors' } },
      'cr-senior',
    )
    const member = (
      await cloud.call('signup', 'family.add', { name: '小明', ageGroup: 'under18', relation: 'child', audience: 'youth' }, 'cr-senior')
    ).data.member.id
    const learners: { openid: string; memberId?: string; lessons: number }[] = [
      { openid: people[0], lessons: 3 },
      { openid: people[1], lessons: 1 },
      { openid: 'cr-senior', lessons: 3 },
      { openid: 'cr-senior', memberId: member, lessons: 2 },
      { openid: 'cr-no-profile', lessons: 0 },
    ]
    await Promise.all(
      learners.map(async (l) => {
        const who = l.memberId ? { memberId: l.memberId } : {}
        await must('enrol', { courseId, ...who }, l.openid)
        await must('enrol', { courseId, ...who }, l.openid)
        for (const lessonId of lessonIds.slice(0, l.lessons)) {
          await Promise.all([
            must('completeLesson', { courseId, lessonId, ...who }, l.openid),
            must('completeLesson', { courseId, lessonId, ...who }, l.openid),
          ])
        }
      }),
    )
    const check = await recountCourseOf(cloud.sdkDb as any, courseId)
    expect(check!.agree).toBe(true)
    expect(check!.stored).toMatchObject({
      enrolled: 5,
      lessonsCompleted: 9,
      completed: 2,
      byAudience: {
        residents: { enrolled: 2, lessonsCompleted: 4, completed: 1 },
        seniors: { completed: 1 },
        youth: { lessonsCompleted: 2 },
        unspecified: { enrolled: 1 },
      },
    })
    for (const c of await allDocs(cloud, 'courses', { weekId: week.id })) {
      expect((await recountCourseOf(cloud.sdkDb as any, c._id))!.agree).toBe(true)
    }
  })
})
