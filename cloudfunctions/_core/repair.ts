// The repair: finishes what calls that died left behind, from the data alone (see journal.ts).
// For one activity:
//   1. pending entries older than SETTLE_AFTER_MS: the record followed -> settle (a promotion's
//      notice is written if missing, a reading log is added to its reader's totals if missing); it did not -> revert the move (seats and counters back)
//   2. seats free while registrations wait (a reverted move, a capacity raised by a call that
//      died before filling): the waitlist is filled in order, with the usual notices
//   3. a cancelled activity whose registrations were not all marked or told: mark and notify
// Every step is a conditional single-document write, so two repairs (the timer and an admin)
// running at once cannot apply a step twice. A course or a book (counted documents of enrolments and
// reading logs) only has step 1: no seats, no cancellation (repairCounted). What changed is answered, for the `repairs` record.
// Costs per activity: one read, one read per record collection with stale entries, one write per
// reverted entry, one to settle the rest (one per entry when one of them was settled meanwhile), and the fill or cancellation writes when needed.
import type { Database } from './cloud'
import { COLLECTIONS, type ActivityDoc, type ReadingLogDoc, type RegistrationDoc, type RepairChange } from './collections'
import { stepId } from './ids'
import { collectionOf, hasFollowed, isStale, readPending, revertMove, revOf, settleMoves, type Move, type PendingMap } from './journal'
import { noticeFor, writeNotice } from './outbox'
import { readDocs } from './read'
import { addLogToReader } from './readerTotals'
import { fillFreeSeats, notifyPromoted } from './seats'
import { mapBounded } from './write'

/** One change of a repair (stored in the `repairs` record; declared with it in collections.ts). */
export type { RepairChange }

/** Registrations read per page, notices written at once, when finishing a cancellation. */
const PAGE = 1000
const NOTIFY_CONCURRENCY = 16

type StaleRecord = { _id: string; op?: string } & Partial<RegistrationDoc>

/** The records carrying these ops (an index on `op` serves it), by op. */
async function recordsByOp(db: Database, collection: string, ops: string[]): Promise<Map<string, StaleRecord>> {
  const _ = db.command
  const out = new Map<string, StaleRecord>()
  for (let i = 0; i < ops.length; i += 1000) {
    const part = ops.slice(i, i + 1000)
    const docs = await readDocs<StaleRecord>(
      db
        .collection(collection)
        .where({ op: _.in(part) })
        .limit(part.length),
    )
    for (const d of docs) if (d.op) out.set(d.op, d)
  }
  return out
}

type CountedDoc = Pick<ActivityDoc, '_id' | 'title' | 'weekId' | 'districtCode'> & { pending?: PendingMap }

/**
 * Step 1: settles or reverts the stale pending entries of one counted document (an activity, a
 * course, a book). Follow-up notices are an activity's only.
 */
async function resolvePending(db: Database, collection: string, act: CountedDoc, now: number): Promise<RepairChange[]> {
  const stale = Object.entries(act.pending ?? {}).filter(([, e]) => e && isStale(e, now))
  if (stale.length === 0) return []
  const opsByCollection = new Map<string, string[]>()
  for (const [key, entry] of stale) {
    const c = collectionOf(key)
    if (c) opsByCollection.set(c, [...(opsByCollection.get(c) ?? []), entry.op])
  }
  const found = new Map<string, StaleRecord>()
  for (const [c, ops] of opsByCollection) for (const [op, d] of await recordsByOp(db, c, ops)) found.set(op, d)

  const changes: RepairChange[] = []
  const settled: Move[] = []
  for (const [key, entry] of stale) {
    const record = found.get(entry.op) ?? null
    if (hasFollowed(entry, record)) {
      settled.push({ key, entry })
      // A reading log's reader totals follow the log before its entry is settled (readerTotals.ts).
      if (record && collectionOf(key) === COLLECTIONS.readingLogs)
        await addLogToReader(db, record as unknown as ReadingLogDoc, new Date(now))
      if (entry.then === 'promoted' && record && collection === COLLECTIONS.activities) {
        if (await notifyPromoted(db, record as RegistrationDoc, revOf(record), act as ActivityDoc, now))
          changes.push(changeOf(act, 'notified', record._id))
      }
      continue
    }
    if (await revertMove(db, collection, act._id, { key, entry }, now)) changes.push(changeOf(act, 'reverted', key))
  }
  await settleMoves(db, collection, act._id, settled)
  if (settled.length > 0) changes.push(changeOf(act, 'settled', String(settled.length)))
  return changes
}

/**
 * Step 3 (and the rest of activity.cancel): a cancelled activity's active registrations are all
 * marked activityCancelled and told once (deterministic notice ids), then the activity records
 * cancelFinishedAt so a retry or the repair does not go over it again. Answers the notices written.
 */
