// What the staff actions share: the week and its units, the unit a grant holds in, the grants a
// person holds, and the record of role changes (each written once, under a deterministic _id).
import type { RoleGrant } from '@shared/contracts/activity'
import type { Unit } from '@shared/contracts/staff'
import { isDistrictOfCity } from '@shared/domain/staff'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type RoleChangeDoc, type UserDoc, type WeekDoc } from '../../_core/collections'
import { readDocs } from '../../_core/read'
import { upsertUser } from '../../_core/users'
import { isDuplicateKey } from '../../_core/write'

/** The unit name of a week admin's grant (the whole week). */
export const WHOLE_WEEK = '全部'

export async function readWeek(db: Database, id: string): Promise<WeekDoc> {
  const [doc] = await readDocs<WeekDoc>(db.collection(COLLECTIONS.weeks).where({ _id: id }).limit(1))
  if (!doc) throw new DomainError('WEEK_NOT_FOUND')
  return doc
}

/** The city a district of the week belongs to (its cityCode, or the city its generated code names), or null. */
export function cityOfDistrict(week: Pick<WeekDoc, 'cities'>, d: { code: string; cityCode?: string }): string | null {
  if (d.cityCode) return d.cityCode
  return (week.cities ?? []).find((c) => isDistrictOfCity(d.code, c.code))?.code ?? null
}

/** Every unit of a week: its cities, then its districts. */
export function unitsOf(week: Pick<WeekDoc, 'cities' | 'districts'>): Unit[] {
  return [
    ...(week.cities ?? []).map((c): Unit => ({ code: c.code, name: c.name, level: 'city', cityCode: null })),
    ...week.districts.map((d): Unit => ({ code: d.code, name: d.name, level: 'district', cityCode: cityOfDistrict(week, d) })),
  ]
}

/** Where a grant holds, in words. */
export function unitNameOf(
  week: Pick<WeekDoc, 'cities' | 'districts'> | null,
  grant: RoleGrant,
  activityTitles?: Map<string, string>,
): string {
  switch (grant.role) {
    case 'bureau':
      return '教育局'
    case 'admin':
      return WHOLE_WEEK
    case 'cityAdmin':
      return week?.cities?.find((c) => c.code === grant.cityCode)?.name ?? grant.cityCode
    case 'organiser':
      return week?.districts.find((d) => d.code === grant.districtCode)?.name ?? grant.districtCode
    case 'volunteer':
      return grant.activityIds.map((id) => activityTitles?.get(id) ?? id).join('、')
  }
}

/** A grant as a comparable string (volunteer activities in order). */
export function grantKey(g: RoleGrant): string {
  switch (g.role) {
    case 'bureau':
      return 'bureau'
    case 'admin':
      return `admin:${g.weekId}`
    case 'cityAdmin':
      return `cityAdmin:${g.weekId}:${g.cityCode}`
    case 'organiser':
      return `organiser:${g.weekId}:${g.districtCode}`
    case 'volunteer':
      return `volunteer:${g.weekId}:${[...g.activityIds].sort().join(',')}`
  }
}

export const holds = (roles: readonly RoleGrant[], grant: RoleGrant) => roles.some((r) => grantKey(r) === grantKey(grant))

export async function readUsers(db: Database, ids: string[]): Promise<UserDoc[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  return readDocs<UserDoc>(
    db
      .collection(COLLECTIONS.users)
      .where({ _id: db.command.in(unique) })
      .field({ profile: true, roles: true })
      .limit(unique.length),
  )
}

/**
 * Gives `openid` the grant unless they hold it (`user` as read; null = no account yet: created with
 * it). A retry after a crash finds it held and writes nothing.
 */
export async function addGrant(db: Database, openid: string, user: Pick<UserDoc, 'roles'> | null, grant: RoleGrant, now: number) {
  if (user && holds(user.roles ?? [], grant)) return
  await upsertUser(db, openid, { roles: db.command.push([grant]) }, () => ({ roles: [grant] }), now, user !== null)
}

/** Writes the record of a change once: a second write of the same _id (a retry) is ignored. */
export async function recordChange(db: Database, doc: RoleChangeDoc): Promise<void> {
  try {
    await db.collection(COLLECTIONS.roleChanges).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
}
