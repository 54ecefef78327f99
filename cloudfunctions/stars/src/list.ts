// Reading nominations: staff lists by scope (a district's organiser, a city's admins over their
// districts with the city's places, the week's admins over all with the top's places), cursor paged
// by _id; one nomination for its nominator or staff; a resident's own.
import type { Nomination, Places } from '@shared/contracts/stars'
import type { NominationKind, NominationStatus } from '@shared/domain/stars'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type NominationDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { isAdmin, requireThat } from '../../_core/roles'
import { adminCities } from '@shared/domain/staff'
import { cityCodeOf, loadNomination, loadPlaces, loadScope, nominationView, placesView, runsDistrictOf, selectsFor } from './view'

const PAGE = 20

export async function list(
  ctx: ActionContext,
  input: { weekId: string; districtCode?: string; cityCode?: string; kind?: NominationKind; status?: NominationStatus; cursor?: string },
): Promise<{ items: Nomination[]; cursor: string | null; places: Places | null }> {
  const scope = await loadScope(ctx, input.weekId)
  const { week, caller } = scope
  const admin = isAdmin(caller, week._id)
  let districts: string[]
  let placesOf: string | null | undefined
  if (input.districtCode) {
    if (!week.districts.some((d) => d.code === input.districtCode)) throw new DomainError('DISTRICT_NOT_IN_WEEK')
    requireThat(runsDistrictOf(scope, input.districtCode))
    districts = [input.districtCode]
  } else if (input.cityCode) {
    if (!(week.cities ?? []).some((c) => c.code === input.cityCode)) throw new DomainError('UNIT_NOT_IN_WEEK')
    requireThat(selectsFor(scope, input.cityCode))
    districts = week.districts.filter((d) => cityCodeOf(week, d.code) === input.cityCode).map((d) => d.code)
    placesOf = input.cityCode
  } else if (admin) {
    districts = week.districts.map((d) => d.code)
    placesOf = null
  } else {
    const cities = adminCities(caller.roles, week._id)
    districts = week.districts.filter((d) => runsDistrictOf(scope, d.code)).map((d) => d.code)
    if (districts.length === 0) throw new DomainError('FORBIDDEN')
    if (cities.length === 1) placesOf = cities[0]
  }
  const _ = ctx.db.command
  const where: Record<string, unknown> = { weekId: week._id, districtCode: _.in(districts) }
  if (input.status) where.status = input.status
  if (input.kind) where.kind = input.kind
  if (input.cursor) where._id = _.gt(input.cursor)
  const docs = districts.length
    ? await readDocs<NominationDoc>(
        ctx.db
          .collection(COLLECTIONS.nominations)
          .where(where)
          .orderBy('_id', 'asc')
          .limit(PAGE + 1),
      )
    : []
  const page = docs.slice(0, PAGE)
  const places = placesOf === undefined ? null : placesView(week, await loadPlaces(ctx, week._id, placesOf))
  return {
    items: page.map((d) => nominationView(scope, d)),
    cursor: docs.length > PAGE ? page[page.length - 1]._id : null,
    places,
  }
}

export async function get(ctx: ActionContext, input: { id: string }): Promise<{ nomination: Nomination }> {
  const doc = await loadNomination(ctx, input.id)
  const scope = await loadScope(ctx, doc.weekId)
  const mine = doc.nominator.openid === ctx.openid
  if (!mine && !runsDistrictOf(scope, doc.districtCode) && !selectsFor(scope, doc.cityCode)) throw new DomainError('NOMINATION_NOT_FOUND')
  return { nomination: nominationView(scope, doc) }
}

export async function mine(ctx: ActionContext, input: { weekId?: string }): Promise<{ items: Nomination[] }> {
  const where: Record<string, unknown> = { 'nominator.openid': ctx.openid }
  if (input.weekId) where.weekId = input.weekId
  const docs = await readDocs<NominationDoc>(ctx.db.collection(COLLECTIONS.nominations).where(where).orderBy('createdAt', 'desc').limit(50))
  const weeks = [...new Set(docs.map((d) => d.weekId))]
  const scopes = new Map(await Promise.all(weeks.map(async (w) => [w, await loadScope(ctx, w)] as const)))
  return { items: docs.map((d) => nominationView(scopes.get(d.weekId)!, d)) }
}
