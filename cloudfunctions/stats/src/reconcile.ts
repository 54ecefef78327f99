// Reconcile: every kept counter recomputed from the raw records, and each difference reported.
// Group-bys in the database (one aggregation per record kind over the scope), so the cost is a
// few operations whatever the number of people; the per-course and per-book recounts are the
// ones their functions' tests use.
import { ATTENDANCE_KEYS, hourKey } from '@shared/domain/attendance'
import { FEEDBACK_KEYS } from '@shared/domain/feedback'
import { COLLECTIONS, type BookDoc, type CourseDoc } from '../../_core/collections'
import type { Database } from '../../_core/cloud'
import { recountCourseOf } from '../../_core/courseStats'
import type { ActionContext } from '../../_core/handler'
import { aggregateDocs, readDocs } from '../../_core/read'
import { recountBookOf } from '../../_core/readingStats'
import { isAdmin, requireThat } from '../../_core/roles'
import { attendanceOf, countersOf } from '../../_core/stats'
import { feedbackOf } from '../../_core/feedback'
import { readArrivals } from '@shared/domain/attendance'
import { mapBounded } from '../../_core/write'
import type { ReconcileDifference } from '@shared/contracts/stats'
import { activitiesOf } from './activities'

/** Group rows an aggregation may answer (the cloud's cap is larger; a week has far fewer). */
const GROUP_LIMIT = 10_000

type Counts = Map<string, Map<string, number>>

function bump(m: Counts, id: string, field: string, n: number) {
  let f = m.get(id)
  if (!f) m.set(id, (f = new Map()))
  f.set(field, (f.get(field) ?? 0) + n)
}

async function groups<T>(db: Database, collection: string, match: Record<string, unknown>, key: Record<string, unknown>, acc: Record<string, unknown>): Promise<(T & { _id: Record<string, unknown> })[]> {
  return aggregateDocs<T & { _id: Record<string, unknown> }>(
    db.collection(collection).aggregate().match(match).group({ _id: key, ...acc }).limit(GROUP_LIMIT),
  )
}

/** Activities recounted per round of group-bys; a round whose groups reach the cap is split. */
const CHUNK = 250

/** Every counter of these activities, recounted by group-bys over their raw records. */
async function recountChunk(db: Database, weekId: string, activityIds: string[], out: Counts): Promise<void> {
  const _ = db.command
  const $ = _.aggregate
  const match = { weekId, activityId: _.in(activityIds) }
  const one = $.sum(1)
  // Shanghai wall clock of an instant: shift by 8 hours and read the UTC parts.
  const local = (field: string) => $.add([field, 8 * 3_600_000])
  const hourParts = (field: string) => ({
    y: $.year(local(field)),
    m: $.month(local(field)),
    d: $.dayOfMonth(local(field)),
    h: $.hour(local(field)),
  })
  const partsKey = (p: Record<string, unknown>) => hourKey(Date.UTC(Number(p.y), Number(p.m) - 1, Number(p.d), Number(p.h)) - 8 * 3_600_000)

  const results = await Promise.all([
    groups<{ n: number }>(db, COLLECTIONS.registrations, match, { a: '$activityId', s: '$status', p: '$proxy' }, { n: one }),
    groups<{ n: number }>(db, COLLECTIONS.checkins, match, { a: '$activityId', aud: '$audience', p: '$proxy', f: '$firstInDistrict' }, { n: one }),
    groups<{ n: number }>(db, COLLECTIONS.checkins, match, { a: '$activityId', ...hourParts('$scannedAt') }, { n: one }),
    groups<{ n: number }>(db, COLLECTIONS.checkins, match, { a: '$activityId', c: '$community' }, { n: one }),
    groups<{ n: number; heads: number }>(db, COLLECTIONS.walkins, match, { a: '$activityId', aud: '$audience' }, { n: one, heads: $.sum('$headcount') }),
    groups<{ heads: number }>(db, COLLECTIONS.walkins, match, { a: '$activityId', ...hourParts('$createdAt') }, { heads: $.sum('$headcount') }),
    groups<{ n: number; comments: number }>(db, COLLECTIONS.ratings, match, { a: '$activityId', l: '$level' }, {
      n: one,
      comments: $.sum($.cond({ if: $.gt([$.strLenCP($.ifNull(['$comment', ''])), 0]), then: 1, else: 0 })),
    }),
  ])
  // A capped answer may have left groups out: recount the halves instead.
  if (results.some((r) => r.length >= GROUP_LIMIT)) {
    if (activityIds.length === 1) throw new Error(`reconcile: activity ${activityIds[0]} has more than ${GROUP_LIMIT} groups`)
    const half = Math.ceil(activityIds.length / 2)
    await recountChunk(db, weekId, activityIds.slice(0, half), out)
    await recountChunk(db, weekId, activityIds.slice(half), out)
    return
  }
  const [regs, checkins, checkinHours, checkinPlaces, walkins, walkinHours, ratings] = results
  for (const r of regs) {
    const a = String(r._id.a)
    bump(out, a, `counters.${r._id.s}`, r.n)
    if (r._id.p === true && r._id.s !== 'cancelled') bump(out, a, 'counters.proxy', r.n)
  }
  for (const r of checkins) {
    const a = String(r._id.a)
    bump(out, a, 'attendance.checkedIn', r.n)
    if (r._id.p === true) bump(out, a, 'attendance.proxyCheckedIn', r.n)
    bump(out, a, `attendance.byAudience.${r._id.aud || 'unspecified'}`, r.n)
    if (r._id.f === true) bump(out, a, 'attendance.people', r.n)
  }
  for (const r of checkinHours) bump(out, String(r._id.a), `attendance.byHour.${partsKey(r._id)}`, r.n)
  for (const r of checkinPlaces) {
    const c = typeof r._id.c === 'string' ? r._id.c.replace(/[.$\s]/g, '').slice(0, 30) : ''
    if (c) bump(out, String(r._id.a), `attendance.byCommunity.${c}`, r.n)
  }
  for (const r of walkins) {
    const a = String(r._id.a)
    bump(out, a, 'attendance.walkIns', r.n)
    bump(out, a, 'attendance.walkInHeadcount', r.heads)
    bump(out, a, `attendance.byAudience.${r._id.aud}`, r.heads)
  }
  for (const r of walkinHours) bump(out, String(r._id.a), `attendance.byHour.${partsKey(r._id)}`, r.heads)
  for (const r of ratings) {
    const a = String(r._id.a)
    bump(out, a, `feedback.${r._id.l}`, r.n)
    if (r._id.l !== 'skipped') bump(out, a, 'feedback.comments', r.comments)
  }
}

