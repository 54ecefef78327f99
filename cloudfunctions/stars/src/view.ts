// The shared reading of a nomination for staff and its nominator: who the caller is to it (runs its
// district, selects for the level above it), the contract's view with the caller's `can` flags, and
// how a person acting is named in the history (a unit and role, never an openid). The export reuses
// nominationView.
import type { Nomination, Places } from '@shared/contracts/stars'
import { cityOf, topUnit, type UnitRef } from '@shared/domain/reporting'
import { adminCities } from '@shared/domain/staff'
import {
  canDecline,
  canEdit,
  canPublish,
  canRecommend,
  canSelect,
  HONOUR_LEVELS,
  selectionLevel,
  type HonourLevel,
} from '@shared/domain/stars'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type NominationDoc, type StarPlacesDoc, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { isAdmin, type Caller } from '../../_core/roles'

const ms = (d: Date | string | number) => new Date(d).getTime()

export interface StarScope {
  caller: Caller
  week: WeekDoc
}

export async function loadWeek(ctx: ActionContext, weekId: string): Promise<WeekDoc> {
  const [week] = await readDocs<WeekDoc>(ctx.db.collection(COLLECTIONS.weeks).where({ _id: weekId }).limit(1))
  if (!week) throw new DomainError('WEEK_NOT_FOUND')
  return week
}

export async function loadScope(ctx: ActionContext, weekId: string): Promise<StarScope> {
  const [caller, week] = await Promise.all([ctx.caller(), loadWeek(ctx, weekId)])
  return { caller, week }
}

export async function loadNomination(ctx: ActionContext, id: string): Promise<NominationDoc> {
  const [doc] = await readDocs<NominationDoc>(ctx.db.collection(COLLECTIONS.nominations).where({ _id: id }).limit(1))
  if (!doc) throw new DomainError('NOMINATION_NOT_FOUND')
  return doc
}

/** The district's city code in this week (by its cityCode or code prefix), or null. */
export const cityCodeOf = (week: WeekDoc, districtCode: string) => cityOf(week, districtCode)?.code ?? null

/** Runs the district: its organiser, an admin of its city, or an admin of the week. */
export function runsDistrictOf(scope: StarScope, districtCode: string): boolean {
  const { caller, week } = scope
  if (isAdmin(caller, week._id)) return true
  const city = cityCodeOf(week, districtCode)
  if (city && adminCities(caller.roles, week._id).includes(city)) return true
  return caller.roles.some((r) => r.role === 'organiser' && r.weekId === week._id && r.districtCode === districtCode)
}

/** Selects for the unit `cityCode` (null: the week's top): that city's admins, or the week's admins. */
export function selectsFor(scope: StarScope, cityCode: string | null): boolean {
  if (isAdmin(scope.caller, scope.week._id)) return true
  return cityCode !== null && adminCities(scope.caller.roles, scope.week._id).includes(cityCode)
}

/** The selecting unit (a city, or the top) and the level its selection carries. */
export function selectingUnit(week: WeekDoc, cityCode: string | null): { unit: UnitRef; level: HonourLevel; by: string } {
  if (cityCode) {
    const city = (week.cities ?? []).find((c) => c.code === cityCode)
    if (!city) throw new DomainError('UNIT_NOT_IN_WEEK')
    return {
      unit: { level: 'city', code: city.code, name: city.name },
      level: selectionLevel('city', week.level),
      by: `${city.name}教育局`,
    }
  }
  return { unit: topUnit(week), level: selectionLevel('top', week.level), by: week.organiser || week.region }
}

export const placesIdOf = (weekId: string, cityCode: string | null) => `${weekId}_${cityCode ?? 'top'}`

/** The places documents this entry may hold: its city's (when the week has one above it) and the top's. */
export function placeHoldersOf(doc: NominationDoc): string[] {
  return doc.cityCode ? [placesIdOf(doc.weekId, doc.cityCode), placesIdOf(doc.weekId, null)] : [placesIdOf(doc.weekId, null)]
}

