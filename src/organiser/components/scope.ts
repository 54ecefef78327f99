// Which week and district an organiser page shows. Pure.
import type { Scope } from '@/services/activity'

export type { Scope }

/**
 * '' is the roll-up of every district (admins only, where the page offers it); `~<cityCode>` a city's
 * roll-up (its admins, on the 总结表; '~' is never in a code); else a district's code.
 */
export type DistrictChoice = string

const CITY = '~'
export const cityChoice = (cityCode: string): DistrictChoice => `${CITY}${cityCode}`
/** The city of a city roll-up choice, else null. */
export const cityOfChoice = (choice: DistrictChoice): string | null => (choice.startsWith(CITY) ? choice.slice(CITY.length) : null)

/**
 * The district a page opens on: the one asked for if allowed (with `cities`, a city the caller
 * administers too), else the roll-up (admin), their city (a city admin, with `cities`) or the first.
 */
export function initialDistrict(scope: Scope, rollUp: boolean, asked?: string | null, cities = false): DistrictChoice {
  if (asked && scope.districts.some((d) => d.code === asked)) return asked
  const askedCity = asked ? cityOfChoice(asked) : null
  if (cities && askedCity && scope.cities.includes(askedCity)) return cityChoice(askedCity)
  if (asked === '' && rollUp && scope.admin) return ''
  if (rollUp && scope.admin) return ''
  if (cities && scope.cities.length > 0) return cityChoice(scope.cities[0])
  return scope.districts[0]?.code ?? ''
}

/** The input naming a choice's unit: a district, a city, or neither (the top). */
export function unitInput(weekId: string, choice: DistrictChoice): { weekId: string; districtCode?: string; cityCode?: string } {
  const city = cityOfChoice(choice)
  if (city) return { weekId, cityCode: city }
  return choice ? { weekId, districtCode: choice } : { weekId }
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
  if (cityOfChoice(code)) return '全市汇总'
  return scope.districts.find((d) => d.code === code)?.name ?? code
}

/** Query string for the summary and publicity pages. */
export function scopeQuery(weekId: string, district: DistrictChoice): string {
  return `weekId=${encodeURIComponent(weekId)}&districtCode=${encodeURIComponent(district)}`
}

/** Query string of one unit's submitted copy (organiser/submission): a district's or a city's. */
export function unitQuery(weekId: string, unit: { level: string; code: string | null }): string {
  const key = unit.level === 'city' ? 'cityCode' : 'districtCode'
  return `weekId=${encodeURIComponent(weekId)}&${key}=${encodeURIComponent(unit.code ?? '')}`
}
