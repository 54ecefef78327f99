// Seats and the waitlist, exact under concurrency and under crashes, without multi-document
// transactions.
//
// The activity document holds seatsLeft and the counters; a registration holds one person's status
// and its revision `rev` (1 when first written, +1 on every status change). Every status change is
// two writes, in this order (see journal.ts), then a third that only tidies:
//   1. the activity: counters and seatsLeft moved, with a pending entry for the registration (key
//      r~<hash of its id>) in ONE conditional update, e.g. taking a seat:
//        activities.where({ _id, status: 'published', seatsLeft: gt(0), 'pending.r~<h>': exists(false) })
//          .update({ seatsLeft: inc(-1), 'counters.confirmed': inc(1), 'pending.r~<h>': set(entry) })
//   2. the registration: inserted at rev 1, or where({ _id, rev }).update({ status, rev: rev + 1 }),
//      carrying the entry's op
//   3. the entry settled (removed)
// Invariants, each kept by a single-document update:
//   - seatsLeft = capacity - confirmed, and counters = a recount of the registrations, once every
//     pending entry has been settled (its registration reached the entry's rev) or reverted (it
//     did not: the move is taken back). The repair does both for entries older than
//     SETTLE_AFTER_MS, so a call that dies between 1 and 2 leaves no seat held by nobody.
//   - a registration has at most one pending move (its key is the same for every move), so two
//     promoters never promote the same person and a cancel never races a promotion.
//   - a seat freed by a cancellation goes straight to the first waitlisted registration, in the
//     same activity update as the cancellation (seatsLeft does not move), so a newcomer can never
//     jump the queue. Only when nobody waits is the seat given back (seatsLeft + 1), after which
//     the giver looks at the waitlist once more; a newly waitlisted registration, after its
//     insert, looks at the seats once more. Each side writes before it looks, so a seat freed
//     while someone is being waitlisted is never left empty (see fillFreeSeats).
//   - a promotion's notice has a deterministic id made of the registration and its revision: written by the
//     promoter, or by the repair when it settles the promotion, never twice.
import { transitionDelta, type CounterDelta, type RegistrationStatus } from '@shared/domain/counters'
import type { Database } from './cloud'
import { COLLECTIONS, type RegistrationDoc } from './collections'
import { stepId } from './ids'
import { readPending, regEntry, revertMove, revIs, revOf, settleOwnMoves, writeMoves, type Move } from './journal'
import { noticeFor, writeNotice, type NoticeActivity } from './outbox'
import { countDocs, readDocs } from './read'
import { updateCount } from './write'

const WAITLIST_BATCH = 20
/** Bounds the retry loops; each round is a few database operations. */
const MAX_ROUNDS = 200

const activities = (db: Database) => db.collection(COLLECTIONS.activities)
const registrations = (db: Database) => db.collection(COLLECTIONS.registrations)

/** A counter delta as journal amounts. */
export function deltaAmounts(delta: CounterDelta): [string, number][] {
  const out: [string, number][] = []
  if (delta.seatsLeft) out.push(['seatsLeft', delta.seatsLeft])
  for (const k of ['confirmed', 'waitlisted', 'cancelled', 'proxy'] as const) if (delta[k]) out.push([`counters.${k}`, delta[k]])
  return out
}

/** The journal move of one registration from its current state to `to`. */
export function registrationMove(
  reg: { _id: string; proxy: boolean; status: RegistrationStatus | null },
  to: RegistrationStatus,
  now: number,
  opts: { nonce?: string | null; then?: 'promoted' } = {},
): Move {
  const delta = transitionDelta(reg.status, to, reg.proxy)
  return regEntry({ regId: reg._id, to, inc: deltaAmounts(delta), now, nonce: opts.nonce, then: opts.then })
}

/** Moves the activity's counters (and seats) with pending entries; false when a key is pending or the condition fails. */
export function moveCounters(db: Database, activityId: string, moves: Move[], condition: Record<string, unknown> = {}): Promise<boolean> {
  return writeMoves(db, COLLECTIONS.activities, activityId, moves, condition)
}

/** The records of these moves have followed: their entries go (one write, best effort: the repair would too). */
export function settle(db: Database, activityId: string, moves: Move[]): Promise<void> {
  return settleOwnMoves(db, COLLECTIONS.activities, activityId, moves)
}

/** Takes a move back at once (its registration write was refused). */
export function undoMove(db: Database, activityId: string, move: Move, now: number): Promise<boolean> {
  return revertMove(db, COLLECTIONS.activities, activityId, move, now)
}

/** The first waitlisted registrations of an activity, in waitlist order. */
export function firstWaitlisted(db: Database, activityId: string, limit = WAITLIST_BATCH): Promise<RegistrationDoc[]> {
  return readDocs<RegistrationDoc>(registrations(db).where({ activityId, status: 'waitlisted' }).orderBy('waitKey', 'asc').limit(limit))
}

/** 1-based waitlist position of a waitlisted registration (one count). */
export async function waitlistPositionOf(db: Database, reg: Pick<RegistrationDoc, 'activityId' | 'waitKey'>): Promise<number> {
  const _ = db.command
  const ahead = await countDocs(registrations(db).where({ activityId: reg.activityId, status: 'waitlisted', waitKey: _.lt(reg.waitKey) }))
  return ahead + 1
}

