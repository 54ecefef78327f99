// Sign-up counters: the update data that moves them, and the district / week totals as sums over
// activities. A total costs one aggregation over the week's activities, never a scan of people.
import { COUNTER_KEYS, readCounters, recount, sumCounters, type ActivityCounters, type CounterDelta } from '@shared/domain/counters'
import {
  ATTENDANCE_KEYS,
  addAttendance,
  participantsOf,
  readAttendance,
  recountAttendance,
  type Attendance,
  type AttendanceDelta,
  type Arrivals,
} from '@shared/domain/attendance'
import type { Command, Database } from './cloud'
import { COLLECTIONS, type ActivityDoc, type CheckinDoc, type RegistrationDoc, type WalkinDoc } from './collections'
import { aggregateDocs, readDocs } from './read'

/** `_.inc` update data for a counter delta (zero parts left out). */
export function incData(_: Command, delta: CounterDelta): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  if (delta.seatsLeft) data.seatsLeft = _.inc(delta.seatsLeft)
  for (const k of COUNTER_KEYS) if (delta[k]) data[`counters.${k}`] = _.inc(delta[k])
  return data
}

export function countersOf(doc: Pick<ActivityDoc, 'counters'>): ActivityCounters {
  return readCounters(doc.counters)
}

export interface UnitTotals extends ActivityCounters {
  /** Published activities counted (drafts and cancelled activities are left out). */
  activities: number
  /** Seats offered by activities with sign-up, and seats still free. */
  capacity: number
  seatsLeft: number
}

export interface WeekTotals {
  weekId: string
  byDistrict: Record<string, UnitTotals>
  total: UnitTotals
}

const ZERO_UNIT: UnitTotals = { confirmed: 0, waitlisted: 0, cancelled: 0, proxy: 0, activities: 0, capacity: 0, seatsLeft: 0 }

/**
 * Totals of a week by district: one aggregation grouping the week's published activities by
 * district and summing their counters. Cost grows with the number of activities only.
 */
export async function weekTotals(db: Database, weekId: string): Promise<WeekTotals> {
  const _ = db.command
  const $ = _.aggregate
  const num = (path: string) => $.ifNull([path, 0])
  const rows = await aggregateDocs<Record<string, number> & { _id: string }>(
    db
      .collection(COLLECTIONS.activities)
      .aggregate()
      .match({ weekId, status: 'published' })
      .group({
        _id: '$districtCode',
        activities: $.sum(1),
        capacity: $.sum(num('$signup.capacity')),
        seatsLeft: $.sum(num('$seatsLeft')),
        confirmed: $.sum(num('$counters.confirmed')),
        waitlisted: $.sum(num('$counters.waitlisted')),
        cancelled: $.sum(num('$counters.cancelled')),
        proxy: $.sum(num('$counters.proxy')),
      })
      .limit(1000),
  )
  const byDistrict: Record<string, UnitTotals> = {}
  for (const row of rows) {
    const unit = { ...ZERO_UNIT }
    for (const k of Object.keys(ZERO_UNIT) as (keyof UnitTotals)[]) unit[k] = Number(row[k] ?? 0)
    byDistrict[row._id] = unit
  }
  const units = Object.values(byDistrict)
  const total: UnitTotals = {
    ...sumCounters(units),
    activities: units.reduce((n, u) => n + u.activities, 0),
    capacity: units.reduce((n, u) => n + u.capacity, 0),
    seatsLeft: units.reduce((n, u) => n + u.seatsLeft, 0),
  }
  return { weekId, byDistrict, total }
}

export interface Recount {
  stored: ActivityCounters & { seatsLeft: number | null }
  recounted: ActivityCounters & { seatsLeft: number | null }
  agree: boolean
}

/**
 * The reconcile check of one activity: its kept counters and seatsLeft next to a recount from
 * its raw registrations (paged, 1000 per read). For the reconcile job and the tests; the
 * dashboards read the kept counters.
 */
export async function recountActivity(db: Database, activityId: string): Promise<Recount | null> {
  const _ = db.command
  const [doc] = await readDocs<ActivityDoc>(db.collection(COLLECTIONS.activities).where({ _id: activityId }).limit(1))
  if (!doc) return null
  const regs: Pick<RegistrationDoc, '_id' | 'status' | 'proxy'>[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<RegistrationDoc>(
      db
        .collection(COLLECTIONS.registrations)
        .where({ activityId, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ _id: true, status: true, proxy: true })
        .limit(1000),
    )
    regs.push(...page)
    if (page.length < 1000) break
    after = page[page.length - 1]._id
  }
  const counted = recount(regs)
  const stored = { ...countersOf(doc), seatsLeft: doc.seatsLeft }
  const recounted = { ...counted, seatsLeft: doc.signup ? doc.signup.capacity - counted.confirmed : null }
  const agree = COUNTER_KEYS.every((k) => stored[k] === recounted[k]) && stored.seatsLeft === recounted.seatsLeft
  return { stored, recounted, agree }
}

// ------------------------------------------------------------------ attendance (check-ins, walk-ins)

