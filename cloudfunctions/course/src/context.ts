// What a course action decides on, read in ONE database operation: the course, joined with the
// learner's enrolment and, when asked, the caller's account (profile, family), the week and the
// course's offline activities.
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type ActivityDoc, type CourseDoc, type EnrolmentDoc, type UserDoc, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { personIdOf } from '../../_core/ids'
import { aggregateDocs, readDocs } from '../../_core/read'
import { isOrganiserOf } from '../../_core/roles'
import { subPipeline } from '../../_core/pipeline'

/** `<courseId>_<personId>`: one enrolment per person per course. */
export function enrolmentId(courseId: string, personId: string): string {
  return `${courseId}_${personId}`
}

/** `<courseId>_<lessonId>`: the document holding one lesson's steps. */
export function lessonDocId(courseId: string, lessonId: string): string {
  return `${courseId}_${lessonId}`
}

export interface CourseContext {
  course: CourseDoc | null
  enrolment: EnrolmentDoc | null
  user: Pick<UserDoc, 'profile' | 'family'> | null
  week: WeekDoc | null
  activities: ActivityDoc[]
}

export interface CourseContextOptions {
  /** The learner whose enrolment to join: the caller (memberId null) or their family member. */
  learner?: { openid: string; memberId: string | null }
  /** Join the caller's account (profile and family). */
  user?: string
  week?: boolean
  activities?: boolean
}

export async function loadCourseContext(db: Database, courseId: string, opts: CourseContextOptions = {}): Promise<CourseContext> {
  const pipeline = () => subPipeline(db)
  let query = db.collection(COLLECTIONS.courses).aggregate().match({ _id: courseId })
  if (opts.learner) {
    const id = enrolmentId(courseId, personIdOf(opts.learner.openid, opts.learner.memberId))
    query = query.lookup({ from: COLLECTIONS.enrolments, pipeline: pipeline().match({ _id: id }).limit(1).done(), as: 'enrolment' })
  }
  if (opts.user) {
    query = query.lookup({
      from: COLLECTIONS.users,
      pipeline: pipeline().match({ _id: opts.user }).project({ profile: 1, family: 1 }).limit(1).done(),
      as: 'user',
    })
  }
  if (opts.week) query = query.lookup({ from: COLLECTIONS.weeks, localField: 'weekId', foreignField: '_id', as: 'week' })
  if (opts.activities)
    query = query.lookup({ from: COLLECTIONS.activities, localField: 'activityIds', foreignField: '_id', as: 'activities' })
  const [row] = await aggregateDocs<
    CourseDoc & { enrolment?: EnrolmentDoc[]; user?: UserDoc[]; week?: WeekDoc[]; activities?: ActivityDoc[] }
  >(query.limit(1))
  if (!row) return { course: null, enrolment: null, user: null, week: null, activities: [] }
  const { enrolment, user, week, activities, ...course } = row
  return {
    course: course as CourseDoc,
    enrolment: enrolment?.[0] ?? null,
    user: user?.[0] ?? null,
    week: week?.[0] ?? null,
    activities: activities ?? [],
  }
}

export async function readEnrolment(db: Database, id: string): Promise<EnrolmentDoc | null> {
  const [doc] = await readDocs<EnrolmentDoc>(db.collection(COLLECTIONS.enrolments).where({ _id: id }).limit(1))
  return doc ?? null
}

/** Organisers of the course's district (admins of its week). */
export async function mayManage(ctx: ActionContext, course: Pick<CourseDoc, 'weekId' | 'districtCode'>): Promise<boolean> {
  return isOrganiserOf(await ctx.caller(), course.weekId, course.districtCode)
}

/**
 * The course when the caller may see it: published courses to everyone, drafts only to the
 * organisers who may edit them (a resident is told it does not exist). The roles are read only
 * for a draft, so a resident's call costs nothing extra.
 */
export async function visibleCourse(ctx: ActionContext, course: CourseDoc | null): Promise<CourseDoc> {
  if (!course) throw new DomainError('COURSE_NOT_FOUND')
  if (course.status !== 'published' && !(await mayManage(ctx, course))) throw new DomainError('COURSE_NOT_FOUND')
  return course
}