/** How a person acting is named to others: their unit and role. */
export function actorName(scope: StarScope, districtCode: string | null, nominatorKind?: 'self'): string {
  const { caller, week } = scope
  if (nominatorKind === 'self') return '本人自荐'
  if (isAdmin(caller, week._id)) return `${week.region}管理员`
  const cities = adminCities(caller.roles, week._id)
  const own = districtCode ? cityCodeOf(week, districtCode) : null
  const city = (week.cities ?? []).find((c) => cities.includes(c.code) && (own === null || c.code === own))
  if (city) return `${city.name}管理员`
  const district = week.districts.find((d) => d.code === districtCode)
  return `${district?.name ?? districtCode ?? ''}组织者`
}

/** Honours kept highest first (then the latest first). */
export function sortHonours<H extends { level: HonourLevel; at: Date }>(honours: H[]): H[] {
  return [...honours].sort((a, b) => HONOUR_LEVELS.indexOf(a.level) - HONOUR_LEVELS.indexOf(b.level) || ms(b.at) - ms(a.at))
}

/** The level above the district that may still select it now (null: none). */
export function nextSelector(week: WeekDoc, doc: NominationDoc): string | null | undefined {
  const city = doc.cityCode
  const topLevel = selectionLevel('top', week.level)
  const hasTop = doc.honours.some((h) => h.level === topLevel && !doc.recorded)
  if (canSelect(doc.status)) return city ?? null
  if (city && (doc.status === 'selected' || doc.status === 'published') && !hasTop && !doc.recorded) return null
  return undefined
}

export function nominationView(scope: StarScope, doc: NominationDoc): Nomination {
  const { caller } = scope
  const runs = runsDistrictOf(scope, doc.districtCode)
  const mine = doc.nominator.openid === caller.openid
  const next = nextSelector(scope.week, doc)
  const selectingCity = doc.cityCode
  return {
    id: doc._id,
    weekId: doc.weekId,
    kind: doc.kind,
    districtCode: doc.districtCode,
    districtName: doc.districtName,
    name: doc.name,
    unitName: doc.unitName,
    story: doc.story,
    photos: doc.photos,
    videoUrl: doc.videoUrl,
    nominator: { kind: doc.nominator.kind, name: doc.nominator.name, phone: doc.nominator.phone },
    nomineeConsentAt: doc.nomineeConsentAt ? ms(doc.nomineeConsentAt) : null,
    status: doc.status,
    hidden: doc.hidden,
    reason: doc.reason,
    honours: doc.honours.map((h) => ({ level: h.level, by: h.by, year: h.year, at: ms(h.at) })),
    recorded: doc.recorded,
    likes: doc.likes,
    votes: doc.votes,
    history: doc.history.map((h) => ({
      action: h.action as Nomination['history'][number]['action'],
      at: ms(h.at),
      by: h.by,
      reason: h.reason,
    })),
    can: {
      edit: mine && canEdit(doc.status),
      review: runs && (canRecommend(doc.status) || canDecline(doc.status)),
      select: next !== undefined && selectsFor(scope, next),
      publish: canPublish(doc.status) && selectsFor(scope, selectingCity),
      hide: runs && doc.status === 'published',
    },
    createdAt: ms(doc.createdAt),
    updatedAt: ms(doc.updatedAt),
  }
}

export function emptyPlaces(weekId: string, cityCode: string | null): StarPlacesDoc {
  return {
    _id: placesIdOf(weekId, cityCode),
    weekId,
    cityCode,
    places: { star: 0, project: 0 },
    used: { star: 0, project: 0 },
    held: {},
    updatedAt: new Date(0),
  }
}

export async function loadPlaces(ctx: ActionContext, weekId: string, cityCode: string | null): Promise<StarPlacesDoc> {
  const [doc] = await readDocs<StarPlacesDoc>(
    ctx.db
      .collection(COLLECTIONS.starPlaces)
      .where({ _id: placesIdOf(weekId, cityCode) })
      .limit(1),
  )
  return doc ?? emptyPlaces(weekId, cityCode)
}

export function placesView(week: WeekDoc, doc: StarPlacesDoc): Places {
  const { level } = selectingUnit(week, doc.cityCode)
  return {
    weekId: doc.weekId,
    cityCode: doc.cityCode,
    level,
    star: { places: doc.places.star, used: doc.used.star },
    project: { places: doc.places.project, used: doc.used.project },
  }
}

/** A history event. */
export function event(action: string, at: Date, by: string, openid: string, reason: string | null = null) {
  return { action, at, by, byOpenid: openid, reason }
}
