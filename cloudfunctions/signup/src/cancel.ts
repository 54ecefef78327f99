import { transitionDelta } from '@shared/domain/counters'
import { cancelRefusal } from '@shared/domain/signupRules'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc, type RegistrationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { aggregateDocs } from '../../_core/read'
import { applyDelta, releaseSeat } from '../../_core/seats'
import { updateCount } from '../../_core/write'
import { toRegistration, toSignupTarget } from './views'

/** A registration changing under us (promoted, cancelled elsewhere) is looked at again this often. */
const ATTEMPTS = 3

/**
 * Cancels the caller's own (or their family member's) registration before the deadline. A
 * confirmed seat goes to the first waitlisted person (notified) or back to the activity.
 * Someone else's registration answers REGISTRATION_NOT_FOUND: its existence is not revealed.
 */
export async function cancel(ctx: ActionContext, input: { registrationId: string }) {
  const { db } = ctx
  const now = ctx.now()
  const at = new Date(now)
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    // The registration with its activity: one operation.
    const [row] = await aggregateDocs<RegistrationDoc & { activity: ActivityDoc[] }>(
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
    if (reg.status === 'cancelled') throw new DomainError('ALREADY_CANCELLED')
    if (reg.activityCancelled) throw new DomainError('ACTIVITY_CANCELLED')
    const refusal = cancelRefusal(toSignupTarget(activity), now)
    if (refusal) throw new DomainError(refusal)

    const flipped = await updateCount(
      db.collection(COLLECTIONS.registrations).where({ _id: reg._id, status: reg.status }),
      { status: 'cancelled', cancelledAt: at, updatedAt: at },
    )
    if (flipped !== 1) continue
    if (reg.status === 'waitlisted') {
      await applyDelta(db, activity._id, transitionDelta('waitlisted', 'cancelled', reg.proxy))
    } else {
      await releaseSeat(db, activity, reg, now)
    }
    const cancelled: RegistrationDoc = { ...reg, status: 'cancelled', cancelledAt: at, updatedAt: at }
    return { registration: toRegistration(cancelled, activity, now, null) }
  }
  throw new DomainError('CONFLICT')
}
