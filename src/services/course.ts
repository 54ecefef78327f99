// The course domain's calls (学习课堂): the catalogue, a course and its lessons, enrolling, progress
// and completed lessons, certificates, the caller's learning, and the organiser's course editing.
import type { ActionName, InputOf, OutputOf } from '@shared/contracts'
import { courseContract } from '@shared/contracts/course'
import { registerContract } from './contractRegistry'
import { callCloud } from './callCloud'

registerContract('course', courseContract)

type In<A extends ActionName<'course'>> = InputOf<'course', A>
type Out<A extends ActionName<'course'>> = Promise<OutputOf<'course', A>>

/** Published courses, of one kind or all. */
export function listCourses(input: In<'list'>): Out<'list'> {
  return callCloud('course', 'list', input)
}

/** One course, with the learner's enrolment (self or a family member). */
export function getCourse(input: In<'get'>): Out<'get'> {
  return callCloud('course', 'get', input)
}

/** One lesson with its steps. */
export function getLesson(input: In<'lesson'>): Out<'lesson'> {
  return callCloud('course', 'lesson', input)
}

export function enrolInCourse(input: In<'enrol'>): Out<'enrol'> {
  return callCloud('course', 'enrol', input)
}

/** Remembers the step a learner is on. */
export function saveLessonProgress(input: In<'progress'>): Out<'progress'> {
  return callCloud('course', 'progress', input)
}

export function completeLesson(input: In<'completeLesson'>): Out<'completeLesson'> {
  return callCloud('course', 'completeLesson', input)
}

export function getCertificate(input: In<'certificate'>): Out<'certificate'> {
  return callCloud('course', 'certificate', input)
}

/** The caller's and their family's enrolments. */
export function myLearning(): Out<'mine'> {
  return callCloud('course', 'mine', {})
}

/** The courses of a week an organiser manages, drafts included, with their counts. */
export function listManagedCourses(weekId: string): Out<'manage'> {
  return callCloud('course', 'manage', { weekId })
}

export function saveCourse(input: In<'save'>): Out<'save'> {
  return callCloud('course', 'save', input)
}

/** Publishes a course or takes it offline. */
export function setCoursePublished(courseId: string, published: boolean): Out<'publish'> {
  return callCloud('course', 'publish', { courseId, published })
}

/** The week's learning totals. */
export function courseTotals(weekId: string): Out<'totals'> {
  return callCloud('course', 'totals', { weekId })
}
