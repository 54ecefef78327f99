// Who is asking about which part of a week: ONE read gives the caller's roles, the week and (for
// the 总结表) the district's draft. An organiser sees their district(s), a city admin their city's
// districts (one at a time: no roll-up); an admin of the week every district and the roll-up of all of them.
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type RoleGrant, type SummaryDraftDoc, type UserDoc, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { aggregateDocs } from '../../_core/read'
import { isAdmin, isCityAdmin, ownDistricts, type Caller } from '../../_core/roles'
import { matchExpr, subPipeline } from '../../_core/pipeline'

export interface Scope {
  caller: Caller
  week: WeekDoc
  /** The district asked for, or null for the roll-up of every district (admins only). */
  districtCode: string | null
  /** The districts in scope: the one, or all of the week. */
  districtCodes: string[]
  scopeName: string
  /** The districts the caller may open. */
  allowed: { code: string; name: string }[]
  admin: boolean
  /** The scope's 总结表 draft, when asked for and saved before. */
  draft: SummaryDraftDoc | null
}

export const draftIdOf = (weekId: string, districtCode: string | null) => `${weekId}_${districtCode ?? '_all'}`

/**
 * Resolves and checks the scope. No districtCode: an admin gets the roll-up, an organiser their
 * (first) district. Refusals: FORBIDDEN (no organiser role in the week, or another district),
 * WEEK_NOT_FOUND, DISTRICT_NOT_IN_WEEK.
 */
export async function loadScope(
  ctx: ActionContext,
  input: { weekId: string; districtCode?: string },
  opts: { withDraft?: boolean } = {},
): Promise<Scope> {
  const { db } = ctx
  const pipeline = () => subPipeline(db)
  let query = db
    .collection(COLLECTIONS.users)
    .aggregate()
    .match({ _id: ctx.openid })
    .project({ roles: 1 })
    .lookup({ from: COLLECTIONS.weeks, pipeline: pipeline().match({ _id: input.weekId }).limit(1).done(), as: 'week' })
  if (opts.withDraft) {
    query = query.lookup({
      from: COLLECTIONS.summaries,
      pipeline: pipeline()
        .match({ _id: draftIdOf(input.weekId, input.districtCode ?? null) })
        .limit(1)
        .done(),
      as: 'drafts',
    })
    // No district named: an organiser's own district's draft is joined through their roles, in this
    // week only. Not by localField 'roles.districtCode': roles without any district (an admin's)
    // join as null, which matches every roll-up draft (districtCode null) of every week.
    if (!input.districtCode) {
      const _ = db.command
      const $ = _.aggregate
      query = query.lookup({
        from: COLLECTIONS.summaries,
        let: { codes: $.ifNull(['$roles.districtCode', []]) },
        pipeline: pipeline()
          .match(_.and([{ weekId: input.weekId }, matchExpr(db, $.in(['$districtCode', '$$codes']))]))
          .done(),
        as: 'ownDrafts',
      })
    }
  }
  const [row] = await aggregateDocs<
    Pick<UserDoc, 'roles'> & { week: WeekDoc[]; drafts?: SummaryDraftDoc[]; ownDrafts?: SummaryDraftDoc[] }
  >(query.limit(1))
  const caller: Caller = { openid: ctx.openid, roles: (row?.roles ?? []) as RoleGrant[] }
  const admin = isAdmin(caller, input.weekId)
  if (!admin && !isCityAdmin(caller, input.weekId) && (ownDistricts(caller, input.weekId) ?? []).length === 0) {
    throw new DomainError('FORBIDDEN')
  }
  const week = row?.week?.[0]
  if (!week) throw new DomainError('WEEK_NOT_FOUND')
  // An organiser's districts, and a city admin's: the week's districts of their cities.
  const own = ownDistricts(caller, input.weekId, week.districts) ?? []
  if (!admin && own.length === 0) throw new DomainError('FORBIDDEN')

  const allowed = week.districts.filter((d) => admin || own.includes(d.code))
  let districtCode: string | null
  if (input.districtCode) {
    if (!week.districts.some((d) => d.code === input.districtCode)) throw new DomainError('DISTRICT_NOT_IN_WEEK')
    if (!allowed.some((d) => d.code === input.districtCode)) throw new DomainError('FORBIDDEN')
    districtCode = input.districtCode
  } else {
    districtCode = admin ? null : (allowed[0]?.code ?? own[0])
  }
  const name = districtCode ? (week.districts.find((d) => d.code === districtCode)?.name ?? districtCode) : `${week.region}（全部县区）`
  const draftId = draftIdOf(week._id, districtCode)
  return {
    caller,
    week,
    districtCode,
    districtCodes: districtCode ? [districtCode] : week.districts.map((d) => d.code),
    scopeName: name,
    allowed,
    admin,
    draft: [...(row?.drafts ?? []), ...(row?.ownDrafts ?? [])].find((d) => d?._id === draftId) ?? null,
  }
}
