// A registration cancelled by its own account: the status change of seats.ts (the activity's move
// with its pending entry first, then the registration flipped at its revision, then the entry
// settled), a confirmed seat handed straight to the first waiting registration (notified) or given
// back. Shared by signup.cancel (the resident's cancel) and privacy.erase (a person deleting their
// data cancels their upcoming registrations first), so both move the waitlist, the counters and the
// journal the same way.
import type { Database } from './cloud'
import { COLLECTIONS, type RegistrationDoc } from './collections'
import { readPending, regKey, revOf, settleFollowed, type Move } from './journal'
import { readDocs } from './read'
import { handOverSeat, moveCounters, moveRegistration, registrationMove, settle, undoMove } from './seats'
import type { NoticeActivity } from './outbox'

/**
 * Cancels an active (confirmed or waitlisted) registration of `activity`. `nonce` names the request:
 * a retry with the same nonce that finds its own move pending (its first call cut off after the
 * activity's write) finishes that move instead of starting another. False when nothing was written
 * because the registration's key is pending for another move (a stale one is the caller's to clear
 * with clearStaleEntry before trying again) or the registration changed under us.
 */
export async function cancelActiveRegistration(
  db: Database,
  activity: NoticeActivity,
  reg: RegistrationDoc,
  now: number,
  nonce: string | undefined,
): Promise<boolean> {
  const at = new Date(now)
  const rev = revOf(reg)
  const own = registrationMove(reg, 'cancelled', now, { nonce })
  const done =
    reg.status === 'waitlisted'
      ? await leaveWaitlist(db, activity._id, reg, rev, own, at, now)
      : await handOverSeat(db, activity, own, now, () => flip(db, reg, rev, own, at))
  if (done.written) return true
  // Our key is pending: this very request, cut off after its first write (finish it), a stale
  // move of a dead call (the caller repairs it first), or another request moving this registration now.
  return adoptOwnCancel(db, activity._id, reg, rev, nonce, at)
}

/** A registration found cancelled: a retry whose first call flipped it but died before settling its move settles it. */
export async function settleOwnCancel(
  db: Database,
  activityId: string,
  reg: RegistrationDoc,
  pendingOp: string | undefined,
): Promise<void> {
  if (pendingOp !== undefined && pendingOp === reg.op) await settleFollowed(db, COLLECTIONS.activities, activityId, regKey(reg._id), reg.op)
}

/**
 * Write 2 of a cancellation: the registration at revision `rev` becomes cancelled, carrying the op
 * of `own`. Also true when it was refused because a retry of this very request (same nonce) adopted
 * our move and flipped it first: then the registration carries our op and the move must stand.
 */
async function flip(db: Database, reg: RegistrationDoc, rev: number, own: Move, at: Date): Promise<boolean> {
  if (await moveRegistration(db, reg._id, rev, reg.status, own, { status: 'cancelled', cancelledAt: at, updatedAt: at })) return true
  const [now] = await readDocs<RegistrationDoc>(
    db.collection(COLLECTIONS.registrations).where({ _id: reg._id }).field({ op: true }).limit(1),
  )
  return now?.op === own.entry.op
}

/** A waitlisted registration leaves: its move, its flip, the entry settled. */
async function leaveWaitlist(db: Database, activityId: string, reg: RegistrationDoc, rev: number, own: Move, at: Date, now: number) {
  if (!(await moveCounters(db, activityId, [own]))) return { written: false }
  if (!(await flip(db, reg, rev, own, at))) {
    await undoMove(db, activityId, own, now)
    return { written: false }
  }
  await settle(db, activityId, [own])
  return { written: true }
}

/**
 * The registration's pending move is this very request's (same nonce, to cancelled), its first call
 * cut off after moving the counters: flip the registration with that move's op and settle it. A
 * seat it handed to a waiter is that waiter's pending move, finished or taken back by the repair.
 */
async function adoptOwnCancel(
  db: Database,
  activityId: string,
  reg: RegistrationDoc,
  rev: number,
  nonce: string | undefined,
  at: Date,
): Promise<boolean> {
  if (!nonce) return false
  const entry = await readPending(db, COLLECTIONS.activities, activityId, regKey(reg._id))
  if (!entry || entry.nonce !== nonce || entry.to !== 'cancelled') return false
  const move: Move = { key: regKey(reg._id), entry }
  if (!(await flip(db, reg, rev, move, at))) return false
  await settleFollowed(db, COLLECTIONS.activities, activityId, move.key, entry.op)
  return true
}