/** Distinct people checked in per district (the districts' `people` check). */
async function recountPeople(db: Database, weekId: string, districtCodes: string[] | null, out: Counts): Promise<void> {
  const _ = db.command
  const rows = await aggregateDocs<{ _id: string; n: number }>(
    db
      .collection(COLLECTIONS.checkins)
      .aggregate()
      .match({ weekId, ...(districtCodes ? { districtCode: _.in(districtCodes) } : {}) })
      .group({ _id: { d: '$districtCode', p: '$personId' } })
      .group({ _id: '$_id.d', n: _.aggregate.sum(1) })
      .limit(GROUP_LIMIT),
  )
  for (const r of rows) bump(out, `district:${r._id}`, 'people', r.n)
}

/** Every counter of the activities (and the districts' distinct people), recounted from the records. */
async function recountActivities(db: Database, weekId: string, activityIds: string[], districtCodes: string[] | null): Promise<Counts> {
  const out: Counts = new Map()
  await recountPeople(db, weekId, districtCodes, out)
  for (let i = 0; i < activityIds.length; i += CHUNK) await recountChunk(db, weekId, activityIds.slice(i, i + CHUNK), out)
  return out
}

/** The kept counters of an activity as flat fields, comparable with the recount. */
function storedFields(doc: Parameters<typeof countersOf>[0] & Parameters<typeof attendanceOf>[0] & Parameters<typeof feedbackOf>[0]): Map<string, number> {
  const m = new Map<string, number>()
  const c = countersOf(doc)
  for (const k of ['confirmed', 'waitlisted', 'cancelled', 'proxy'] as const) m.set(`counters.${k}`, c[k])
  const a = attendanceOf(doc)
  for (const k of ATTENDANCE_KEYS) m.set(`attendance.${k}`, a[k])
  for (const [k, v] of Object.entries(a.byAudience)) m.set(`attendance.byAudience.${k}`, v)
  const arr = readArrivals((doc as { attendance?: Record<string, unknown> }).attendance)
  m.set('attendance.people', arr.people)
  for (const [k, v] of Object.entries(arr.byHour)) m.set(`attendance.byHour.${k}`, v)
  for (const [k, v] of Object.entries(arr.byCommunity)) m.set(`attendance.byCommunity.${k}`, v)
  const f = feedbackOf(doc)
  for (const k of FEEDBACK_KEYS) m.set(`feedback.${k}`, f[k])
  return m
}

