// A run of the repair over the recently touched activities, courses and books (the timer function,
// every minute) and the record it leaves in `repairs`. Bounded: it stops starting activities after `softMs`, and
// what it did not reach it reaches next minute (an activity stays "touched" for TOUCHED_WINDOW_MS).
import type { Database } from './cloud'
import { COLLECTIONS, type RepairDoc } from './collections'
import { randomId } from './ids'
import { SETTLE_AFTER_MS } from './journal'
import { needsRepair, repairCounted, touchedSince, type RepairChange } from './repair'

/** Activities touched within this window are looked at: long enough for a few missed runs. */
export const TOUCHED_WINDOW_MS = 15 * 60_000
/** Changes kept in one record; the rest are counted. */
export const REPAIR_CHANGES_KEPT = 200
const PAGE = 100

export interface RepairRunResult {
  checked: number
  changes: RepairChange[]
  ms: number
  /** True when the run stopped for time before looking at every touched activity. */
  partial: boolean
}

/**
 * Counted documents the timer looks at: activities, the courses and books of enrolments and reading
 * logs, and the nominations of likes and votes.
 */
const COUNTED = [COLLECTIONS.activities, COLLECTIONS.courses, COLLECTIONS.books, COLLECTIONS.nominations] as const

/** Repairs every activity, course and book touched since `now - TOUCHED_WINDOW_MS`, within `softMs`. */
export async function repairTouched(db: Database, now: number, softMs = 20_000): Promise<RepairRunResult> {
  const started = Date.now()
  const changes: RepairChange[] = []
  let checked = 0
  let after: string | null = null
  // Entries need SETTLE_AFTER_MS to be the repair's; a touch older than that plus the window is done.
  const since = now - TOUCHED_WINDOW_MS - SETTLE_AFTER_MS
  for (const collection of COUNTED) {
    after = null
    for (;;) {
      const docs = await touchedSince(db, since, after, PAGE, collection)
      for (const doc of docs) {
        if (Date.now() - started > softMs) return { checked, changes, ms: Date.now() - started, partial: true }
        // Read again (fresh, in full) only when the page's copy shows work to do.
        if (needsRepair(doc, now)) changes.push(...(await repairCounted(db, collection, doc._id, now)))
        checked++
      }
      if (docs.length < PAGE) break
      after = docs[docs.length - 1]._id
    }
  }
  return { checked, changes, ms: Date.now() - started, partial: false }
}

/**
 * Records a repair: a `run` record when something changed, and for the timer its heartbeat (when
 * it last ran, whatever it found). Two writes at most, each on its own: losing one loses a line of
 * the log, never a repair.
 */
export async function recordRepair(
  db: Database,
  by: string,
  now: number,
  run: Pick<RepairRunResult, 'checked' | 'changes' | 'ms'>,
): Promise<void> {
  const at = new Date(now)
  const base = { by, at, checked: run.checked, ms: run.ms }
  if (run.changes.length > 0) {
    const doc: RepairDoc = {
      _id: `${now.toString(36)}_${randomId(6)}`,
      kind: 'run',
      ...base,
      changes: run.changes.slice(0, REPAIR_CHANGES_KEPT),
      more: Math.max(0, run.changes.length - REPAIR_CHANGES_KEPT),
      weekIds: [...new Set(run.changes.map((c) => c.weekId))],
      districtCodes: [...new Set(run.changes.map((c) => c.districtCode))],
    }
    await db.collection(COLLECTIONS.repairs).add({ data: doc })
  }
  if (by === 'timer') {
    const beat: Omit<RepairDoc, '_id'> = {
      kind: 'heartbeat',
      ...base,
      changes: [],
      more: run.changes.length,
      weekIds: [],
      districtCodes: [],
    }
    await db.collection(COLLECTIONS.repairs).doc('timer').set({ data: beat })
  }
}
