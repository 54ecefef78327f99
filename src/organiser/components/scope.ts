// Which week and district an organiser page shows. Pure.
import type { Scope } from '@/services/activity'

export type { Scope }

/** '' is the roll-up of every district (admins only, where the page offers it). */
export type DistrictChoice = string

/** The district a page opens on: the one asked for if allowed, else the roll-up (admin) or the first. */
export function initialDistrict(scope: Scope, rollUp: boolean, asked?: string | null): DistrictChoice {
  if (asked && scope.districts.some((d) => d.code === asked)) return asked
  if (asked === '' && rollUp && scope.admin) return ''
  if (rollUp && scope.admin) return ''
  return scope.districts[0]?.code ?? ''
}

/** The week a page opens on: the one asked for, then the one remembered, then the first. */
export function pickScope(scopes: Scope[], ...preferred: (string | null | undefined)[]): Scope | null {
  for (const id of preferred) {
    const s = id ? scopes.find((x) => x.week.id === id) : undefined
    if (s) return s
  }
  return scopes[0] ?? null
}

/** The district's name, or 全部县区 for the roll-up. */
export function districtName(scope: Scope, code: DistrictChoice): string {
  if (code === '') return '全部县区'
  return scope.districts.find((d) => d.code === code)?.name ?? code
}

/** Query string for the summary and publicity pages. */
export function scopeQuery(weekId: string, district: DistrictChoice): string {
  return `weekId=${encodeURIComponent(weekId)}&districtCode=${encodeURIComponent(district)}`
}
