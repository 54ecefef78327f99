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

const MINUTE_MS = 60 * 1000
const HOUR_MS = 60 * MINUTE_MS
/** By default sign-up closes this long before the start… */
export const SIGNUP_CLOSE_LEAD_MS = 2 * HOUR_MS
/** …and cancelling is possible until this long before it. */
export const CANCEL_LEAD_MS = 24 * HOUR_MS
/** A default deadline is never sooner than this from now (then rounded up to the half hour). */
export const DEADLINE_MARGIN_MS = HOUR_MS

/**
 * The default sign-up window of an activity starting at `startAt`, seen at `now` (minute precision):
 * open from now; closing 2 hours before the start, but never sooner than an hour from now (rounded
 * up to the half hour) and never after the start; cancellable until 24 hours before the start, or,
 * when that is already past or too near, as long as sign-up is open.
 */
export function defaultSignupWindow(startAt: number, now: number): { opensAt: number; closesAt: number; cancelDeadline: number } {
  const earliest = Math.ceil((now + DEADLINE_MARGIN_MS) / (30 * MINUTE_MS)) * 30 * MINUTE_MS
  const closesAt = Math.min(startAt, Math.max(startAt - SIGNUP_CLOSE_LEAD_MS, earliest))
  const opensAt = Math.min(Math.floor(now / MINUTE_MS) * MINUTE_MS, closesAt - MINUTE_MS)
  const cancelDeadline = startAt - CANCEL_LEAD_MS >= earliest ? startAt - CANCEL_LEAD_MS : closesAt
  return { opensAt, closesAt, cancelDeadline }
}

/**
 * Why the activity may not be published now, or null: every rule of the plan, a start still ahead,
 * and a sign-up that is not already closed (residents would see 报名已截止 at once).
 */
export function publishRefusal(plan: ActivityPlan, week: WeekSpan, now: number): ErrorCode | null {
  const broken = activityRuleBroken(plan, week, now, { requireFutureStart: true })
  if (broken) return broken
  if (plan.signup && plan.signup.closesAt <= now) return 'SIGNUP_ALREADY_CLOSED'
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
