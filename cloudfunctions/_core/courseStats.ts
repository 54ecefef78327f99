// Course counters: the `_.inc` update data that moves them, the week totals (by district, kind and
// audience) as sums over the week's course documents, and the reconcile check of one course.
import {
  LEARNING_KEYS,
  addCourseCounters,
  readCourseCounters,
  recountCourse,
  sameCourseCounters,
  zeroLearning,
  type CourseCounters,
  type CourseDelta,
  type LearningCounts,
} from '@shared/domain/courseProgress'
import type { Command, Database } from './cloud'
import { COLLECTIONS, type CourseDoc, type EnrolmentDoc } from './collections'
import { readDocs } from './read'

const PAGE = 1000

/** The [path, amount] pairs a course moves for one enrolment or completion (zero parts left out): a journal entry's. */
export function courseAmounts(delta: CourseDelta): [string, number][] {
  const out: [string, number][] = []
  for (const k of LEARNING_KEYS) {
    if (!delta[k]) continue
    out.push([`counters.${k}`, delta[k]], [`counters.byAudience.${delta.audience}.${k}`, delta[k]])
  }
  return out
}

/** `_.inc` update data of a course for one enrolment or completion (zero parts left out). */
export function courseIncData(_: Command, delta: CourseDelta): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [path, n] of courseAmounts(delta)) data[path] = _.inc(n)
  return data
}

export function courseCountersOf(doc: Pick<CourseDoc, 'counters'>): CourseCounters {
  return readCourseCounters(doc.counters as Record<string, unknown> | undefined)
}

export interface CourseTotals extends LearningCounts {
  /** Published courses counted. */
  courses: number
}

export interface WeekCourseTotals {
  total: CourseTotals
  byDistrict: Record<string, CourseTotals>
  byKind: Record<string, CourseTotals>
  byAudience: Record<string, LearningCounts>
}

const learningOf = (c: LearningCounts): LearningCounts => ({
  enrolled: c.enrolled,
  lessonsCompleted: c.lessonsCompleted,
  completed: c.completed,
})

/** Every document of a query over `_id` pages of 1000 (a read answers at most 1000). */
async function paged<T extends { _id: string }>(
  db: Database,
  collection: string,
  where: Record<string, unknown>,
  field?: Record<string, boolean>,
): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  let after = ''
  for (;;) {
    let q = db
      .collection(collection)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
    if (field) q = q.field(field)
    const page = await readDocs<T>(q.limit(PAGE))
    out.push(...page)
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}

/**
 * Learning totals of a week: sums of the kept counters of its courses (one read per 1000 courses,
 * counter fields only), never a scan of enrolments. Counters of every course count (learning
 * done in a course later taken offline stays learning done); `courses` counts published ones.
 */
export async function courseTotals(db: Database, weekId: string, districtCodes: string[] | null = null): Promise<WeekCourseTotals> {
  const _ = db.command
  const scope = districtCodes ? { districtCode: _.in(districtCodes) } : {}
  const rows = await paged<Pick<CourseDoc, '_id' | 'districtCode' | 'kind' | 'status' | 'counters'>>(
    db,
    COLLECTIONS.courses,
    { weekId, ...scope },
    { _id: true, districtCode: true, kind: true, status: true, counters: true },
  )
  const units = rows.map((r) => ({ row: r, counters: courseCountersOf(r), courses: r.status === 'published' ? 1 : 0 }))
  const totalsOf = (list: typeof units): CourseTotals => ({
    ...learningOf(addCourseCounters(...list.map((u) => u.counters))),
    courses: list.reduce((n, u) => n + u.courses, 0),
  })
  const group = (by: (r: (typeof rows)[number]) => string) => {
    const out: Record<string, CourseTotals> = {}
    for (const k of [...new Set(rows.map(by))]) out[k] = totalsOf(units.filter((u) => by(u.row) === k))
    return out
  }
  const all = addCourseCounters(...units.map((u) => u.counters))
  const byAudience: Record<string, LearningCounts> = {}
  for (const [code, v] of Object.entries(all.byAudience)) byAudience[code] = { ...zeroLearning(), ...v }
  return { total: totalsOf(units), byDistrict: group((r) => r.districtCode), byKind: group((r) => r.kind), byAudience }
}

export interface CourseRecount {
  stored: CourseCounters
  recounted: CourseCounters
  agree: boolean
}

/** The reconcile check of one course: its kept counters next to a recount of its raw enrolments. */
export async function recountCourseOf(db: Database, courseId: string): Promise<CourseRecount | null> {
  const [doc] = await readDocs<CourseDoc>(db.collection(COLLECTIONS.courses).where({ _id: courseId }).limit(1))
  if (!doc) return null
  const enrolments = await paged<Pick<EnrolmentDoc, '_id' | 'audience' | 'completedLessonIds' | 'completedAt'>>(
    db,
    COLLECTIONS.enrolments,
    { courseId },
    { _id: true, audience: true, completedLessonIds: true, completedAt: true },
  )
  const stored = courseCountersOf(doc)
  const recounted = recountCourse(enrolments)
  return { stored, recounted, agree: sameCourseCounters(stored, recounted) }
}