/**
 * Write 2 of a status change: the registration moves from revision `fromRev` to the next, carrying
 * the op of its move. False when it was no longer at that revision (someone else moved it first).
 */
export async function moveRegistration(
  db: Database,
  regId: string,
  fromRev: number,
  from: RegistrationStatus,
  move: Move,
  data: Record<string, unknown>,
): Promise<boolean> {
  const where = { _id: regId, status: from, rev: revIs(db, fromRev) }
  return (await updateCount(registrations(db).where(where), { ...data, rev: fromRev + 1, op: move.entry.op })) === 1
}

/** The deterministic id of a promotion's notice. */
export const promotedNoticeId = (regId: string, rev: number) => stepId('promoted', regId, rev)

/** Writes a promotion's notice; false when it was written before. */
export function notifyPromoted(db: Database, reg: RegistrationDoc, rev: number, activity: NoticeActivity, now: number): Promise<boolean> {
  return writeNotice(db, { _id: promotedNoticeId(reg._id, rev), ...noticeFor('waitlist_promoted', reg, activity, now) })
}

/** Flips a promoted registration (after its move was written) and notifies; false when it no longer waited. */
async function completePromotion(db: Database, w: RegistrationDoc, move: Move, activity: NoticeActivity, now: number): Promise<boolean> {
  const at = new Date(now)
  const rev = revOf(w)
  if (
    !(await moveRegistration(db, w._id, rev, 'waitlisted', move, { status: 'confirmed', confirmedAt: at, promotedAt: at, updatedAt: at }))
  ) {
    return false
  }
  await notifyPromoted(db, w, rev + 1, activity, now)
  return true
}

/**
 * A confirmed registration leaves. Its move (`own`) goes to the activity together with the
 * promotion of the first registration still waiting, so the seat passes straight on, or, when
 * nobody waits, alone (seatsLeft + 1). Then `flipOwn` writes the leaving registration, then the
 * promoted one is flipped and notified, then (seat freed) the waitlist is looked at once more.
 * Concurrent promoters walk the same queue; the pending key of each waiting registration lets
 * exactly one of them have it. `written: false` (nothing left changed) when our own key is
 * pending elsewhere or `flipOwn` was refused.
 */
export async function handOverSeat(
  db: Database,
  activity: NoticeActivity,
  own: Move,
  now: number,
  flipOwn: () => Promise<boolean>,
): Promise<{ written: boolean; promoted: RegistrationDoc | null }> {
  const refused = { written: false, promoted: null }
  const batch = await firstWaitlisted(db, activity._id)
  for (const w of batch) {
    const promote = registrationMove(w, 'confirmed', now, { then: 'promoted' })
    if (!(await moveCounters(db, activity._id, [own, promote]))) {
      if (await readPending(db, COLLECTIONS.activities, activity._id, own.key)) return refused
      continue // this waiter is being moved by another call: the next one
    }
    if (!(await flipOwn())) {
      await undoMove(db, activity._id, own, now)
      await undoMove(db, activity._id, promote, now)
      return refused
    }
    if (await completePromotion(db, w, promote, activity, now)) {
      await settle(db, activity._id, [own, promote])
      return { written: true, promoted: { ...w, status: 'confirmed' } }
    }
    // The waiter left meanwhile: take the promotion back (the seat is then free) and fill.
    await undoMove(db, activity._id, promote, now)
    await settle(db, activity._id, [own])
    await fillFreeSeats(db, activity, now)
    return { written: true, promoted: null }
  }
  if (!(await moveCounters(db, activity._id, [own]))) return refused
  if (!(await flipOwn())) {
    await undoMove(db, activity._id, own, now)
    return refused
  }
  await settle(db, activity._id, [own])
  await fillFreeSeats(db, activity, now)
  return { written: true, promoted: null }
}

/**
 * While seats are free and people wait: move a seat to the first waiting registration (one
 * conditional activity update with its pending entry), flip it, notify them. Answers how many
 * were promoted.
 */
export async function fillFreeSeats(db: Database, activity: NoticeActivity, now: number): Promise<number> {
  const _ = db.command
  let promoted = 0
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await firstWaitlisted(db, activity._id)
    if (batch.length === 0) return promoted
    let progressed = false
    for (const w of batch) {
      const move = registrationMove(w, 'confirmed', now, { then: 'promoted' })
      if (!(await moveCounters(db, activity._id, [move], { status: 'published', seatsLeft: _.gt(0) }))) {
        const [act] = await readDocs<{ seatsLeft: number | null; status: string }>(
          activities(db).where({ _id: activity._id }).field({ seatsLeft: true, status: true }).limit(1),
        )
        if (!act || act.status !== 'published' || (act.seatsLeft ?? 0) <= 0) return promoted
        continue // this waiter's move is pending elsewhere: the next one
      }
      progressed = true
      if (await completePromotion(db, w, move, activity, now)) {
        promoted++
        await settle(db, activity._id, [move])
      } else {
        await undoMove(db, activity._id, move, now)
      }
      break
    }
    if (!progressed) return promoted
  }
  return promoted
}
