// Who the caller is and what they may do. Roles live in the database (users collection) and are
// loaded only by actions that need them, so public reads cost no extra database operation. The
// rules themselves are shared with the pages (@shared/domain/staff): the bureau admin is admin of
// every week, a city admin runs their city's districts.
import { adminCities, isDistrictOfCity, isWeekAdmin, runsDistrict } from '@shared/domain/staff'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type RoleGrant, type UserDoc, type WeekDoc } from './collections'
import type { Database } from './cloud'
import { readDocs } from './read'

export interface Caller {
  openid: string
  roles: RoleGrant[]
}

export async function loadCaller(db: Database, openid: string): Promise<Caller> {
  const [user] = await readDocs<UserDoc>(db.collection(COLLECTIONS.users).where({ _id: openid }).limit(1))
  return { openid, roles: user?.roles ?? [] }
}

/** Admin of the whole week, or the bureau admin (admin of every week). */
export function isAdmin(caller: Caller, weekId: string): boolean {
  return isWeekAdmin(caller.roles, weekId)
}

/** Runs the district: its organiser, an admin of its city, or an admin of the week. */
export function isOrganiserOf(caller: Caller, weekId: string, districtCode: string): boolean {
  return runsDistrict(caller.roles, weekId, districtCode)
}

export function isVolunteerOf(caller: Caller, activityId: string): boolean {
  return caller.roles.some((r) => r.role === 'volunteer' && r.activityIds.includes(activityId))
}

/**
 * The districts of a week the caller runs when they are not its admin (null = all of them): their
 * organiser grants, and the districts of the week under the cities they administer. `districts`
 * (the week's) is needed only by a city admin; without it their grants add nothing.
 */
export function ownDistricts(
  caller: Caller,
  weekId: string,
  districts: readonly { code: string; cityCode?: string }[] = [],
): string[] | null {
  if (isAdmin(caller, weekId)) return null
  const cities = adminCities(caller.roles, weekId)
  const own = caller.roles.flatMap((r) => (r.role === 'organiser' && r.weekId === weekId ? [r.districtCode] : []))
  const ofCities = districts.filter((d) => cities.some((c) => d.cityCode === c || isDistrictOfCity(d.code, c))).map((d) => d.code)
  return [...new Set([...own, ...ofCities])]
}

/** The caller administers a city of the week (so ownDistricts needs the week's districts). */
export function isCityAdmin(caller: Caller, weekId: string): boolean {
  return adminCities(caller.roles, weekId).length > 0
}

export function requireThat(allowed: boolean): void {
  if (!allowed) throw new DomainError('FORBIDDEN')
}

/**
 * ownDistricts, reading the week's districts when (and only when) the caller is a city admin of it:
 * organisers and admins pay no extra read.
 */
export async function districtsRunBy(db: Database, caller: Caller, weekId: string): Promise<string[] | null> {
  if (isAdmin(caller, weekId)) return null
  if (!isCityAdmin(caller, weekId)) return ownDistricts(caller, weekId)
  const [week] = await readDocs<Pick<WeekDoc, 'districts'>>(
    db.collection(COLLECTIONS.weeks).where({ _id: weekId }).field({ districts: true }).limit(1),
  )
  return ownDistricts(caller, weekId, week?.districts ?? [])
}
