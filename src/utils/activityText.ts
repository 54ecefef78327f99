// How an activity reads to people: Shanghai dates and clocks, place, seats. Pure functions.
import type { ActivitySummary } from '@shared/contracts/activity'
import { hasEnded } from '@shared/domain/signupRules'
import { dayLabel, shanghaiClock, shanghaiDate } from '@shared/domain/time'
import { ACTIVITY_MODES, CONTENT_TYPES, labelOf } from '@shared/domain/vocabulary'

/** '12月1日 周二 09:00' */
export function instantText(ms: number): string {
  return `${dayLabel(shanghaiDate(ms))} ${shanghaiClock(ms)}`
}

/** '12月1日 周二 09:00–10:30', or both dates when it ends on another day. */
export function timeRangeText(startAt: number, endAt: number): string {
  const sameDay = shanghaiDate(startAt) === shanghaiDate(endAt)
  return sameDay ? `${instantText(startAt)}–${shanghaiClock(endAt)}` : `${instantText(startAt)} 至 ${instantText(endAt)}`
}

/** '12月1日' and '周二' separately, for two-line day tabs. */
export function dayParts(day: string): { date: string; weekday: string } {
  const [date, weekday] = dayLabel(day).split(' ')
  return { date: date ?? day, weekday: weekday ?? '' }
}

export function typeLabel(type: string): string {
  return labelOf(CONTENT_TYPES, type)
}

export function modeLabel(mode: string): string {
  return labelOf(ACTIVITY_MODES, mode)
}

/** Where it happens: the venue, 线上, or the venue plus 线上直播. */
export function placeText(a: Pick<ActivitySummary, 'mode' | 'venueName'>): string {
  if (a.mode === 'online' || !a.venueName) return '线上'
  if (a.mode === 'hybrid') return `${a.venueName}（另有线上直播）`
  return a.venueName
}

export type SeatsTone = 'open' | 'few' | 'full' | 'free' | 'ended'

/** Seats in words (never colour alone): 剩余 N 个名额 / 仅剩 N 个名额 / 已报满 / 无需报名. */
export function seatsText(
  a: Pick<ActivitySummary, 'signupRequired' | 'seatsLeft' | 'capacity'> & { endAt?: number; signupClosesAt?: number | null },
  now?: number,
): { text: string; tone: SeatsTone } {
  // An ended activity shows no seats (hasEnded, shared/domain/signupRules); nor does a closed sign-up.
  if (now !== undefined && a.endAt !== undefined && hasEnded({ endAt: a.endAt }, now)) return { text: '已结束', tone: 'ended' }
  if (!a.signupRequired) return { text: '无需报名', tone: 'free' }
  if (now !== undefined && a.signupClosesAt != null && now >= a.signupClosesAt) return { text: '报名已截止', tone: 'ended' }
  if (a.seatsLeft === null) return { text: a.capacity ? `需报名，共 ${a.capacity} 个名额` : '需报名', tone: 'open' }
  if (a.seatsLeft <= 0) return { text: '已报满', tone: 'full' }
  const few = a.capacity !== null && a.seatsLeft <= Math.max(3, Math.ceil(a.capacity * 0.1))
  return few ? { text: `仅剩 ${a.seatsLeft} 个名额`, tone: 'few' } : { text: `剩余 ${a.seatsLeft} 个名额`, tone: 'open' }
}

/** '11月30日 周一 至 12月6日 周日' for a week. */
export function dateSpanText(first: string, last: string): string {
  return first === last ? dayLabel(first) : `${dayLabel(first)} 至 ${dayLabel(last)}`
}
