// Who may run what: the rules of roles and units, shared by the functions and the pages. Pure.
import type { RoleGrant } from '../contracts/activity'

export const STAFF_LIMITS = {
  unitNameMax: 20,
  /** An appointment invite lasts 3 days unless said otherwise, a week at most. */
  inviteDefaultHours: 72,
  inviteMaxHours: 168,
  /** Wrong setup codes a person may enter per window. */
  setupAttempts: 5,
  setupWindowMs: 3_600_000,
} as const

/** Appointment codes: 10 characters of the same unambiguous alphabet as volunteer invites. */
export const APPOINT_CODE_RE = /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{10}$/
export function normaliseAppointCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '')
}

/** The bureau admin of the environment (the setup code's claimant): admin of every week. */
export function isBureau(roles: readonly RoleGrant[]): boolean {
  return roles.some((r) => r.role === 'bureau')
}

/** Admin of the whole week (or the bureau). */
export function isWeekAdmin(roles: readonly RoleGrant[], weekId: string): boolean {
  return roles.some((r) => r.role === 'bureau' || (r.role === 'admin' && r.weekId === weekId))
}

/** A district generated under a city has the code `<cityCode>-<n>`. */
export const districtCodeIn = (cityCode: string, n: number) => `${cityCode}-${n}`
export const isDistrictOfCity = (districtCode: string, cityCode: string) => districtCode.startsWith(`${cityCode}-`)

/** The cities a caller administers in a week (not counting a week admin, who has all). */
export function adminCities(roles: readonly RoleGrant[], weekId: string): string[] {
  return roles.flatMap((r) => (r.role === 'cityAdmin' && r.weekId === weekId ? [r.cityCode] : []))
}

/** Organiser of a district: its own organisers, its city's admins and the week's admins. */
export function runsDistrict(roles: readonly RoleGrant[], weekId: string, districtCode: string): boolean {
  return (
    isWeekAdmin(roles, weekId) ||
    adminCities(roles, weekId).some((c) => isDistrictOfCity(districtCode, c)) ||
    roles.some((r) => r.role === 'organiser' && r.weekId === weekId && r.districtCode === districtCode)
  )
}
