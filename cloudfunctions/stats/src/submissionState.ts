// Where a unit's 总结表 stands with the level above, as the contract shows it, and who may act on it:
// the unit's runners submit; the admins of the level above (a city's admins for its districts, the
// week's admins for the cities, the districts without a city, and any unit) confirm or return.
import type { SubmissionState } from '@shared/contracts/stats'
import { canReviewFrom, canSubmitFrom, parentOf, type UnitRef } from '@shared/domain/reporting'
import { adminCities } from '@shared/domain/staff'
import type { SummaryDraftDoc } from '../../_core/collections'
import { isAdmin } from '../../_core/roles'
import { ms } from './activities'
import type { Scope } from './scope'

/** The caller administers the level above `unit` (the week's admins count for every level). */
export function reviewsUnit(scope: Pick<Scope, 'caller' | 'week'>, unit: UnitRef): boolean {
  const parent = parentOf(scope.week, unit)
  if (!parent) return false
  if (isAdmin(scope.caller, scope.week._id)) return true
  return parent.level === 'city' && adminCities(scope.caller.roles, scope.week._id).includes(parent.code as string)
}

/** How a person acting on `unit` is named to other staff: their unit and role, never an openid. */
export function actorName(scope: Pick<Scope, 'caller' | 'week'>, unit: UnitRef): string {
  const { caller, week } = scope
  if (isAdmin(caller, week._id)) return `${week.region}管理员`
  const cities = adminCities(caller.roles, week._id)
  const city = (week.cities ?? []).find((c) => cities.includes(c.code) && (unit.code === c.code || parentOf(week, unit)?.code === c.code))
  if (city) return `${city.name}管理员`
  return `${unit.name}组织者`
}

export function submissionState(scope: Pick<Scope, 'caller' | 'week' | 'unit'>, doc: SummaryDraftDoc | null | undefined): SubmissionState {
  const status = doc?.status ?? 'draft'
  const history = doc?.history ?? []
  const lastReturn = [...history].reverse().find((h) => h.action === 'return')
  const parent = parentOf(scope.week, scope.unit)
  return {
    status,
    version: doc?.version ?? 0,
    submittedAt: doc?.submitted ? ms(doc.submitted.at) : null,
    late: doc?.submitted?.late ?? false,
    returnReason: status === 'returned' ? (lastReturn?.reason ?? null) : null,
    reviewedAt: doc?.reviewedAt ? ms(doc.reviewedAt) : null,
    history: history.map((h) => ({ action: h.action, at: ms(h.at), by: h.by, reason: h.reason, late: h.late })),
    parent,
    canSubmit: parent !== null && canSubmitFrom(status),
    canReview: canReviewFrom(status) && reviewsUnit(scope, scope.unit),
  }
}