function compare(scope: ReconcileDifference['scope'], id: string, stored: Map<string, number>, recounted: Map<string, number>, out: ReconcileDifference[]) {
  for (const field of new Set([...stored.keys(), ...recounted.keys()])) {
    const s = stored.get(field) ?? 0
    const r = recounted.get(field) ?? 0
    if (s !== r) out.push({ scope, id, field, stored: s, recounted: r })
  }
}

export async function reconcile(ctx: ActionContext, input: { weekId: string }) {
  const { db } = ctx
  const caller = await ctx.caller()
  const admin = isAdmin(caller, input.weekId)
  const own = caller.roles.flatMap((r) => (r.role === 'organiser' && r.weekId === input.weekId ? [r.districtCode] : []))
  requireThat(admin || own.length > 0)
  const districtCodes = admin ? null : own

  const _ = db.command
  const scopeWhere = { weekId: input.weekId, ...(districtCodes ? { districtCode: _.in(districtCodes) } : {}) }
  const [activities, courses, books] = await Promise.all([
    activitiesOf(db, input.weekId, districtCodes ?? [], districtCodes === null),
    readDocs<Pick<CourseDoc, '_id'>>(db.collection(COLLECTIONS.courses).where(scopeWhere).field({ _id: true }).limit(1000)),
    readDocs<Pick<BookDoc, '_id'>>(db.collection(COLLECTIONS.books).where(scopeWhere).field({ _id: true }).limit(1000)),
  ])
  // Drafts hold no records; they are part of the recount so none is left out.
  const drafts = await readDocs<Parameters<typeof storedFields>[0] & { _id: string; districtCode: string; signup: { capacity: number } | null; seatsLeft: number | null }>(
    db.collection(COLLECTIONS.activities).where({ ...scopeWhere, status: 'draft' }).field({ description: false }).limit(1000),
  )
  const recounted = await recountActivities(db, input.weekId, [...activities, ...drafts].map((a) => a._id), districtCodes)
  const differences: ReconcileDifference[] = []
  const peopleByDistrict = new Map<string, number>()
  for (const doc of [...activities, ...drafts]) {
    const mine = recounted.get(doc._id) ?? new Map<string, number>()
    compare('activity', doc._id, storedFields(doc), mine, differences)
    if (doc.signup) {
      const seats = doc.signup.capacity - (mine.get('counters.confirmed') ?? 0)
      if (doc.seatsLeft !== seats) differences.push({ scope: 'activity', id: doc._id, field: 'seatsLeft', stored: doc.seatsLeft ?? 0, recounted: seats })
    }
    const people = readArrivals((doc as { attendance?: Record<string, unknown> }).attendance).people
    peopleByDistrict.set(doc.districtCode, (peopleByDistrict.get(doc.districtCode) ?? 0) + people)
  }
  const districts = new Set([...peopleByDistrict.keys(), ...[...recounted.keys()].filter((k) => k.startsWith('district:')).map((k) => k.slice(9))])
  for (const d of districts) {
    const stored = peopleByDistrict.get(d) ?? 0
    const actual = recounted.get(`district:${d}`)?.get('people') ?? 0
    if (stored !== actual) differences.push({ scope: 'district', id: d, field: 'people', stored, recounted: actual })
  }
  const courseChecks = await mapBounded(courses, 4, (c) => recountCourseOf(db, c._id))
  courseChecks.forEach((r, i) => {
    if (r && !r.agree) {
      for (const k of ['enrolled', 'lessonsCompleted', 'completed'] as const) {
        if (r.stored[k] !== r.recounted[k]) differences.push({ scope: 'course', id: courses[i]._id, field: `counters.${k}`, stored: r.stored[k], recounted: r.recounted[k] })
      }
    }
  })
  const bookChecks = await mapBounded(books, 4, (b) => recountBookOf(db, b._id))
  bookChecks.forEach((r, i) => {
    if (r && !r.agree) {
      for (const k of ['logs', 'minutes', 'readers'] as const) {
        if (r.stored[k] !== r.recounted[k]) differences.push({ scope: 'book', id: books[i]._id, field: `counters.${k}`, stored: r.stored[k], recounted: r.recounted[k] })
      }
    }
  })
  return {
    weekId: input.weekId,
    checked: { activities: activities.length + drafts.length, districts: districts.size, courses: courses.length, books: books.length },
    differences,
  }
}
