// Sign-up counters: the update data that moves them, and the district / week totals as sums over
// activities. A total costs one aggregation over the week's activities, never a scan of people.
import {
  COUNTER_KEYS,
  readCounters,
  recount,
  sumCounters,
  type ActivityCounters,
  type CounterDelta,
} from '@shared/domain/counters'
import type { Database } from './cloud'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from './collections'
import { aggregateDocs, readDocs } from './read'

type Command = Database['command']

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
