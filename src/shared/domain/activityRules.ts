// Cross-field rules of an activity and of an activity week, as organisers and bureau admins
// enter them. Pure: instants are epoch ms, the clock is passed in. Each rule answers the stable
// code of the first rule broken, or null.
import type { ErrorCode } from '../errors'
import type { ActivityCounters } from './counters'
import type { SignupField } from './people'
import { isValidDay, shanghaiDate } from './time'
import type { ActivityMode } from './vocabulary'

export interface ActivityPlan {
  mode: ActivityMode
  venue: { name: string; address: string } | null
  onlineUrl: string | null
  startAt: number
  endAt: number
  signup: {
    capacity: number
    opensAt: number
    closesAt: number
    cancelDeadline: number
    fields: SignupField[]
  } | null
}

export interface WeekSpan {
  startDate: string
  endDate: string
}

export interface ActivityRuleOptions {
  /** Refuse a start in the past (creating, publishing, or moving the times). */
  requireFutureStart: boolean
}

export function activityRuleBroken(plan: ActivityPlan, week: WeekSpan, now: number, options: ActivityRuleOptions): ErrorCode | null {
  const needsVenue = plan.mode === 'offline' || plan.mode === 'hybrid'
  const needsUrl = plan.mode === 'online' || plan.mode === 'hybrid'
  if (needsVenue && !plan.venue) return 'VENUE_REQUIRED'
  if (needsUrl && !plan.onlineUrl) return 'ONLINE_URL_REQUIRED'
  if (!(plan.endAt > plan.startAt)) return 'ACTIVITY_TIME_INVALID'
  if (options.requireFutureStart && plan.startAt <= now) return 'ACTIVITY_START_PASSED'
  const firstDay = shanghaiDate(plan.startAt)
  const lastDay = shanghaiDate(plan.endAt - 1)
  if (firstDay < week.startDate || lastDay > week.endDate) return 'ACTIVITY_OUTSIDE_WEEK'
  if (plan.signup) {
    const s = plan.signup
    if (!(s.opensAt < s.closesAt) || s.closesAt > plan.startAt) return 'SIGNUP_WINDOW_INVALID'
    if (s.cancelDeadline > plan.startAt) return 'CANCEL_DEADLINE_INVALID'
  }
  return null
}

/** A new capacity may not drop below the seats already taken. */
export function capacityChangeBroken(newCapacity: number, counters: ActivityCounters): ErrorCode | null {
  return newCapacity < counters.confirmed ? 'CAPACITY_BELOW_CONFIRMED' : null
}

/** Switching to "no sign-up needed" is only possible while nobody holds or waits for a seat. */
export function signupRemovalBroken(counters: ActivityCounters): ErrorCode | null {
  return counters.confirmed + counters.waitlisted > 0 ? 'SIGNUP_HAS_REGISTRATIONS' : null
}

export interface WeekPlan extends WeekSpan {
  summaryDeadline: string
  districts: { code: string; name: string }[]
}

export function weekRuleBroken(week: WeekPlan): ErrorCode | null {
  if (!isValidDay(week.startDate) || !isValidDay(week.endDate) || week.endDate < week.startDate) return 'WEEK_DATES_INVALID'
  if (!isValidDay(week.summaryDeadline) || week.summaryDeadline < week.endDate) return 'WEEK_DEADLINE_INVALID'
  const codes = week.districts.map((d) => d.code)
  if (codes.length === 0 || new Set(codes).size !== codes.length) return 'WEEK_DISTRICTS_INVALID'
  return null
}