/** The [path, amount] pairs an attendance delta and its arrivals move (zero parts left out): a journal entry's `inc`. */
export function attendanceAmounts(delta: AttendanceDelta, arrivals?: Arrivals): [string, number][] {
  const out: [string, number][] = []
  for (const k of ATTENDANCE_KEYS) if (delta[k]) out.push([`attendance.${k}`, delta[k]])
  for (const [code, v] of Object.entries(delta.byAudience)) if (v) out.push([`attendance.byAudience.${code}`, v])
  if (arrivals) {
    if (arrivals.people) out.push(['attendance.people', arrivals.people])
    for (const [k, v] of Object.entries(arrivals.byHour)) if (v) out.push([`attendance.byHour.${k}`, v])
    for (const [k, v] of Object.entries(arrivals.byCommunity)) if (v) out.push([`attendance.byCommunity.${k}`, v])
  }
  return out
}

/** `_.inc` update data for an attendance delta and its arrivals (zero parts left out). */
export function attendanceIncData(_: Command, delta: AttendanceDelta, arrivals?: Arrivals): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [path, n] of attendanceAmounts(delta, arrivals)) data[path] = _.inc(n)
  return data
}

export function attendanceOf(doc: Pick<ActivityDoc, 'attendance'>): Attendance {
  return readAttendance(doc.attendance as Record<string, unknown> | undefined)
}

export interface AttendanceTotals extends Attendance {
  activities: number
  /** Confirmed registrations. */
  registered: number
  participants: number
}

const totalsOf = (list: { activities: number; registered: number; attendance: Attendance }[]): AttendanceTotals => {
  const attendance = addAttendance(...list.map((x) => x.attendance))
  return {
    ...attendance,
    activities: list.reduce((n, x) => n + x.activities, 0),
    registered: list.reduce((n, x) => n + x.registered, 0),
    participants: participantsOf(attendance),
  }
}

/**
 * Attendance of a week's published activities by district, by content type and in total: sums of
 * the activities' kept counters (one read per 1000 activities, only the counter fields), never a
 * scan of people. Per-audience figures are in each unit's byAudience.
 */
export async function attendanceTotals(
  db: Database,
  weekId: string,
  /** Only these districts (null: all). */
  districtCodes: string[] | null = null,
): Promise<{ total: AttendanceTotals; byDistrict: Record<string, AttendanceTotals>; byType: Record<string, AttendanceTotals> }> {
  const _ = db.command
  const rows: Pick<ActivityDoc, '_id' | 'districtCode' | 'type' | 'counters' | 'attendance'>[] = []
  let after = ''
  const scope = districtCodes ? { districtCode: _.in(districtCodes) } : {}
  for (;;) {
    const page = await readDocs<ActivityDoc>(
      db
        .collection(COLLECTIONS.activities)
        .where({ weekId, status: 'published', ...scope, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ _id: true, districtCode: true, type: true, counters: true, attendance: true })
        .limit(1000),
    )
    rows.push(...page)
    if (page.length < 1000) break
    after = page[page.length - 1]._id
  }
  const units = rows.map((r) => ({ key: r, activities: 1, registered: countersOf(r).confirmed, attendance: attendanceOf(r) }))
  const group = (by: (r: (typeof rows)[number]) => string) => {
    const out: Record<string, AttendanceTotals> = {}
    const keys = [...new Set(units.map((u) => by(u.key)))]
    for (const k of keys) out[k] = totalsOf(units.filter((u) => by(u.key) === k))
    return out
  }
  return { total: totalsOf(units), byDistrict: group((r) => r.districtCode), byType: group((r) => r.type) }
}

async function allOf<T extends { _id: string }>(db: Database, collection: string, where: Record<string, unknown>): Promise<T[]> {
  const _ = db.command
  const out: T[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<T>(
      db
        .collection(collection)
        .where({ ...where, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(1000),
    )
    out.push(...page)
    if (page.length < 1000) return out
    after = page[page.length - 1]._id
  }
}

export interface AttendanceRecount {
  stored: Attendance
  recounted: Attendance
  agree: boolean
}

/** The reconcile check of one activity's attendance: kept counters next to a recount of its raw check-ins and walk-ins. */
export async function recountAttendanceOf(db: Database, activityId: string): Promise<AttendanceRecount | null> {
  const [doc] = await readDocs<ActivityDoc>(db.collection(COLLECTIONS.activities).where({ _id: activityId }).limit(1))
  if (!doc) return null
  const [checkins, walkins] = await Promise.all([
    allOf<CheckinDoc>(db, COLLECTIONS.checkins, { activityId }),
    allOf<WalkinDoc>(db, COLLECTIONS.walkins, { activityId }),
  ])
  const stored = attendanceOf(doc)
  const recounted = recountAttendance(checkins, walkins)
  const norm = (a: Attendance) =>
    JSON.stringify([
      ATTENDANCE_KEYS.map((k) => a[k]),
      Object.entries(a.byAudience)
        .filter(([, v]) => v !== 0)
        .sort(),
    ])
  return { stored, recounted, agree: norm(stored) === norm(recounted) }
}
