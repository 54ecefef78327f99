// An insert-once record (a check-in, a walk-in, a rating; an enrolment; a reading log) and the
// counters it moves on its counted document (the activity; the course; the book), crash-safe by the
// pending-move journal (journal.ts), in this order:
//   1. the counted document: the counters moved with a pending entry under `<kind>~<hash of the record id>`,
//      in ONE conditional update (the key must not be pending already)
//   2. the record inserted, carrying the entry's `op` (its deterministic _id refuses a second one)
//   3. the entry settled (removed); before it, an idempotent write that follows the record when
//      one is given (beforeSettle: a reader's totals), which the repair redoes for such records
// A call that dies after 1 leaves an entry the repair reverts (no record carries its op) or
// settles (one does) once it is older than SETTLE_AFTER_MS. A retry of the same request finds its
// own entry still pending and adopts it: the record is written as the first call would have
// written it (at the entry's time), so the counters moved and the record agree.
import type { Database } from './cloud'
import { COLLECTIONS } from './collections'
import { readPending, recordEntry, type RecordKind, revertMove, settleOwnMoves, writeMoves, type Move, type PendingEntry } from './journal'
import { readDocs } from './read'
import { clearStaleEntry } from './repair'
import { isDuplicateKey } from './write'

/** Rounds of "key pending, stale entry repaired, try again" before answering busy. */
const MAX_ROUNDS = 3

export interface CountedRecord<T> {
  kind: Exclude<RecordKind, 'r'>
  /** The record's collection. */
  collection: string
  /** The record's deterministic id (the journal key is made from it). */
  id: string
  /** The counted document's collection: activities unless given (courses, books). */
  counted?: string
  /** The counted document's id (an activity's, or a course's or book's with `counted`). */
  activityId: string
  /** The request's nonce (null without one): a pending entry with the same nonce is this request's. */
  nonce: string | null
  now: number
  /** The record and the counters it moves, as written at `at` (the move's time: now, or an adopted entry's). */
  build(at: number): { doc: T; inc: [string, number][] }
  /**
   * Whether a fresh pending entry of the key, not carrying this request's nonce, may be adopted
   * anyway (the same request without a nonce). Never, unless given.
   */
  adoptAlso?: (entry: PendingEntry, inc: [string, number][]) => boolean
  /**
   * A write of another document that follows the record (a reader's totals), run after the insert
   * (2) and before the settle (3), also when the record is this request's but a twin call wrote it;
   * never for another request's record. It must be idempotent: while the entry is pending, a retry
   * or the repair (which settles the entry because the record exists) may run it again.
   */
  beforeSettle?: (doc: T) => Promise<unknown>
}

export type CountedOutcome<T> =
  /** This call wrote the record (possibly completing its own earlier cut-off call's move). */
  | { status: 'written'; doc: T }
  /** The record carrying this request's move was written by a twin call of the same request. */
  | { status: 'followed'; existing: T }
  /** Another request's record is there: nothing of ours is left (our move taken back). `existing`: read when known. */
  | { status: 'duplicate'; existing: T | null | undefined }
  /** Another request's move of the same record is in flight (a fresh pending entry): nothing written. */
  | { status: 'busy' }

async function readRecord<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const [doc] = await readDocs<T>(db.collection(collection).where({ _id: id }).limit(1))
  return doc ?? null
}

/**
 * Writes 1-3 above. Answers 'written' on success; 'followed', 'duplicate' or 'busy' when the
 * record was (being) written by someone else, with nothing of this call's left behind.
 */
export async function insertCounted<T extends { _id: string; op?: string }>(db: Database, r: CountedRecord<T>): Promise<CountedOutcome<T>> {
  const counted = r.counted ?? COLLECTIONS.activities
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let built = r.build(r.now)
    let move: Move = recordEntry(r.kind, r.id, built.inc, r.now, r.nonce)
    let adopted = false
    if (!(await writeMoves(db, counted, r.activityId, [move]))) {
      const pending = await readPending(db, counted, r.activityId, move.key)
      if (!pending) continue // settled or reverted between the two: try again
      const ours = r.nonce !== null && pending.nonce === r.nonce
      if (ours || r.adoptAlso?.(pending, built.inc)) {
        // This request, cut off after its move: write the record as it would have been written.
        built = r.build(pending.at)
        move = { key: move.key, entry: pending }
        adopted = true
      } else if (await clearStaleEntry(db, r.activityId, move.key, r.now, counted)) {
        continue // a call that died long ago: repaired, try again
      } else {
        return { status: 'busy' }
      }
    }
    const doc = { ...built.doc, op: move.entry.op }
    try {
      await db.collection(r.collection).add({ data: doc })
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
      // An adopted entry's op may be on the record (a twin call of the same request wrote it): then
      // the move has followed. So may our fresh op when `adoptAlso` lets a concurrent call adopt
      // it; without it, our fresh op cannot be on a record yet: the record is another request's.
      const existing = adopted || r.adoptAlso ? await readRecord<T>(db, r.collection, r.id) : undefined
      if (existing && existing.op === move.entry.op) {
        await r.beforeSettle?.(existing)
        await settleOwnMoves(db, counted, r.activityId, [move])
        return { status: 'followed', existing }
      }
      await revertMove(db, counted, r.activityId, move, r.now)
      return { status: 'duplicate', existing }
    }
    await r.beforeSettle?.(doc)
    await settleOwnMoves(db, counted, r.activityId, [move])
    return { status: 'written', doc }
  }
  return { status: 'busy' }
}
