// The district's review (recommend, or decline with a reason), publishing by the selecting level
// (after the content check again) and hiding from the gallery. Each is ONE conditional update
// guarded by the status read: a retried call finds the change made and answers
// NOMINATION_STATUS_INVALID, never a second event.
import type { Nomination } from '@shared/contracts/stars'
import { canDecline, canPublish, canRecommend, STAR_LIMITS } from '@shared/domain/stars'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type NominationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { requireThat } from '../../_core/roles'
import { updateCount } from '../../_core/write'
import { passesContentCheck } from './save'
import { freePlace } from './select'
import { actorName, event, loadNomination, loadPlaces, loadScope, nominationView, runsDistrictOf, selectsFor, type StarScope } from './view'

async function apply(
  ctx: ActionContext,
  scope: StarScope,
  doc: NominationDoc,
  fields: Partial<NominationDoc>,
  ev: ReturnType<typeof event>,
): Promise<{ nomination: Nomination }> {
  const n = await updateCount(
    ctx.db.collection(COLLECTIONS.nominations).where({ _id: doc._id, status: doc.status, updatedAt: doc.updatedAt }),
    {
      ...fields,
      history: ctx.db.command.push([ev]),
    },
  )
  if (n !== 1) throw new DomainError('CONFLICT')
  return { nomination: nominationView(scope, { ...doc, ...fields, history: [...doc.history, ev] }) }
}

export async function review(
  ctx: ActionContext,
  input: { id: string; decision: 'recommend' | 'decline'; reason?: string },
): Promise<{ nomination: Nomination }> {
  const doc = await loadNomination(ctx, input.id)
  const scope = await loadScope(ctx, doc.weekId)
  requireThat(runsDistrictOf(scope, doc.districtCode))
  const reason = input.reason?.trim() ?? ''
  if (input.decision === 'recommend' && !canRecommend(doc.status)) throw new DomainError('NOMINATION_STATUS_INVALID')
  if (input.decision === 'decline') {
    if (!canDecline(doc.status)) throw new DomainError('NOMINATION_STATUS_INVALID')
    if (reason.length < STAR_LIMITS.reasonMin) throw new DomainError('NOMINATION_REASON_REQUIRED')
  }
  const now = new Date(ctx.now())
  const status = input.decision === 'recommend' ? ('recommended' as const) : ('declined' as const)
  const ev = event(input.decision, now, actorName(scope, doc.districtCode), ctx.openid, status === 'declined' ? reason : null)
  const answer = await apply(ctx, scope, doc, { status, reason: status === 'declined' ? reason : null, updatedAt: now }, ev)
  if (status === 'declined' && doc.status === 'recommended') {
    // A place a select that died left held for it (select.ts) is freed: a declined entry holds none.
    const places = await loadPlaces(ctx, doc.weekId, doc.cityCode)
    if (places.held?.[doc._id]) await freePlace(ctx, places, doc._id, doc.kind)
  }
  return answer
}

export async function publish(ctx: ActionContext, input: { id: string }): Promise<{ nomination: Nomination }> {
  const doc = await loadNomination(ctx, input.id)
  const scope = await loadScope(ctx, doc.weekId)
  requireThat(selectsFor(scope, doc.cityCode))
  if (!canPublish(doc.status)) throw new DomainError('NOMINATION_STATUS_INVALID')
  if (!(await passesContentCheck(doc, ctx.openid))) throw new DomainError('CONTENT_FLAGGED')
  const now = new Date(ctx.now())
  const ev = event('publish', now, actorName(scope, doc.districtCode), ctx.openid)
  return apply(ctx, scope, doc, { status: 'published', checkedAt: now, updatedAt: now }, ev)
}

export async function hide(ctx: ActionContext, input: { id: string; hidden: boolean }): Promise<{ nomination: Nomination }> {
  const doc = await loadNomination(ctx, input.id)
  const scope = await loadScope(ctx, doc.weekId)
  requireThat(runsDistrictOf(scope, doc.districtCode))
  if (doc.status !== 'published') throw new DomainError('NOMINATION_STATUS_INVALID')
  if (doc.hidden === input.hidden) return { nomination: nominationView(scope, doc) }
  const now = new Date(ctx.now())
  const ev = event(input.hidden ? 'hide' : 'unhide', now, actorName(scope, doc.districtCode), ctx.openid)
  return apply(ctx, scope, doc, { hidden: input.hidden, updatedAt: now }, ev)
}
