import { cancelRefusal } from '@shared/domain/signupRules'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import type { Database } from '../../_core/cloud'
import { readPending, regKey, revOf, settleFollowed, type Move, type PendingMap } from '../../_core/journal'
import { aggregateDocs, readDocs } from '../../_core/read'
import { clearStaleEntry } from '../../_core/repair'
import { handOverSeat, moveCounters, moveRegistration, registrationMove, settle, undoMove } from '../../_core/seats'
import { toRegistration, toSignupTarget } from './views'

/** A registration changing under us (promoted, cancelled elsewhere) is looked at again this often. */
const ATTEMPTS = 3

/**
 * Cancels the caller's own (or their family member's) registration before the deadline. A
 * confirmed seat goes to the first waitlisted person (notified) or back to the activity.
 * Someone else's registration answers REGISTRATION_NOT_FOUND: its existence is not revealed.
 */
export async function cancel(ctx: ActionContext, input: { registrationId: string; nonce?: string }) {
  const { db } = ctx
  const now = ctx.now()
  const at = new Date(now)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // The registration with its activity: one operation.
    const [row] = await aggregateDocs<RegistrationDoc & { activity: (ActivityDoc & { pending?: PendingMap })[] }>(
      db
        .collection(COLLECTIONS.registrations)
        .aggregate()
        .match({ _id: input.registrationId })
        .lookup({ from: COLLECTIONS.activities, localField: 'activityId', foreignField: '_id', as: 'activity' })
        .limit(1),
    )
    if (!row || row.openid !== ctx.openid) throw new DomainError('REGISTRATION_NOT_FOUND')
    const { activity: joined, ...reg } = row
    const activity = joined[0]
    if (!activity) throw new DomainError('REGISTRATION_NOT_FOUND')
    if (reg.status === 'cancelled') {
      // A retry after the first call flipped the registration but died before settling its move.
      if (activity.pending?.[regKey(reg._id)]?.op === reg.op)
        await settleFollowed(db, COLLECTIONS.activities, activity._id, regKey(reg._id), reg.op)
      throw new DomainError('ALREADY_CANCELLED')
    }
    if (reg.activityCancelled) throw new DomainError('ACTIVITY_CANCELLED')
    const refusal = cancelRefusal(toSignupTarget(activity), now)
    if (refusal) throw new DomainError(refusal)

    // 1. the activity: the seat handed over (or freed) or the waitlist place given up, with the
    //    pending entry naming this registration; 2. the registration flipped at its revision.
    const rev = revOf(reg)
    const own = registrationMove(reg, 'cancelled', now, { nonce: input.nonce })
    const done =
      reg.status === 'waitlisted'
        ? await leaveWaitlist(db, activity._id, reg, rev, own, at, now)
        : await handOverSeat(db, activity, own, now, () => flip(db, reg, rev, own, at))
    if (!done.written) {
      // Our key is pending: this very request, cut off after its first write (finish it), a stale
      // move of a dead call (repaired first), or another request moving this registration now.
      if (!(await adoptOwnCancel(db, activity._id, reg, rev, input.nonce, at))) {
        await clearStaleEntry(db, activity._id, own.key, now)
        continue
      }
    }
    const cancelled: RegistrationDoc = { ...reg, status: 'cancelled', cancelledAt: at, updatedAt: at }
    return { registration: toRegistration(cancelled, activity, now, null) }
  }
  throw new DomainError('CONFLICT')
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
