// The activities of a scope with their kept counters: one read per 1000 activities (the
// description left out), and each activity's figures as the dashboard and the 总结表 show them.
import { addArrivals, participantsOf, readArrivals, type Arrivals, type Attendance } from '@shared/domain/attendance'
import { addFeedback, type Feedback } from '@shared/domain/feedback'
import { COLLECTIONS, type ActivityDoc } from '../../_core/collections'
import type { Database } from '../../_core/cloud'
import { feedbackOf } from '../../_core/feedback'
import { readDocs } from '../../_core/read'
import { attendanceOf, countersOf } from '../../_core/stats'

export type ActivityRow = Omit<ActivityDoc, 'description'>

const PAGE = 1000

/** Published and cancelled activities of the week in these districts (drafts are not the week's yet). */
export async function activitiesOf(db: Database, weekId: string, districtCodes: string[], allDistricts: boolean): Promise<ActivityRow[]> {
  const _ = db.command
  const scope = allDistricts ? {} : { districtCode: districtCodes.length === 1 ? districtCodes[0] : _.in(districtCodes) }
  const out: ActivityRow[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<ActivityRow>(
      db
        .collection(COLLECTIONS.activities)
        .where({ weekId, ...scope, status: _.in(['published', 'cancelled']), ...(after ? { _id: _.gt(after) } : {}) })
        .orderBy('_id', 'asc')
        .field({ description: false })
        .limit(PAGE),
    )
    out.push(...page)
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}

export interface Figures {
  activities: number
  capacity: number
  registered: number
  waitlisted: number
  checkedIn: number
  walkInHeadcount: number
  participants: number
  /** Distinct people checked in + walk-in heads. */
  people: number
  attendance: Attendance
  arrivals: Arrivals
  feedback: Feedback
}

export const ms = (d: Date | string | number) => new Date(d).getTime()

/** The figures of a set of published activities, from their kept counters. */
export function figuresOf(rows: ActivityRow[]): Figures {
  let capacity = 0
  let registered = 0
  let waitlisted = 0
  const att: Attendance[] = []
  const arr: Arrivals[] = []
  const fb: Feedback[] = []
  for (const r of rows) {
    const c = countersOf(r)
    capacity += r.signup?.capacity ?? 0
    registered += c.confirmed
    waitlisted += c.waitlisted
    att.push(attendanceOf(r))
    arr.push(readArrivals(r.attendance as Record<string, unknown> | undefined))
    fb.push(feedbackOf(r))
  }
  const attendance = att.reduce(
    (a, b) => ({
      checkedIn: a.checkedIn + b.checkedIn,
      proxyCheckedIn: a.proxyCheckedIn + b.proxyCheckedIn,
      walkIns: a.walkIns + b.walkIns,
      walkInHeadcount: a.walkInHeadcount + b.walkInHeadcount,
      byAudience: Object.entries(b.byAudience).reduce((m, [k, v]) => ({ ...m, [k]: (m[k] ?? 0) + v }), a.byAudience),
    }),
    { checkedIn: 0, proxyCheckedIn: 0, walkIns: 0, walkInHeadcount: 0, byAudience: {} as Record<string, number> },
  )
  const arrivals = addArrivals(...arr)
  return {
    activities: rows.length,
    capacity,
    registered,
    waitlisted,
    checkedIn: attendance.checkedIn,
    walkInHeadcount: attendance.walkInHeadcount,
    participants: participantsOf(attendance),
    people: arrivals.people + attendance.walkInHeadcount,
    attendance,
    arrivals,
    feedback: addFeedback(...fb),
  }
}

export const unitOf = (f: Figures) => ({
  activities: f.activities,
  capacity: f.capacity,
  registered: f.registered,
  waitlisted: f.waitlisted,
  checkedIn: f.checkedIn,
  walkInHeadcount: f.walkInHeadcount,
  participants: f.participants,
})

/** Groups rows by a key, keeping first-seen order. */
export function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const k = key(r)
    const list = out.get(k)
    if (list) list.push(r)
    else out.set(k, [r])
  }
  return out
}
