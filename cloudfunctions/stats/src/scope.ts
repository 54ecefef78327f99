// Who is asking about which part of a week: ONE read gives the caller's roles, the week and (for
// the 总结表) the unit's document. An organiser sees their district(s); a city admin their city's
// districts, and for the 总结表 (opts.units) the city's roll-up; an admin of the week every district
// and the roll-up of all of them (the top).
import { adminCities } from '@shared/domain/staff'
import { districtsUnder, summaryIdOf, unitOf, type UnitRef } from '@shared/domain/reporting'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type NominationDoc, type RoleGrant, type SummaryDraftDoc, type UserDoc, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { aggregateDocs, readDocs } from '../../_core/read'
import { isAdmin, isCityAdmin, ownDistricts, type Caller } from '../../_core/roles'
import { matchExpr, subPipeline } from '../../_core/pipeline'

export interface Scope {
  caller: Caller
  week: WeekDoc
  /** The district asked for, or null for a roll-up (a city's, or the top's of every district). */
  districtCode: string | null
  /** The districts in scope: the one, a city's, or all of the week. */
  districtCodes: string[]
  /** The unit: a district, a city (opts.units only), or the top. */
  unit: UnitRef
  scopeName: string
  /** The districts the caller may open. */
  allowed: { code: string; name: string }[]
  admin: boolean
  /** The unit's 总结表 document, when asked for and saved before. */
  draft: SummaryDraftDoc | null
  /** The week's stars and projects (not drafts), when asked for (opts.withNominations); filter by districtCodes. */
  nominations: ScopeNomination[]
}

/** What the dashboard counts of a nomination. */
export type ScopeNomination = Pick<NominationDoc, 'districtCode' | 'status' | 'hidden' | 'recorded'>

/** The document id of a district's (or, null, the top's) 总结表. */
export const draftIdOf = (weekId: string, districtCode: string | null) =>
  summaryIdOf(weekId, districtCode ? { level: 'district', code: districtCode } : { level: 'top', code: null })

/**
 * Resolves and checks the scope. No districtCode: an admin gets the roll-up, an organiser their
 * (first) district. Refusals: FORBIDDEN (no organiser role in the week, or another district),
 * WEEK_NOT_FOUND, DISTRICT_NOT_IN_WEEK.
 */
export async function loadScope(
  ctx: ActionContext,
  input: { weekId: string; districtCode?: string; cityCode?: string },
  opts: { withDraft?: boolean; units?: boolean; withNominations?: boolean } = {},
): Promise<Scope> {
  const { db } = ctx
  const askedId = input.cityCode
    ? summaryIdOf(input.weekId, { level: 'city', code: input.cityCode })
    : draftIdOf(input.weekId, input.districtCode ?? null)
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
      pipeline: pipeline().match({ _id: askedId }).limit(1).done(),
      as: 'drafts',
    })
    // No district named: an organiser's own district's draft is joined through their roles, in this
    // week only. Not by localField 'roles.districtCode': roles without any district (an admin's)
    // join as null, which matches every roll-up draft (districtCode null) of every week.
    if (!input.districtCode && !input.cityCode) {
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
  if (opts.withNominations) {
    // Joined in the same read (the dashboard's budget); few fields each, drafts left out.
    query = query.lookup({
      from: COLLECTIONS.nominations,
      pipeline: pipeline()
        .match({ weekId: input.weekId, status: db.command.neq('draft') })
        .project({ _id: 0, districtCode: 1, status: 1, hidden: 1, recorded: 1 })
        .done(),
      as: 'nominations',
    })
  }
  const [row] = await aggregateDocs<
    Pick<UserDoc, 'roles'> & { week: WeekDoc[]; drafts?: SummaryDraftDoc[]; ownDrafts?: SummaryDraftDoc[]; nominations?: ScopeNomination[] }
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
  const cities = admin ? (week.cities ?? []).map((c) => c.code) : adminCities(caller.roles, input.weekId)
  let unit: UnitRef | null
  if (input.cityCode && opts.units) {
    unit = unitOf(week, { cityCode: input.cityCode })
    if (!unit) throw new DomainError('UNIT_NOT_IN_WEEK')
    if (!cities.includes(input.cityCode)) throw new DomainError('FORBIDDEN')
  } else if (input.districtCode) {
    if (!week.districts.some((d) => d.code === input.districtCode)) throw new DomainError('DISTRICT_NOT_IN_WEEK')
    if (!allowed.some((d) => d.code === input.districtCode)) throw new DomainError('FORBIDDEN')
    unit = unitOf(week, { districtCode: input.districtCode })
  } else if (admin) {
    unit = unitOf(week, {})
  } else {
    const city = opts.units ? (week.cities ?? []).find((c) => cities.includes(c.code)) : undefined
    unit = city ? unitOf(week, { cityCode: city.code }) : unitOf(week, { districtCode: allowed[0]?.code ?? own[0] })
  }
  if (!unit) throw new DomainError('FORBIDDEN')
  const districtCode = unit.level === 'district' ? unit.code : null
  const name = unit.level === 'top' ? `${week.region}（全部县区）` : unit.name
  const draftId = summaryIdOf(week._id, unit)
  let draft = [...(row?.drafts ?? []), ...(row?.ownDrafts ?? [])].find((d) => d?._id === draftId) ?? null
  if (opts.withDraft && !draft && unit.level === 'city' && !input.cityCode) {
    // A city admin naming no unit: their city's document was not among those joined above.
    ;[draft = null] = await readDocs<SummaryDraftDoc>(db.collection(COLLECTIONS.summaries).where({ _id: draftId }).limit(1))
  }
  return {
    caller,
    week,
    districtCode,
    districtCodes: districtsUnder(week, unit),
    unit,
    scopeName: name,
    allowed,
    admin,
    draft,
    nominations: row?.nominations ?? [],
  }
}
