// Reporting up: the units of a week (its districts, the cities above them when it has any, and the
// week's own bureau at the top), who each unit hands its 总结表 to, and the rules of a submission
// (draft → 已提交 → 已确认, or 退回修改 with a reason and submitted again). Pure: the stats function
// stores and checks, the pages show.
import { isDistrictOfCity } from './staff'
import { shanghaiDate } from './time'

export type UnitLevel = 'district' | 'city' | 'top'

/** A unit of a week: a district, a city, or the week's top (its bureau; code null). */
export interface UnitRef {
  level: UnitLevel
  code: string | null
  name: string
}

/** What the tree needs of a week. */
export interface WeekUnits {
  _id?: string
  id?: string
  region: string
  districts: readonly { code: string; name: string; cityCode?: string }[]
  cities?: readonly { code: string; name: string }[]
}

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'confirmed'] as const
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number]

export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus, string> = {
  draft: '未提交',
  submitted: '已提交',
  returned: '已退回修改',
  confirmed: '已确认',
}

export const REPORTING_LIMITS = {
  /** A return's reason: what the unit must change. */
  reasonMin: 2,
  reasonMax: 200,
  /** Reminders go to units that have not submitted this many days before the deadline. */
  remindDaysBefore: [3, 1] as readonly number[],
} as const

export const topUnit = (week: WeekUnits): UnitRef => ({ level: 'top', code: null, name: week.region })

/** The city a district belongs to (its cityCode, or the city whose code prefixes it), or null. */
export function cityOf(week: WeekUnits, districtCode: string): { code: string; name: string } | null {
  const cities = week.cities ?? []
  const d = week.districts.find((x) => x.code === districtCode)
  const code = d?.cityCode ?? cities.find((c) => isDistrictOfCity(districtCode, c.code))?.code
  return cities.find((c) => c.code === code) ?? null
}

/** The unit named by a district code or a city code (neither: the top); null when the week has no such unit. */
export function unitOf(week: WeekUnits, at: { districtCode?: string | null; cityCode?: string | null }): UnitRef | null {
  if (at.districtCode) {
    const d = week.districts.find((x) => x.code === at.districtCode)
    return d ? { level: 'district', code: d.code, name: d.name } : null
  }
  if (at.cityCode) {
    const c = (week.cities ?? []).find((x) => x.code === at.cityCode)
    return c ? { level: 'city', code: c.code, name: c.name } : null
  }
  return topUnit(week)
}

/** Who a unit hands its 总结表 to: a district its city (if it has one) else the top; a city the top; the top nobody. */
export function parentOf(week: WeekUnits, unit: UnitRef): UnitRef | null {
  if (unit.level === 'top') return null
  if (unit.level === 'city') return topUnit(week)
  const city = cityOf(week, unit.code as string)
  return city ? { level: 'city', code: city.code, name: city.name } : topUnit(week)
}

/** The units that hand in to this one, in the week's order: the top's cities then its districts without a city. */
export function childrenOf(week: WeekUnits, unit: UnitRef): UnitRef[] {
  if (unit.level === 'district') return []
  if (unit.level === 'city') {
    return week.districts
      .filter((d) => cityOf(week, d.code)?.code === unit.code)
      .map((d) => ({ level: 'district', code: d.code, name: d.name }))
  }
  const cities: UnitRef[] = (week.cities ?? []).map((c) => ({ level: 'city', code: c.code, name: c.name }))
  const loose: UnitRef[] = week.districts
    .filter((d) => !cityOf(week, d.code))
    .map((d) => ({ level: 'district', code: d.code, name: d.name }))
  return [...cities, ...loose]
}

/** The districts a unit covers (a district itself; a city its districts; the top all of them). */
export function districtsUnder(week: WeekUnits, unit: UnitRef): string[] {
  if (unit.level === 'district') return [unit.code as string]
  if (unit.level === 'city') return week.districts.filter((d) => cityOf(week, d.code)?.code === unit.code).map((d) => d.code)
  return week.districts.map((d) => d.code)
}

/**
 * The id of a unit's 总结表 document: `<week>_<district>` (as drafts always were), `<week>_city~<city>`,
 * `<week>__all` for the top.
 */
export function summaryIdOf(weekId: string, unit: Pick<UnitRef, 'level' | 'code'>): string {
  if (unit.level === 'top') return `${weekId}__all`
  if (unit.level === 'city') return `${weekId}_city~${unit.code}`
  return `${weekId}_${unit.code}`
}

/** A stable key of a unit within a week, e.g. for lists and test ids. */
export const unitKey = (unit: Pick<UnitRef, 'level' | 'code'>) => (unit.level === 'top' ? 'top' : `${unit.level}:${unit.code}`)

/** A submission made at `at` is late when its Shanghai day is after the deadline day. */
export function isLate(at: number, deadline: string): boolean {
  return shanghaiDate(at) > deadline
}

/** A unit may submit from a draft or after a return; not while submitted or once confirmed. */
export const canSubmitFrom = (status: SubmissionStatus) => status === 'draft' || status === 'returned'

/** The draft may be edited unless it is with the level above (submitted) or confirmed. */
export const draftLocked = (status: SubmissionStatus) => status === 'submitted' || status === 'confirmed'

/** The level above confirms or returns only what is submitted. */
export const canReviewFrom = (status: SubmissionStatus) => status === 'submitted'

/**
 * The days before the deadline (of REPORTING_LIMITS.remindDaysBefore) whose reminder is due on
 * `today` (a Shanghai day): exactly that many days before the deadline.
 */
export function reminderDue(deadline: string, today: string): number | null {
  const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
  return REPORTING_LIMITS.remindDaysBefore.includes(days) ? days : null
}
