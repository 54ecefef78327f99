// Reconcile, the districts phase: a district's distinct people checked in, counted in pages of its
// check-ins in personId order, so no single group-by grows with the district. A page takes the next
// `records` check-ins after the last person counted and groups them by person; the page's last
// person may have more check-ins beyond the page, which the next page skips (personId > last), so
// each person is counted exactly once. The kept figure it is compared with is the sum of the
// district's activities' attendance.people (each check-in that was its person's first in the
// district added one).
import { COLLECTIONS } from '../../_core/collections'
import type { Database } from '../../_core/cloud'
import { aggregateDocs } from '../../_core/read'

export interface PeoplePage {
  /** Distinct people in this page (none of them counted by an earlier page). */
  people: number
  /** The last person of the page: the next page starts after them. */
  last: string
  /** True when the district has no check-in after this page. */
  end: boolean
}

/** One page of a district's distinct people, after `personAfter` ('' for the first page). */
export async function countPeoplePage(
  db: Database,
  weekId: string,
  districtCode: string,
  personAfter: string,
  records: number,
): Promise<PeoplePage> {
  const _ = db.command
  const $ = _.aggregate
  const [row] = await aggregateDocs<{ people: number; records: number; last: string }>(
    db
      .collection(COLLECTIONS.checkins)
      .aggregate()
      .match({ weekId, districtCode, ...(personAfter ? { personId: _.gt(personAfter) } : {}) })
      .sort({ personId: 1 })
      .limit(records)
      .group({ _id: '$personId', n: $.sum(1) })
      .group({ _id: null, people: $.sum(1), records: $.sum('$n'), last: $.max('$_id') })
      .limit(1),
  )
  if (!row) return { people: 0, last: personAfter, end: true }
  return { people: row.people, last: String(row.last), end: row.records < records }
}

/** The district's kept distinct people: the sum of its activities' attendance.people (one operation). */
export async function storedPeople(db: Database, weekId: string, districtCode: string): Promise<number> {
  const _ = db.command
  const [row] = await aggregateDocs<{ people: number }>(
    db
      .collection(COLLECTIONS.activities)
      .aggregate()
      .match({ weekId, districtCode, status: _.in(['published', 'cancelled', 'draft']) })
      .group({ _id: null, people: _.aggregate.sum('$attendance.people') })
      .limit(1),
  )
  return row?.people ?? 0
}
