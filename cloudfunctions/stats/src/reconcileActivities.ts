// Reconcile, the activities phase: one chunk of activities (consecutive in _id order) recounted
// by group-bys over their raw registrations, check-ins, walk-ins and ratings, and compared with
// their kept counters and seatsLeft. The records are matched by an activityId range (the first
// to the last id of the chunk), which an index on activityId serves, instead of a list of ids.
import { ATTENDANCE_KEYS, hourKey, readArrivals } from '@shared/domain/attendance'
import { FEEDBACK_KEYS } from '@shared/domain/feedback'
import type { ReconcileDifference } from '@shared/contracts/stats'
import { COLLECTIONS, type ActivityDoc } from '../../_core/collections'
import type { Database } from '../../_core/cloud'
import { feedbackOf } from '../../_core/feedback'
import { aggregateDocs } from '../../_core/read'
import { attendanceOf, countersOf } from '../../_core/stats'

export type ReconciledActivity = Omit<ActivityDoc, 'description'>

/** Group rows an aggregation may answer (the cloud's cap is larger; a week has far fewer). */
const GROUP_LIMIT = 10_000

type Counts = Map<string, Map<string, number>>

function bump(m: Counts, id: string, field: string, n: number) {
  let f = m.get(id)
  if (!f) m.set(id, (f = new Map()))
  f.set(field, (f.get(field) ?? 0) + n)
}

async function groups<T>(
  db: Database,
  collection: string,
  match: Record<string, unknown>,
  key: Record<string, unknown>,
  acc: Record<string, unknown>,
): Promise<(T & { _id: Record<string, unknown> })[]> {
  return aggregateDocs<T & { _id: Record<string, unknown> }>(
    db
      .collection(collection)
      .aggregate()
      .match(match)
      .group({ _id: key, ...acc })
      .limit(GROUP_LIMIT),
  )
}

/**
 * Every counter of these activities (sorted by _id), recounted by group-bys over the raw records
 * whose activityId lies between the first and the last of them (records of other activities in
 * that range are grouped too and left unread; `districtCodes` narrows them for an organiser).
 */
async function recountChunk(
  db: Database,
  weekId: string,
  activityIds: string[],
  districtCodes: string[] | null,
  out: Counts,
): Promise<void> {
  const _ = db.command
  const $ = _.aggregate
  const first = activityIds[0]
  const last = activityIds[activityIds.length - 1]
  const match = {
    activityId: first === last ? first : _.gte(first).and(_.lte(last)),
    weekId,
    ...(districtCodes ? { districtCode: districtCodes.length === 1 ? districtCodes[0] : _.in(districtCodes) } : {}),
  }
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

  // One request after another: each one's time stays its own (seven sent at once would queue,
  // the last waiting for all the others), and a call holds one database connection at a time.
  const regs = await groups<{ n: number }>(
    db,
    COLLECTIONS.registrations,
    match,
    { a: '$activityId', s: '$status', p: '$proxy' },
    { n: one },
  )
  const checkins = await groups<{ n: number }>(
    db,
    COLLECTIONS.checkins,
    match,
    { a: '$activityId', aud: '$audience', p: '$proxy', f: '$firstInDistrict' },
    { n: one },
  )
  const checkinHours = await groups<{ n: number }>(
    db,
    COLLECTIONS.checkins,
    match,
    { a: '$activityId', ...hourParts('$scannedAt') },
    { n: one },
  )
  const checkinPlaces = await groups<{ n: number }>(db, COLLECTIONS.checkins, match, { a: '$activityId', c: '$community' }, { n: one })
  const walkins = await groups<{ n: number; heads: number }>(
    db,
    COLLECTIONS.walkins,
    match,
    { a: '$activityId', aud: '$audience' },
    { n: one, heads: $.sum('$headcount') },
  )
  const walkinHours = await groups<{ heads: number }>(
    db,
    COLLECTIONS.walkins,
    match,
    { a: '$activityId', ...hourParts('$createdAt') },
    { heads: $.sum('$headcount') },
  )
  const ratings = await groups<{ n: number; comments: number }>(
    db,
    COLLECTIONS.ratings,
    match,
    { a: '$activityId', l: '$level' },
    {
      n: one,
      comments: $.sum($.cond({ if: $.gt([$.strLenCP($.ifNull(['$comment', ''])), 0]), then: 1, else: 0 })),
    },
  )
  const results = [regs, checkins, checkinHours, checkinPlaces, walkins, walkinHours, ratings]
  // A capped answer may have left groups out: recount the halves instead.
  if (results.some((r) => r.length >= GROUP_LIMIT)) {
    if (activityIds.length === 1) throw new Error(`reconcile: activity ${activityIds[0]} has more than ${GROUP_LIMIT} groups`)
    const half = Math.ceil(activityIds.length / 2)
    await recountChunk(db, weekId, activityIds.slice(0, half), districtCodes, out)
    await recountChunk(db, weekId, activityIds.slice(half), districtCodes, out)
    return
  }
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

/** The kept counters of an activity as flat fields, comparable with the recount. */
function storedFields(
  doc: Parameters<typeof countersOf>[0] & Parameters<typeof attendanceOf>[0] & Parameters<typeof feedbackOf>[0],
): Map<string, number> {
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

function compare(id: string, name: string, stored: Map<string, number>, recounted: Map<string, number>, out: ReconcileDifference[]) {
  for (const field of new Set([...stored.keys(), ...recounted.keys()])) {
    const s = stored.get(field) ?? 0
    const r = recounted.get(field) ?? 0
    if (s !== r) out.push({ scope: 'activity', id, name, field, stored: s, recounted: r })
  }
}

/**
 * The work an activity's recount takes, estimated from its kept counters: records it is grouped
 * from, weighted by the group-bys each kind of record goes through. Only sizes the chunks.
 */
export function recountWork(doc: ReconciledActivity): number {
  const c = countersOf(doc)
  const a = attendanceOf(doc)
  const f = feedbackOf(doc)
  return 1 + c.confirmed + c.waitlisted + c.cancelled + 3 * a.checkedIn + 2 * a.walkIns + f.satisfied + f.basic + f.unsatisfied + f.skipped
}

export interface ActivityChunkCheck {
  differences: ReconcileDifference[]
  /**
   * The activities whose kept counters differ from their records: what a repair of this chunk
   * would rewrite (stats.reconcile with repair, not wired yet).
   */
  differingActivityIds: string[]
}

/** Recounts one chunk of activities (sorted by _id) and lists every difference from their kept counters. */
export async function checkActivityChunk(
  db: Database,
  weekId: string,
  docs: ReconciledActivity[],
  districtCodes: string[] | null,
): Promise<ActivityChunkCheck> {
  const recounted: Counts = new Map()
  if (docs.length > 0)
    await recountChunk(
      db,
      weekId,
      docs.map((d) => d._id),
      districtCodes,
      recounted,
    )
  const differences: ReconcileDifference[] = []
  for (const doc of docs) {
    const mine = recounted.get(doc._id) ?? new Map<string, number>()
    compare(doc._id, doc.title ?? '', storedFields(doc), mine, differences)
    if (doc.signup) {
      const seats = doc.signup.capacity - (mine.get('counters.confirmed') ?? 0)
      if (doc.seatsLeft !== seats)
        differences.push({
          scope: 'activity',
          id: doc._id,
          name: doc.title ?? '',
          field: 'seatsLeft',
          stored: doc.seatsLeft ?? 0,
          recounted: seats,
        })
    }
  }
  return { differences, differingActivityIds: [...new Set(differences.map((d) => d.id))] }
}
