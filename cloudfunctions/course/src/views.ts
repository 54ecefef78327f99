// Stored documents -> the shapes the course contract answers.
import type { CourseCard, Enrolment } from '@shared/contracts/course'
import { progressOf, resumeAt } from '@shared/domain/courseProgress'
import type { CourseDoc, EnrolmentDoc } from '../../_core/collections'
import { courseCountersOf } from '../../_core/courseStats'

const ms = (d: Date | string | number) => new Date(d).getTime()

export const lessonIdsOf = (course: Pick<CourseDoc, 'lessons'>): string[] => course.lessons.map((l) => l.id)

export function toEnrolment(e: EnrolmentDoc, course: Pick<CourseDoc, 'lessons'>): Enrolment {
  const ids = lessonIdsOf(course)
  const { done, total } = progressOf(e.completedLessonIds, ids)
  return {
    courseId: e.courseId,
    memberId: e.memberId,
    learnerName: e.learnerName,
    completedLessonIds: e.completedLessonIds,
    done,
    total,
    resume: resumeAt(e, ids),
    enrolledAt: ms(e.createdAt),
    completedAt: e.completedAt ? ms(e.completedAt) : null,
  }
}

/** The card of a course; `mine` is the caller's own enrolment in it, if any. */
export function toCard(doc: CourseDoc, mine: Pick<EnrolmentDoc, 'completedLessonIds' | 'completedAt'> | null): CourseCard {
  const ids = lessonIdsOf(doc)
  return {
    id: doc._id,
    weekId: doc.weekId,
    districtCode: doc.districtCode,
    districtName: doc.districtName,
    kind: doc.kind,
    topic: doc.topic,
    title: doc.title,
    intro: doc.intro,
    cover: doc.cover,
    lessonCount: doc.lessons.length,
    totalMinutes: doc.lessons.reduce((n, l) => n + l.minutes, 0),
    enrolled: courseCountersOf(doc).enrolled,
    status: doc.status,
    mine: mine ? { ...progressOf(mine.completedLessonIds, ids), completed: Boolean(mine.completedAt) } : null,
  }
}
