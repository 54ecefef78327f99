import {
  applyCourseDelta,
  certificateNo,
  completeLesson,
  enrolDelta,
  isCourseDone,
  lessonDelta,
  progressOf,
  readCourseCounters,
  recountCourse,
  resumeAt,
  sameCourseCounters,
  zeroCourseCounters,
} from './courseProgress'

const LESSONS = ['la', 'lb', 'lc']
const fresh = { completedLessonIds: [] as string[], completedAt: null }

describe('completeLesson', () => {
  test('a lesson not in the course is unknown', () => {
    expect(completeLesson(fresh, LESSONS, 'lz')).toEqual({ kind: 'unknown_lesson' })
  })

  test('a lesson done before is already done', () => {
    expect(completeLesson({ completedLessonIds: ['la'], completedAt: null }, LESSONS, 'la')).toEqual({ kind: 'already_done' })
  })

  test('the course is not complete before its last lesson', () => {
    expect(completeLesson({ completedLessonIds: ['la'], completedAt: null }, LESSONS, 'lb')).toEqual({
      kind: 'done',
      completedLessonIds: ['la', 'lb'],
      courseCompleted: false,
    })
  })

  test('the course completes exactly with its last lesson, in any order', () => {
    expect(completeLesson({ completedLessonIds: ['lc', 'la'], completedAt: null }, LESSONS, 'lb')).toMatchObject({ courseCompleted: true })
  })

  test('lessons the organiser removed do not count towards completion', () => {
    const out = completeLesson({ completedLessonIds: ['gone', 'la'], completedAt: null }, LESSONS, 'lb')
    expect(out).toMatchObject({ kind: 'done', courseCompleted: false })
    expect(isCourseDone(['gone', 'la', 'lb'], LESSONS)).toBe(false)
  })

  test('a course completed before does not complete again (a lesson added later)', () => {
    const out = completeLesson({ completedLessonIds: ['la', 'lb', 'lc'], completedAt: new Date(1) }, [...LESSONS, 'ld'], 'ld')
    expect(out).toMatchObject({ kind: 'done', courseCompleted: false })
  })

  test('a course without lessons is never done', () => {
    expect(isCourseDone([], [])).toBe(false)
  })
})

describe('progress and resume', () => {
  test('progress counts only current lessons', () => {
    expect(progressOf(['la', 'gone'], LESSONS)).toEqual({ done: 1, total: 3 })
  })

  test('resume at the saved position while its lesson exists', () => {
    expect(resumeAt({ completedLessonIds: ['la'], position: { lessonId: 'lb', step: 3 } }, LESSONS)).toEqual({ lessonId: 'lb', step: 3 })
  })

  test('resume at the first lesson not done when the saved lesson was removed or none was saved', () => {
    expect(resumeAt({ completedLessonIds: ['la'], position: { lessonId: 'gone', step: 2 } }, LESSONS)).toEqual({ lessonId: 'lb', step: 0 })
    expect(resumeAt(null, LESSONS)).toEqual({ lessonId: 'la', step: 0 })
    expect(resumeAt({ completedLessonIds: LESSONS, position: null }, LESSONS)).toEqual({ lessonId: 'la', step: 0 })
    expect(resumeAt(null, [])).toBeNull()
  })
})

describe('counters', () => {
  test('kept counters summed from deltas equal the recount of the enrolments', () => {
    const enrolments = [
      { audience: 'seniors', completedLessonIds: ['la', 'lb', 'lc'], completedAt: new Date(5) },
      { audience: 'seniors', completedLessonIds: ['la'], completedAt: null },
      { audience: null, completedLessonIds: [], completedAt: null },
      { audience: 'youth', completedLessonIds: ['lb', 'la'], completedAt: null },
    ]
    let kept = zeroCourseCounters()
    for (const e of enrolments) {
      kept = applyCourseDelta(kept, enrolDelta(e.audience))
      e.completedLessonIds.forEach((_, i) => {
        kept = applyCourseDelta(kept, lessonDelta(e.audience, Boolean(e.completedAt) && i === e.completedLessonIds.length - 1))
      })
    }
    const recounted = recountCourse(enrolments)
    expect(sameCourseCounters(kept, recounted)).toBe(true)
    expect(recounted).toEqual({
      enrolled: 4,
      lessonsCompleted: 6,
      completed: 1,
      byAudience: {
        seniors: { enrolled: 2, lessonsCompleted: 4, completed: 1 },
        unspecified: { enrolled: 1, lessonsCompleted: 0, completed: 0 },
        youth: { enrolled: 1, lessonsCompleted: 2, completed: 0 },
      },
    })
  })

  test('counters that differ are not the same', () => {
    const a = recountCourse([{ audience: 'seniors', completedLessonIds: ['la'], completedAt: null }])
    const b = recountCourse([{ audience: 'youth', completedLessonIds: ['la'], completedAt: null }])
    expect(sameCourseCounters(a, b)).toBe(false)
  })

  test('stored counters with missing or odd fields read as zeros, empty audiences dropped', () => {
    expect(readCourseCounters(undefined)).toEqual(zeroCourseCounters())
    expect(readCourseCounters({ enrolled: 2, completed: 'x', byAudience: { seniors: { enrolled: 2 }, youth: { enrolled: 0 } } })).toEqual({
      enrolled: 2,
      lessonsCompleted: 0,
      completed: 0,
      byAudience: { seniors: { enrolled: 2, lessonsCompleted: 0, completed: 0 } },
    })
  })
})

describe('certificateNo', () => {
  test('the week, the Shanghai date of completion and the enrolment sequence', () => {
    // 2026-11-23 17:00 UTC is 2026-11-24 in Shanghai
    expect(certificateNo('nc2026', Date.UTC(2026, 10, 23, 17), 'a1b2c3x')).toBe('NC2026-20261124-A1B2C3')
  })
})
