// What residents read: the week's courses, one course with their progress, one lesson's steps,
// and their own (and their family's) enrolments.
import type { CourseKind } from '@shared/domain/vocabulary'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type CourseDoc, type EnrolmentDoc, type LessonDoc, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { aggregateDocs, readDocs } from '../../_core/read'
import { toSummary } from '../../activity/src/mappers'
import { subPipeline } from '../../_core/pipeline'
import { lessonDocId, loadCourseContext, visibleCourse } from './context'
import { lessonIdsOf, toCard, toEnrolment } from './views'

const MAX = 1000
type Progressish = Pick<EnrolmentDoc, 'courseId' | 'completedLessonIds' | 'completedAt'>

/** The week asked for, else the latest published week (by start date). */
async function pickWeek(ctx: ActionContext, weekId: string | undefined): Promise<string | null> {
  if (weekId) return weekId
  const [week] = await readDocs<Pick<WeekDoc, '_id'>>(
    ctx.db.collection(COLLECTIONS.weeks).where({ status: 'published' }).orderBy('startDate', 'desc').field({ _id: true }).limit(1),
  )
  return week?._id ?? null
}

/**
 * Published courses of a week, optionally of one kind, with the caller's own progress: one read
 * of the courses and one of the caller's enrolments in that week (plus one to pick the week).
 */
export async function list(ctx: ActionContext, input: { weekId?: string; kind?: CourseKind }) {
  const { db } = ctx
  const weekId = await pickWeek(ctx, input.weekId)
  if (!weekId) return { weekId: null, courses: [] }
  const where: Record<string, unknown> = { weekId, status: 'published' }
  if (input.kind) where.kind = input.kind
  const [courses, mine] = await Promise.all([
    readDocs<CourseDoc>(db.collection(COLLECTIONS.courses).where(where).orderBy('_id', 'asc').limit(MAX)),
    readDocs<Progressish>(
      db
        .collection(COLLECTIONS.enrolments)
        .where({ openid: ctx.openid, memberId: null, weekId })
        .field({ courseId: true, completedLessonIds: true, completedAt: true })
        .limit(MAX),
    ),
  ])
  const byCourse = new Map(mine.map((e) => [e.courseId, e]))
  return { weekId, courses: courses.map((c) => toCard(c, byCourse.get(c._id) ?? null)) }
}

/** One course: outline, offline classes, and the learner's enrolment (the caller's or a family member's). One read. */
export async function get(ctx: ActionContext, input: { courseId: string; memberId?: string }) {
  const memberId = input.memberId ?? null
  const cc = await loadCourseContext(ctx.db, input.courseId, { learner: { openid: ctx.openid, memberId }, activities: true })
  const course = await visibleCourse(ctx, cc.course)
  const activities = cc.activities
    .filter((a) => a.status !== 'draft')
    .sort((a, b) => new Date(a.startAt).getTime() - new Date(b.startAt).getTime())
    .map(toSummary)
  const own = memberId === null ? cc.enrolment : null
  return {
    course: {
      ...toCard(course, own),
      lessons: course.lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes, stepCount: l.stepCount })),
      activities,
    },
    enrolment: cc.enrolment ? toEnrolment(cc.enrolment, course) : null,
  }
}

/**
 * One lesson's steps: the lesson document joined with the course's title and outline (for the
 * neighbours) in one read; the payload a senior's phone downloads per lesson.
 */
export async function lesson(ctx: ActionContext, input: { courseId: string; lessonId: string }) {
  const { db } = ctx
  const [row] = await aggregateDocs<CourseDoc & { lesson: LessonDoc[] }>(
    db
      .collection(COLLECTIONS.courses)
      .aggregate()
      .match({ _id: input.courseId })
      .project({ weekId: 1, districtCode: 1, title: 1, status: 1, 'lessons.id': 1 })
      .lookup({
        from: COLLECTIONS.lessons,
        pipeline: subPipeline(db)
          .match({ _id: lessonDocId(input.courseId, input.lessonId) })
          .limit(1)
          .done(),
        as: 'lesson',
      })
      .limit(1),
  )
  const { lesson: found, ...course } = row ?? { lesson: [] }
  const visible = await visibleCourse(ctx, row ? (course as CourseDoc) : null)
  const ids = lessonIdsOf(visible)
  const index = ids.indexOf(input.lessonId)
  const doc = found[0]
  if (index < 0 || !doc) throw new DomainError('LESSON_NOT_FOUND')
  return {
    courseId: visible._id,
    courseTitle: visible.title,
    lesson: {
      id: doc.lessonId,
      title: doc.title,
      minutes: doc.minutes,
      steps: doc.steps.map((s) => ({ text: s.text, image: s.image, imageAlt: s.imageAlt, videoUrl: s.videoUrl, tip: s.tip })),
    },
    index,
    total: ids.length,
    prevLessonId: index > 0 ? ids[index - 1] : null,
    nextLessonId: index < ids.length - 1 ? ids[index + 1] : null,
  }
}

/** The caller's and their family's enrolments, newest first, with their courses: two reads. */
export async function mine(ctx: ActionContext) {
  const { db } = ctx
  const _ = db.command
  const enrolments = await readDocs<EnrolmentDoc>(
    db.collection(COLLECTIONS.enrolments).where({ openid: ctx.openid }).orderBy('updatedAt', 'desc').limit(MAX),
  )
  if (!enrolments.length) return { items: [] }
  const courseIds = [...new Set(enrolments.map((e) => e.courseId))]
  const courses = await readDocs<CourseDoc>(
    db
      .collection(COLLECTIONS.courses)
      .where({ _id: _.in(courseIds), status: 'published' })
      .limit(MAX),
  )
  const byId = new Map(courses.map((c) => [c._id, c]))
  const own = new Map(enrolments.filter((e) => e.memberId === null).map((e) => [e.courseId, e]))
  return {
    items: enrolments.flatMap((e) => {
      const course = byId.get(e.courseId)
      return course ? [{ course: toCard(course, own.get(e.courseId) ?? null), enrolment: toEnrolment(e, course) }] : []
    }),
  }
}
