import { isActive } from '@shared/domain/counters'
import { DEFAULT_SIGNUP_FIELDS } from '@shared/domain/people'
import { signupRefusal } from '@shared/domain/signupRules'
import type { ErrorCode } from '@shared/errors'
import { DomainError } from '@shared/errors'
import type { ActionContext } from '../../_core/handler'
import { waitlistPositionOf } from '../../_core/seats'
import { loadSignupContext } from './context'
import { overlapsWith, toRegistration, toSignupTarget } from './views'

/**
 * What a sign-up would do now, for the confirm sheet: the refusal code if any, whether it would
 * join the waitlist, whether the first-time form is needed, and overlapping activities of the
 * person (a warning). Reads only: one operation (two with a waitlisted registration's position).
 */
export async function preview(ctx: ActionContext, input: { activityId: string; personId: string }) {
  const now = ctx.now()
  const memberId = input.personId === 'self' ? null : input.personId
  const sc = await loadSignupContext(ctx.db, { activityId: input.activityId, openid: ctx.openid, memberId, now })
  const act = sc.activity
  if (!act || act.status === 'draft') throw new DomainError('ACTIVITY_NOT_FOUND')
  const existing = sc.existing && isActive(sc.existing.status) ? sc.existing : null
  let refusal: ErrorCode | null = signupRefusal(toSignupTarget(act), now)
  if (!refusal && existing) refusal = 'ALREADY_REGISTERED'
  if (!refusal && memberId && !sc.user?.family?.some((m) => m.id === memberId)) refusal = 'FAMILY_MEMBER_NOT_FOUND'
  const position = existing?.status === 'waitlisted' ? await waitlistPositionOf(ctx.db, existing) : null
  return {
    refusal,
    full: act.signup !== null && (act.seatsLeft ?? 0) <= 0,
    seatsLeft: act.signup ? act.seatsLeft : null,
    profileRequired: !sc.user?.profile,
    signupFields: act.signup ? (act.signup.fields ?? DEFAULT_SIGNUP_FIELDS) : [],
    registration: existing ? toRegistration(existing, act, now, position) : null,
    overlaps: overlapsWith(act, sc.upcoming),
  }
}