export async function finishCancellation(db: Database, act: ActivityDoc, now: number): Promise<RepairChange[]> {
  const _ = db.command
  const registrations = db.collection(COLLECTIONS.registrations)
  const active = { activityId: act._id, status: _.in(['confirmed', 'waitlisted']) }
  await registrations.where({ ...active, activityCancelled: false }).update({ data: { activityCancelled: true, updatedAt: new Date(now) } })
  const changes: RepairChange[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<RegistrationDoc>(
      registrations
        .where({ ...active, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    const written = await mapBounded(page, NOTIFY_CONCURRENCY, (reg) =>
      writeNotice(db, { _id: cancelledNoticeId(reg._id), ...noticeFor('activity_cancelled', reg, act, now, act.cancelReason ?? null) }),
    )
    page.forEach((reg, i) => written[i] && changes.push(changeOf(act, 'notified', reg._id)))
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  await db
    .collection(COLLECTIONS.activities)
    .doc(act._id)
    .update({ data: { cancelFinishedAt: new Date(now) } })
  return changes
}

/** The deterministic id of an activity's cancellation notice to one registration. */
export const cancelledNoticeId = (regId: string) => stepId('cancelled', regId)

function changeOf(
  act: Pick<ActivityDoc, '_id' | 'title' | 'weekId' | 'districtCode'>,
  kind: RepairChange['kind'],
  ref: string,
): RepairChange {
  return { activityId: act._id, title: act.title ?? '', weekId: act.weekId, districtCode: act.districtCode, kind, ref }
}

/** Repairs one activity (read as it is now). */
export async function repairActivity(db: Database, activityId: string, now: number): Promise<RepairChange[]> {
  const [act] = await readDocs<ActivityDoc & { pending?: PendingMap }>(
    db.collection(COLLECTIONS.activities).where({ _id: activityId }).limit(1),
  )
  if (!act) return []
  const changes = await resolvePending(db, COLLECTIONS.activities, act, now)
  if (act.status === 'cancelled' && act.signup && !act.cancelFinishedAt) {
    changes.push(...(await finishCancellation(db, act, now)))
  } else if (act.status === 'published' && act.signup) {
    const [fresh] = await readDocs<ActivityDoc>(
      db.collection(COLLECTIONS.activities).where({ _id: activityId }).field({ seatsLeft: true, counters: true }).limit(1),
    )
    if ((fresh?.seatsLeft ?? 0) > 0 && (fresh?.counters?.waitlisted ?? 0) > 0) {
      const n = await fillFreeSeats(db, act, now)
      if (n > 0) changes.push(changeOf(act, 'promoted', String(n)))
    }
  }
  return changes
}

/**
 * Repairs one counted document of `collection` (read as it is now): an activity in full, a course or
 * a book (no seats) by its pending entries only.
 */
export async function repairCounted(db: Database, collection: string, id: string, now: number): Promise<RepairChange[]> {
  if (collection === COLLECTIONS.activities) return repairActivity(db, id, now)
  const [doc] = await readDocs<CountedDoc>(
    db
      .collection(collection)
      .where({ _id: id })
      .field({ _id: true, title: true, weekId: true, districtCode: true, pending: true })
      .limit(1),
  )
  return doc ? resolvePending(db, collection, doc, now) : []
}

/** What the timer reads of a touched document to tell whether it needs the repair at all. */
export type TouchedDoc = { _id: string; pending?: PendingMap } & Partial<
  Pick<ActivityDoc, 'status' | 'signup' | 'cancelFinishedAt' | 'seatsLeft' | 'counters'>
>

/**
 * Documents of `collection` (activities unless given: courses, books) touched (a counter moved, a
 * capacity changed, a cancellation) since `since`, paged by id, with what `needsRepair` looks at:
 * one read per page, so a minute's run costs a read per 100 touched documents, not one each.
 */
export async function touchedSince(
  db: Database,
  since: number,
  after: string | null,
  limit: number,
  collection: string = COLLECTIONS.activities,
): Promise<TouchedDoc[]> {
  const _ = db.command
  const where: Record<string, unknown> = { touchedAt: _.gte(new Date(since)) }
  if (after) where._id = _.gt(after)
  const fields =
    collection === COLLECTIONS.activities
      ? { _id: true, pending: true, status: true, signup: true, cancelFinishedAt: true, seatsLeft: true, counters: true }
      : { _id: true, pending: true }
  return readDocs<TouchedDoc>(db.collection(collection).where(where).orderBy('_id', 'asc').field(fields).limit(limit))
}

/**
 * Whether a touched document (as `touchedSince` read it) has anything for `repairCounted` to do:
 * a stale pending entry, an activity's unfinished cancellation, or free seats while people wait.
 * The same conditions repairActivity acts on, so skipping the rest changes nothing but the reads.
 */
export function needsRepair(doc: TouchedDoc, now: number): boolean {
  if (Object.values(doc.pending ?? {}).some((e) => e && isStale(e, now))) return true
  if (!doc.signup) return false
  if (doc.status === 'cancelled') return !doc.cancelFinishedAt
  return doc.status === 'published' && (doc.seatsLeft ?? 0) > 0 && (doc.counters?.waitlisted ?? 0) > 0
}

/**
 * An action found the key of its record pending: if that entry is stale (its call died), the
 * activity (course, book: `collection`) is repaired now so the action can go on; a fresh one
 * belongs to a call in flight. Answers whether it repaired.
 */
export async function clearStaleEntry(
  db: Database,
  activityId: string,
  key: string,
  now: number,
  collection: string = COLLECTIONS.activities,
): Promise<boolean> {
  const entry = await readPending(db, collection, activityId, key)
  if (!entry || !isStale(entry, now)) return false
  await repairCounted(db, collection, activityId, now)
  return true
}
