// `course` src/learning.ts (enrol, progress, completeLesson, certificate) through the real
// wx-server-sdk against the local cloud: enrolment once per person, also for a family member;
// lessons completed once; a course completed exactly with its last lesson and the certificate only
// then; resume position; refusals with their code and no write; concurrent completions; counters
// equal to a recount; the database operations of one lesson completion (crashes:
// _core/learning-faults.test.ts).
import { recountCourseOf } from '../../../../cloudfunctions/_core/courseStats'
import { agree, allDocs } from '../fixtures'
import { C, call, cloud, courseDoc, enrolmentsOf, expectRefused, freshCourse, must, people, useCourseCloud, week } from './setup'

useCourseCloud()

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
    await agree(cloud, me)
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

describe('counters', () => {
  test('after several people, audiences and family members, every course counter equals its recount', async () => {
    const { courseId, lessonIds } = await freshCourse({ lessons: 3 })
    await agree(cloud, 'cr-senior')
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
