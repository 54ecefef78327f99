// Organiser actions: the courses of one's districts, create/edit a course with its lessons, publish
// or take it offline. An organiser is scoped to their district of a week; the week's admins to all
// its districts. Every rule is checked before the first write, so a refused call writes nothing.
import type { z } from 'zod'
import type { courseInputSchema } from '@shared/contracts/course'
import { zeroCourseCounters } from '@shared/domain/courseProgress'
import { topicKind } from '@shared/domain/vocabulary'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type ActivityDoc, type CourseDoc, type LessonDoc, type WeekDoc } from '../../_core/collections'
import { courseCountersOf } from '../../_core/courseStats'
import type { ActionContext } from '../../_core/handler'
import { randomId } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { districtsRunBy, isOrganiserOf, requireThat } from '../../_core/roles'
import { lessonDocId } from './context'
import { toCard } from './views'

type SaveInput = z.output<typeof courseInputSchema>

async function readOne<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const [doc] = await readDocs<T>(db.collection(collection).where({ _id: id }).limit(1))
  return doc ?? null
}

/** Courses of a week: the organiser's districts, all of them for the week's admins; drafts too. */
export async function manage(ctx: ActionContext, input: { weekId: string }) {
  const _ = ctx.db.command
  const caller = await ctx.caller()
  const districts = await districtsRunBy(ctx.db, caller, input.weekId)
  requireThat(districts === null || districts.length > 0)
  const where: Record<string, unknown> = { weekId: input.weekId }
  if (districts) where.districtCode = _.in(districts)
  const docs = await readDocs<CourseDoc>(ctx.db.collection(COLLECTIONS.courses).where(where).orderBy('_id', 'asc').limit(1000))
  return {
    courses: docs.map((d) => {
      const { enrolled, lessonsCompleted, completed } = courseCountersOf(d)
      return { ...toCard(d, null), counters: { enrolled, lessonsCompleted, completed }, activityIds: d.activityIds }
    }),
  }
}

/** A new course id: `<weekId>-c<time><random>`. */
function newCourseId(weekId: string, now: number): string {
  return `${weekId.slice(0, 40)}-c${now.toString(36)}${randomId(4)}`
}

/**
 * Creates a draft or edits a course. Lessons keep their ids (progress survives edits); a lesson
 * without an id gets `l` + random base36. Linked activities must be of the same week and district
 * (COURSE_ACTIVITY_INVALID). Writes the lesson documents first, then the course (its outline), then
 * removes lessons dropped from the outline.
 */
export async function save(ctx: ActionContext, input: SaveInput) {
  const { db } = ctx
  const _ = db.command
  const caller = await ctx.caller()
  requireThat(isOrganiserOf(caller, input.weekId, input.districtCode))

  const existing = input.courseId ? await readOne<CourseDoc>(db, COLLECTIONS.courses, input.courseId) : null
  if (input.courseId && (!existing || existing.weekId !== input.weekId)) throw new DomainError('COURSE_NOT_FOUND')
  if (existing) requireThat(isOrganiserOf(caller, existing.weekId, existing.districtCode))

  const week = await readOne<WeekDoc>(db, COLLECTIONS.weeks, input.weekId)
  if (!week) throw new DomainError('WEEK_NOT_FOUND')
  const district = week.districts.find((d) => d.code === input.districtCode)
  if (!district) throw new DomainError('DISTRICT_NOT_IN_WEEK')
  const kind = topicKind(input.topic)
  if (!kind) throw new DomainError('VALIDATION_FAILED')

  const activityIds = [...new Set(input.activityIds)]
  if (activityIds.length) {
    const found = await readDocs<Pick<ActivityDoc, '_id' | 'weekId' | 'districtCode'>>(
      db
        .collection(COLLECTIONS.activities)
        .where({ _id: _.in(activityIds) })
        .field({ _id: true, weekId: true, districtCode: true })
        .limit(100),
    )
    const ok = new Set(found.filter((a) => a.weekId === input.weekId && a.districtCode === input.districtCode).map((a) => a._id))
    if (activityIds.some((id) => !ok.has(id))) throw new DomainError('COURSE_ACTIVITY_INVALID')
  }

  const given = input.lessons.flatMap((l) => (l.id ? [l.id] : []))
  if (new Set(given).size !== given.length) throw new DomainError('VALIDATION_FAILED')
  const taken = new Set(given)
  const freshId = () => {
    let id: string
    do id = `l${randomId(6)}`
    while (taken.has(id))
    taken.add(id)
    return id
  }
  const lessons = input.lessons.map((l) => ({ ...l, id: l.id ?? freshId() }))

  const now = ctx.now()
  const at = new Date(now)
  const courseId = existing?._id ?? newCourseId(input.weekId, now)
  // Lessons first: the outline never names a lesson whose steps are not stored.
  for (const l of lessons) {
    const doc: Omit<LessonDoc, '_id'> = {
      courseId,
      lessonId: l.id,
      title: l.title,
      minutes: l.minutes,
      steps: l.steps.map((s) => ({ text: s.text, image: s.image, imageAlt: s.imageAlt, videoUrl: s.videoUrl, tip: s.tip })),
      updatedAt: at,
    }
    await db.collection(COLLECTIONS.lessons).doc(lessonDocId(courseId, l.id)).set({ data: doc })
  }
  const outline = lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes, stepCount: l.steps.length }))
  const fields = {
    weekId: input.weekId,
    districtCode: input.districtCode,
    districtName: district.name,
    kind,
    topic: input.topic,
    title: input.title,
    intro: input.intro,
    cover: input.cover,
  }
  if (existing) {
    await db
      .collection(COLLECTIONS.courses)
      .doc(courseId)
      .update({ data: { ...fields, lessons: _.set(outline), activityIds: _.set(activityIds), updatedAt: at } })
    const kept = new Set(lessons.map((l) => l.id))
    const dropped = existing.lessons.filter((l) => !kept.has(l.id)).map((l) => lessonDocId(courseId, l.id))
    if (dropped.length)
      await db
        .collection(COLLECTIONS.lessons)
        .where({ _id: _.in(dropped) })
        .remove()
    return { courseId, status: existing.status }
  }
  const doc: CourseDoc = {
    _id: courseId,
    ...fields,
    lessons: outline,
    activityIds,
    status: 'draft',
    counters: zeroCourseCounters(),
    createdBy: ctx.openid,
    publishedAt: null,
    createdAt: at,
    updatedAt: at,
  }
  await db.collection(COLLECTIONS.courses).add({ data: doc })
  return { courseId, status: 'draft' as const }
}

/** Publish a course (it needs at least one lesson) or take it back to draft. */
export async function publish(ctx: ActionContext, input: { courseId: string; published: boolean }) {
  const { db } = ctx
  const course = await readOne<CourseDoc>(db, COLLECTIONS.courses, input.courseId)
  if (!course) throw new DomainError('COURSE_NOT_FOUND')
  requireThat(isOrganiserOf(await ctx.caller(), course.weekId, course.districtCode))
  if (input.published && course.lessons.length === 0) throw new DomainError('VALIDATION_FAILED')
  const status = input.published ? ('published' as const) : ('draft' as const)
  if (course.status !== status) {
    const at = new Date(ctx.now())
    await db
      .collection(COLLECTIONS.courses)
      .doc(course._id)
      .update({ data: { status, updatedAt: at, ...(input.published ? { publishedAt: at } : {}) } })
  }
  return { courseId: course._id, status }
}
