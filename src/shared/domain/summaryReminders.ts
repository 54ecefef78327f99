// Reminders before the 总结表 deadline (the stats function's daily timer): on a Shanghai day that is
// REPORTING_LIMITS.remindDaysBefore days before a week's summaryDeadline, every unit below the top
// (its cities and districts; the top hands in to nobody) whose 总结表 is not submitted or confirmed
// is reminded, through the people who run it: a district's organisers, a city's city admins. Pure:
// the timer reads the week, the units' statuses and the grants, and writes what this plans.
import { reminderDue, summaryIdOf, unitKey, type SubmissionStatus, type WeekUnits } from './reporting'

/** A unit that hands its 总结表 to a level above. */
export interface ReminderUnit {
  level: 'district' | 'city'
  code: string
  name: string
}

/** The part of a role grant the reminders read (RoleGrant of the activity contract). */
export interface ReminderGrant {
  role: string
  weekId?: string
  districtCode?: string
  cityCode?: string
}

/** One notice to write: `recipient` runs `unit`, whose 总结表 is due in `daysLeft` days. */
export interface SummaryReminder {
  unit: ReminderUnit
  recipient: string
  daysLeft: number
}

/** The roles that run a unit, and so hear its reminders. */
export const RUNS_UNIT = { district: 'organiser', city: 'cityAdmin' } as const

/** Every unit of a week that hands in to someone: its cities, then all its districts (the top has nobody above). */
export function unitsBelowTop(week: WeekUnits): ReminderUnit[] {
  return [
    ...(week.cities ?? []).map((c) => ({ level: 'city' as const, code: c.code, name: c.name })),
    ...week.districts.map((d) => ({ level: 'district' as const, code: d.code, name: d.name })),
  ]
}

/** A unit is reminded unless its 总结表 is submitted or confirmed (no document: a draft; returned: to submit again). */
export const awaitsSubmission = (status: SubmissionStatus | null | undefined) => status !== 'submitted' && status !== 'confirmed'

/** Whether `grant` makes its holder one of those who run `unit` in week `weekId`. */
export function runsUnit(grant: ReminderGrant, weekId: string, unit: Pick<ReminderUnit, 'level' | 'code'>): boolean {
  if (grant.role !== RUNS_UNIT[unit.level] || grant.weekId !== weekId) return false
  return unit.level === 'district' ? grant.districtCode === unit.code : grant.cityCode === unit.code
}

/**
 * The reminders of a week on Shanghai day `today`: none unless the deadline is exactly one of the
 * reminder days away; else one per unit not yet submitted (its status by summaryIdOf in `statuses`)
 * per person who runs it, in the week's order of units, then by openid.
 */
export function planReminders(
  week: WeekUnits & { summaryDeadline: string },
  weekId: string,
  today: string,
  statuses: ReadonlyMap<string, SubmissionStatus | null | undefined>,
  users: readonly { _id: string; roles?: readonly ReminderGrant[] }[],
): SummaryReminder[] {
  const daysLeft = reminderDue(week.summaryDeadline, today)
  if (daysLeft === null) return []
  const out: SummaryReminder[] = []
  for (const unit of unitsBelowTop(week)) {
    if (!awaitsSubmission(statuses.get(summaryIdOf(weekId, unit)))) continue
    const recipients = users.filter((u) => (u.roles ?? []).some((g) => runsUnit(g, weekId, unit))).map((u) => u._id)
    for (const recipient of [...new Set(recipients)].sort()) out.push({ unit, recipient, daysLeft })
  }
  return out
}

/** The parts that make a reminder's notice id: one notice per unit, reminder day and recipient. */
export const reminderKey = (weekId: string, r: SummaryReminder): string[] => [weekId, unitKey(r.unit), String(r.daysLeft), r.recipient]
