// `course` src/manage.ts (manage, save, publish) through the real wx-server-sdk against the local
// cloud, with the one-action totals.ts grouped in: organiser scope, refusals with their code and no
// write, the kind following the topic, edits that keep lesson ids, drafts listed with counters,
// totals that sum them, unpublishing.
import { courseInput, lessonInput } from '../courseFixtures'
import { ADMIN, allDocs, ORGANISER, OTHER_ORGANISER } from '../fixtures'
import { C, call, cloud, courseDoc, D, east, expectRefused, freshCourse, must, people, useCourseCloud, week, west } from './setup'

useCourseCloud()

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
