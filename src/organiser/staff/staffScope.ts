// Which weeks the staff page offers and what the caller may do in each. Pure.
import type { RoleGrant, Week } from '@shared/contracts/activity'
import type { AppointRole, Unit } from '@shared/contracts/staff'
import { adminCities, isWeekAdmin } from '@shared/domain/staff'

export interface StaffScope {
  week: Week
  /** Admin of the whole week (or the bureau): every unit and role. */
  admin: boolean
  /** The cities the caller administers (a city admin: their districts and organisers). */
  cities: string[]
  /** An organiser only: their volunteers. */
  organiserOnly: boolean
}

export function staffScopes(weeks: Week[], roles: RoleGrant[]): StaffScope[] {
  return weeks.flatMap((week) => {
    const admin = isWeekAdmin(roles, week.id)
    const cities = adminCities(roles, week.id)
    const organiser = roles.some((r) => r.role === 'organiser' && r.weekId === week.id)
    if (!admin && cities.length === 0 && !organiser) return []
    return [{ week, admin, cities, organiserOnly: !admin && cities.length === 0 }]
  })
}

/** The roles the caller may appoint in this week. */
export function appointableRoles(s: StaffScope, provinceWeek: boolean): AppointRole[] {
  if (s.admin) return provinceWeek ? ['admin', 'cityAdmin', 'organiser'] : ['admin', 'organiser']
  if (s.cities.length > 0) return ['organiser']
  return []
}

/** The units a role is appointed for: cities for a city admin, districts for an organiser. */
export function unitsFor(role: AppointRole, units: Unit[]): Unit[] {
  if (role === 'admin') return []
  return units.filter((u) => u.level === (role === 'cityAdmin' ? 'city' : 'district'))
}

/** The districts grouped under their cities (districts right under the week first, city null). */
export function unitTree(units: Unit[]): { city: Unit | null; districts: Unit[] }[] {
  const cities = units.filter((u) => u.level === 'city')
  const districts = units.filter((u) => u.level === 'district')
  const top = districts.filter((d) => d.cityCode === null || !cities.some((c) => c.code === d.cityCode))
  const out: { city: Unit | null; districts: Unit[] }[] = []
  if (top.length > 0 || cities.length === 0) out.push({ city: null, districts: top })
  for (const c of cities) out.push({ city: c, districts: districts.filter((d) => d.cityCode === c.code) })
  return out
}
