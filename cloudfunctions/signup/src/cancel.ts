import { cancelRefusal } from '@shared/domain/signupRules'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { cancelActiveRegistration, settleOwnCancel } from '../../_core/cancel'
import { regKey, type PendingMap } from '../../_core/journal'
import { aggregateDocs } from '../../_core/read'
import { clearStaleEntry } from '../../_core/repair'
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
      await settleOwnCancel(db, activity._id, reg, activity.pending?.[regKey(reg._id)]?.op)
      throw new DomainError('ALREADY_CANCELLED')
    }
    if (reg.activityCancelled) throw new DomainError('ACTIVITY_CANCELLED')
    const refusal = cancelRefusal(toSignupTarget(activity), now)
    if (refusal) throw new DomainError(refusal)

    // 1. the activity: the seat handed over (or freed) or the waitlist place given up, with the
    //    pending entry naming this registration; 2. the registration flipped at its revision.
    if (!(await cancelActiveRegistration(db, activity, reg, now, input.nonce))) {
      await clearStaleEntry(db, activity._id, regKey(reg._id), now)
      continue
    }
    const cancelled: RegistrationDoc = { ...reg, status: 'cancelled', cancelledAt: at, updatedAt: at }
    return { registration: toRegistration(cancelled, activity, now, null) }
  }
  throw new DomainError('CONFLICT')
}
