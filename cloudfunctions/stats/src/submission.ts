// Reporting up: a unit hands its 总结表 to the level above (summary.submit freezes a copy), the level
// above confirms it or returns it with a reason (summary.review), and both read the frozen copy
// (summary.submission). Each change is ONE conditional update of the unit's document, guarded by
// what the caller read (revision for a submit, version for a review): a lost answer retried finds
// the change made and answers CONFLICT or SUMMARY_ALREADY_SUBMITTED, never a second copy.
import type { Summary } from '@shared/contracts/stats'
import { canReviewFrom, canSubmitFrom, isLate, REPORTING_LIMITS, summaryIdOf } from '@shared/domain/reporting'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type SubmittedCopy, type SummaryDraftDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { isDuplicateKey, updateCount } from '../../_core/write'
import { loadScope, type Scope } from './scope'
import { actorName, reviewsUnit, submissionState } from './submissionState'
import { summaryAndFigures } from './summary'

type ScopeInput = { weekId: string; districtCode?: string; cityCode?: string }

/** A unit's submitted copy as the contract shows it: read-only, with where it stands now. */
export function frozenView(scope: Scope, doc: SummaryDraftDoc): Summary {
  const copy = doc.submitted as SubmittedCopy
  const summary = copy.summary as unknown as Summary
  return { ...summary, activities: [], frozen: true, submission: submissionState(scope, doc) }
}

export async function submitSummary(ctx: ActionContext, input: ScopeInput & { revision: number }): Promise<Summary> {
  const { db } = ctx
  const scope = await loadScope(ctx, input, { withDraft: true, units: true })
  const doc = scope.draft
  const state = submissionState(scope, doc)
  if (!state.parent) throw new DomainError('SUMMARY_NO_PARENT')
  if (!canSubmitFrom(state.status)) throw new DomainError('SUMMARY_ALREADY_SUBMITTED')
  if ((doc?.revision ?? 0) !== input.revision) throw new DomainError('CONFLICT')

  const now = ctx.now()
  const { summary, figures } = await summaryAndFigures(ctx, scope)
  const late = isLate(now, scope.week.summaryDeadline)
  const version = (doc?.version ?? 0) + 1
  const by = actorName(scope, scope.unit)
  const copy: SubmittedCopy = {
    at: new Date(now),
    by,
    late,
    version,
    // The table as it stood; the activity list stays with the live table (it can run to thousands).
    summary: { ...summary, activities: [], frozen: true } as unknown as Record<string, unknown>,
    figures: figures as unknown as Record<string, unknown>,
  }
  const event = { action: 'submit' as const, at: new Date(now), by, byOpenid: ctx.openid, reason: null, late }
  const id = summaryIdOf(scope.week._id, scope.unit)
  const fields = {
    status: 'submitted' as const,
    version,
    submitted: copy,
    reviewedAt: doc?.reviewedAt ?? null,
    revision: input.revision + 1,
    updatedBy: ctx.openid,
    updatedAt: new Date(now),
  }
  let next: SummaryDraftDoc
  if (!doc) {
    next = {
      _id: id,
      weekId: scope.week._id,
      districtCode: scope.districtCode,
      cityCode: scope.unit.level === 'city' ? scope.unit.code : null,
      level: scope.unit.level,
      typed: {},
      featuredIds: [],
      typicalCase: null,
      ...fields,
      history: [event],
    }
    try {
      await db.collection(COLLECTIONS.summaries).add({ data: next })
    } catch (err) {
      if (isDuplicateKey(err)) throw new DomainError('CONFLICT')
      throw err
    }
  } else {
    const _ = db.command
    const updated = await updateCount(db.collection(COLLECTIONS.summaries).where({ _id: id, revision: input.revision }), {
      ...fields,
      submitted: _.set(copy),
      history: _.push([event]),
    })
    if (updated !== 1) throw new DomainError('CONFLICT')
    next = { ...doc, ...fields, history: [...(doc.history ?? []), event] }
  }
  return { ...summary, revision: next.revision, submission: submissionState(scope, next) }
}

export async function reviewSummary(
  ctx: ActionContext,
  input: ScopeInput & { decision: 'confirm' | 'return'; reason?: string; version: number },
): Promise<Summary> {
  const { db } = ctx
  const scope = await loadScope(ctx, input, { withDraft: true, units: true })
  if (!reviewsUnit(scope, scope.unit)) throw new DomainError('FORBIDDEN')
  const doc = scope.draft
  if (!doc || !canReviewFrom(doc.status ?? 'draft')) throw new DomainError('SUMMARY_NOT_SUBMITTED')
  if ((doc.version ?? 0) !== input.version) throw new DomainError('CONFLICT')
  const reason = input.reason?.trim() ?? ''
  if (input.decision === 'return' && reason.length < REPORTING_LIMITS.reasonMin) throw new DomainError('SUMMARY_REASON_REQUIRED')

  const now = new Date(ctx.now())
  const event = {
    action: input.decision,
    at: now,
    by: actorName(scope, scope.unit),
    byOpenid: ctx.openid,
    reason: input.decision === 'return' ? reason : null,
    late: false,
  }
  const status = input.decision === 'confirm' ? ('confirmed' as const) : ('returned' as const)
  const _ = db.command
  const updated = await updateCount(
    db.collection(COLLECTIONS.summaries).where({ _id: doc._id, status: 'submitted', version: input.version }),
    { status, reviewedAt: now, history: _.push([event]), updatedAt: now },
  )
  if (updated !== 1) throw new DomainError('CONFLICT')
  return frozenView(scope, { ...doc, status, reviewedAt: now, history: [...(doc.history ?? []), event] })
}

export async function readSubmission(ctx: ActionContext, input: ScopeInput): Promise<Summary> {
  const scope = await loadScope(ctx, input, { withDraft: true, units: true })
  if (!scope.draft?.submitted) throw new DomainError('SUMMARY_NOT_SUBMITTED')
  return frozenView(scope, scope.draft)
}
