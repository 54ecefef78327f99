// Courses: how a learner's progress moves, the counters it moves on the course, and the recount
// the kept counters must equal. Pure; the clock is passed in.
//
// A course keeps `counters`:
//   enrolled          enrolments (one per person per course; a family member is their own person)
//   lessonsCompleted  lessons marked 学会了 (one per lesson per enrolment)
//   completed         enrolments that completed every lesson of the course
//   byAudience        the same three per learner audience code ('unspecified' when unknown)
// Every enrolment and completion moves these by one `_.inc` update of the course in the same call
// that writes the enrolment. District, week and audience totals are sums over courses.

import { UNSPECIFIED_AUDIENCE } from './attendance'

export interface LearningCounts {
  enrolled: number
  lessonsCompleted: number
  completed: number
}

export interface CourseCounters extends LearningCounts {
  byAudience: Record<string, LearningCounts>
}

export const LEARNING_KEYS = ['enrolled', 'lessonsCompleted', 'completed'] as const

export const zeroLearning = (): LearningCounts => ({ enrolled: 0, lessonsCompleted: 0, completed: 0 })
export const zeroCourseCounters = (): CourseCounters => ({ ...zeroLearning(), byAudience: {} })

/** What one enrolment or lesson completion adds to its course (for one audience). */
export interface CourseDelta extends LearningCounts {
  audience: string
}

export function enrolDelta(audience: string | null | undefined): CourseDelta {
  return { audience: audience || UNSPECIFIED_AUDIENCE, enrolled: 1, lessonsCompleted: 0, completed: 0 }
}

export function lessonDelta(audience: string | null | undefined, courseCompleted: boolean): CourseDelta {
  return { audience: audience || UNSPECIFIED_AUDIENCE, enrolled: 0, lessonsCompleted: 1, completed: courseCompleted ? 1 : 0 }
}

/** A learner's progress through one course, as stored on the enrolment. */
export interface Progress {
  /** Ids of lessons marked 学会了, in the order they were done. */
  completedLessonIds: string[]
  /** Where they stopped: the lesson open last and the step shown (0-based). */
  position: { lessonId: string; step: number } | null
  completedAt: Date | null
}

export type LessonOutcome =
  | { kind: 'already_done' }
  | { kind: 'unknown_lesson' }
  | {
      kind: 'done'
      completedLessonIds: string[]
      /** The course is complete with this lesson (it was not before). */
      courseCompleted: boolean
    }

/**
 * Marking `lessonId` as done. The course completes exactly when every one of its current lessons
 * is done: lessons completed earlier that the organiser has since removed do not count towards it.
 */
export function completeLesson(
  progress: Pick<Progress, 'completedLessonIds' | 'completedAt'>,
  courseLessonIds: string[],
  lessonId: string,
): LessonOutcome {
  if (!courseLessonIds.includes(lessonId)) return { kind: 'unknown_lesson' }
  if (progress.completedLessonIds.includes(lessonId)) return { kind: 'already_done' }
  const completedLessonIds = [...progress.completedLessonIds, lessonId]
  const courseCompleted = !progress.completedAt && isCourseDone(completedLessonIds, courseLessonIds)
  return { kind: 'done', completedLessonIds, courseCompleted }
}

export function isCourseDone(completedLessonIds: string[], courseLessonIds: string[]): boolean {
  return courseLessonIds.length > 0 && courseLessonIds.every((id) => completedLessonIds.includes(id))
}

/** Lessons of the course done, and how many it has (for "第2课 / 共4课" and the progress bar). */
export function progressOf(completedLessonIds: string[], courseLessonIds: string[]): { done: number; total: number } {
  return { done: courseLessonIds.filter((id) => completedLessonIds.includes(id)).length, total: courseLessonIds.length }
}

/** Where to resume: the saved position if its lesson still exists, else the first lesson not done. */
export function resumeAt(
  progress: Pick<Progress, 'completedLessonIds' | 'position'> | null,
  courseLessonIds: string[],
): { lessonId: string; step: number } | null {
  if (!courseLessonIds.length) return null
  if (progress?.position && courseLessonIds.includes(progress.position.lessonId)) return progress.position
  const next = courseLessonIds.find((id) => !progress?.completedLessonIds.includes(id))
  return { lessonId: next ?? courseLessonIds[0], step: 0 }
}

/** Certificate number: stable for an enrolment, readable over the phone. */
export function certificateNo(weekId: string, completedAt: number, enrolmentSeq: string): string {
  const d = new Date(completedAt + 8 * 3_600_000)
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`
  return `${weekId.toUpperCase().slice(0, 8)}-${ymd}-${enrolmentSeq.toUpperCase().slice(0, 6)}`
}

/** Counters as stored (absent on courses nobody enrolled in yet). */
export function readCourseCounters(stored: Partial<Record<string, unknown>> | null | undefined): CourseCounters {
  const out = zeroCourseCounters()
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)
  for (const k of LEARNING_KEYS) out[k] = num(stored?.[k])
  const by = stored?.byAudience
  if (by && typeof by === 'object') {
    for (const [code, v] of Object.entries(by as Record<string, Record<string, unknown>>)) {
      const counts = zeroLearning()
      for (const k of LEARNING_KEYS) counts[k] = num(v?.[k])
      if (LEARNING_KEYS.some((k) => counts[k] !== 0)) out.byAudience[code] = counts
    }
  }
  return out
}

export function addCourseCounters(...list: CourseCounters[]): CourseCounters {
  const out = zeroCourseCounters()
  for (const c of list) {
    for (const k of LEARNING_KEYS) out[k] += c[k]
    for (const [code, v] of Object.entries(c.byAudience)) {
      const into = (out.byAudience[code] ??= zeroLearning())
      for (const k of LEARNING_KEYS) into[k] += v[k]
    }
  }
  return out
}

export function applyCourseDelta(c: CourseCounters, d: CourseDelta): CourseCounters {
  return addCourseCounters(c, {
    enrolled: d.enrolled,
    lessonsCompleted: d.lessonsCompleted,
    completed: d.completed,
    byAudience: { [d.audience]: { enrolled: d.enrolled, lessonsCompleted: d.lessonsCompleted, completed: d.completed } },
  })
}

/** The counters recomputed from raw enrolments: what the kept counters must equal. */
export function recountCourse(
  enrolments: { audience: string | null; completedLessonIds: string[]; completedAt: Date | string | null }[],
): CourseCounters {
  return addCourseCounters(
    ...enrolments.map((e) => {
      const counts = { enrolled: 1, lessonsCompleted: e.completedLessonIds.length, completed: e.completedAt ? 1 : 0 }
      return { ...counts, byAudience: { [e.audience || UNSPECIFIED_AUDIENCE]: { ...counts } } }
    }),
  )
}

export function sameCourseCounters(a: CourseCounters, b: CourseCounters): boolean {
  const norm = (c: CourseCounters) =>
    JSON.stringify([
      LEARNING_KEYS.map((k) => c[k]),
      Object.entries(readCourseCounters(c as unknown as Record<string, unknown>).byAudience).sort(([x], [y]) => x.localeCompare(y)),
    ])
  return norm(a) === norm(b)
}
