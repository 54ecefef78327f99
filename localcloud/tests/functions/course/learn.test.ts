// `course` src/learn.ts (list, get, lesson) through the real wx-server-sdk against the local cloud:
// the published courses of a week with their outline, never drafts; a course with its lessons and
// linked offline class; a lesson with its steps and neighbours; an organiser's draft preview.
import { ORGANISER } from '../fixtures'
import { C, call, D, east, expectRefused, must, people, useCourseCloud, week } from './setup'

useCourseCloud()

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
