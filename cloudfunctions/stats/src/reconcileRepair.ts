// Reconcile with repair (bureau admin): what a chunk found wrong is put right, and recorded.
//   before the recount: each activity's stale journal entries settled or reverted, free seats given
//     to its waitlist in order, a half-finished cancellation finished (repairActivity);
//   after it: the differing counters written back as recounted, only where({ _id, jrev }) as read
//     before the recount (a move since then refuses the write: the next run finds it again), and
//     never while a move is pending (its record may still be on its way); then the seats a
//     write-back freed go to the waitlist;
//   courses and books: their counters rewritten as recounted, only where their totals still are
//     as read and their jrev as read before the recount, never while a move is pending (stale
//     entries are repaired instead, for the next run).
import type { ReconcileDifference } from '@shared/contracts/stats'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS } from '../../_core/collections'
import type { PendingMap } from '../../_core/journal'
import { isStale } from '../../_core/journal'
import { readDocs } from '../../_core/read'
import { repairActivity, repairCounted, type RepairChange } from '../../_core/repair'
import { countersOf } from '../../_core/stats'
import { updateCount } from '../../_core/write'
import type { ReconciledActivity } from './reconcileActivities'

type Journaled = ReconciledActivity & { pending?: PendingMap; jrev?: number }

export interface RepairTally {
  /** Activities, courses and books whose counters were written back. */
  rewritten: number
  /** Differing activities left alone because a move was in flight. */
  busy: number
  changes: RepairChange[]
}

export const emptyTally = (): RepairTally => ({ rewritten: 0, busy: 0, changes: [] })

const wantsRepair = (d: Journaled, now: number) =>
  Object.values(d.pending ?? {}).some((e) => e && isStale(e, now)) ||
  (d.status === 'cancelled' && !!d.signup && !d.cancelFinishedAt) ||
  (d.status === 'published' && (d.seatsLeft ?? 0) > 0 && countersOf(d).waitlisted > 0)

/** Step 1: repairs the chunk's activities that need it; answers the chunk as it is afterwards. */
export async function repairBeforeRecount(db: Database, docs: Journaled[], now: number, tally: RepairTally): Promise<Journaled[]> {
  const touched: string[] = []
  for (const d of docs) {
    if (!wantsRepair(d, now)) continue
    const changes = await repairActivity(db, d._id, now)
    tally.changes.push(...changes)
    if (changes.length > 0) touched.push(d._id)
  }
  if (touched.length === 0) return docs
  const _ = db.command
  const fresh = await readDocs<Journaled>(
    db
      .collection(COLLECTIONS.activities)
      .where({ _id: _.in(touched) })
      .field({ description: false })
      .limit(touched.length),
  )
  const byId = new Map(fresh.map((d) => [d._id, d]))
  return docs.map((d) => byId.get(d._id) ?? d)
}

/** Step 2: writes the recounted values of the differing activities back. */
export async function writeBackActivities(
  db: Database,
  docs: Journaled[],
  differences: ReconcileDifference[],
  now: number,
  tally: RepairTally,
): Promise<void> {
  const _ = db.command
  const byId = new Map(docs.map((d) => [d._id, d]))
  const fields = new Map<string, ReconcileDifference[]>()
  for (const d of differences) if (d.scope === 'activity') fields.set(d.id, [...(fields.get(d.id) ?? []), d])
  for (const [id, diffs] of fields) {
    const doc = byId.get(id)
    if (!doc) continue
    if (Object.keys(doc.pending ?? {}).length > 0) {
      tally.busy++
      continue
    }
    const data: Record<string, unknown> = { jrev: _.inc(1), touchedAt: new Date(now) }
    for (const d of diffs) data[d.field] = d.recounted
    const where = { _id: id, jrev: typeof doc.jrev === 'number' ? doc.jrev : _.exists(false) }
    if ((await updateCount(db.collection(COLLECTIONS.activities).where(where), data)) !== 1) {
      tally.busy++
      continue
    }
    tally.rewritten++
    tally.changes.push({
      activityId: id,
      title: doc.title ?? '',
      weekId: doc.weekId,
      districtCode: doc.districtCode,
      kind: 'rewritten',
      ref: diffs
        .map((d) => `${d.field}:${d.stored}->${d.recounted}`)
        .join(' ')
        .slice(0, 300),
    })
    // Seats the write-back freed go to the waitlist, in order.
    const after = diffs.find((d) => d.field === 'seatsLeft')?.recounted ?? doc.seatsLeft ?? 0
    if (doc.status === 'published' && after > 0) tally.changes.push(...(await repairActivity(db, id, now)))
  }
}

/**
 * Courses and books: counters rewritten as recounted, only where their totals are still as read
 * and their journal revision is as read before the recount (`item`: read with pending and jrev), and
 * never while a move is pending (its record may still be on its way). Stale entries are repaired
 * instead (repairCounted): the next run recounts what that leaves.
 */
export async function writeBackCounters(
  db: Database,
  collection: typeof COLLECTIONS.courses | typeof COLLECTIONS.books,
  item: { _id: string; title?: string; weekId?: string; districtCode?: string; pending?: PendingMap; jrev?: number },
  stored: object,
  recounted: object,
  now: number,
  tally: RepairTally,
): Promise<void> {
  const _ = db.command
  const entries = Object.values(item.pending ?? {}).filter(Boolean)
  if (entries.length > 0) {
    if (entries.some((e) => isStale(e, now))) tally.changes.push(...(await repairCounted(db, collection, item._id, now)))
    tally.busy++
    return
  }
  const where: Record<string, unknown> = { _id: item._id, jrev: typeof item.jrev === 'number' ? item.jrev : _.exists(false) }
  for (const [k, v] of Object.entries(stored)) if (typeof v === 'number') where[`counters.${k}`] = v
  const written = await updateCount(db.collection(collection).where(where), {
    counters: _.set(recounted),
    jrev: _.inc(1),
    updatedAt: new Date(now),
  })
  if (written !== 1) {
    tally.busy++
    return
  }
  tally.rewritten++
  tally.changes.push({
    activityId: item._id,
    title: item.title ?? '',
    weekId: item.weekId ?? '',
    districtCode: item.districtCode ?? '',
    kind: 'rewritten',
    ref: collection,
  })
}
