// How the live dashboard words its figures. Pure; Shanghai time.
import type { LiveActivity } from '@shared/contracts/stats'
import { dayLabel, shanghaiClock, shanghaiDate } from '@shared/domain/time'

const pad = (n: number) => String(n).padStart(2, '0')

/** 'HH:mm:ss' in Shanghai (a whole-hour offset: the seconds are the same everywhere). */
export function clockWithSeconds(ms: number): string {
  return `${shanghaiClock(ms)}:${pad(Math.floor(ms / 1000) % 60)}`
}

/** The day the dashboard opens on: today during the week, else the week's nearest day. */
export function defaultDay(week: { startDate: string; endDate: string }, now: number): string {
  const today = shanghaiDate(now)
  if (today < week.startDate) return week.startDate
  if (today > week.endDate) return week.endDate
  return today
}

/** '今日活动' today, else '12月1日 周二的活动'. */
export function dayHeading(day: string, now: number): string {
  return day === shanghaiDate(now) ? '今日活动' : `${dayLabel(day)}的活动`
}

/** '今天没有活动' today, else '这一天没有活动'. */
export function emptyDayText(day: string, now: number): string {
  return day === shanghaiDate(now) ? '今天没有活动' : '这一天没有活动'
}

/** Seats in words: '报名 12 / 名额 20', or '无需报名' for an activity without sign-up. */
export function seatsLine(a: Pick<LiveActivity, 'registered' | 'capacity'>): string {
  return a.capacity === null ? `无需报名（报名 ${a.registered} 人）` : `报名 ${a.registered} / 名额 ${a.capacity}`
}

/** The badges of a card, in words (never colour alone). */
export function badges(a: Pick<LiveActivity, 'status' | 'full' | 'needsHelp'> & { featured?: boolean }): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = []
  if (a.featured) out.push({ key: 'featured', text: '★ 特色活动' })
  if (a.status === 'cancelled') out.push({ key: 'cancelled', text: '✕ 已取消' })
  if (a.full) out.push({ key: 'full', text: '● 已满' })
  if (a.needsHelp) out.push({ key: 'help', text: '⚠ 需要志愿者' })
  return out
}

/** 'HH:mm–HH:mm' of an activity on its day. */
export function clockRange(startAt: number, endAt: number): string {
  return `${shanghaiClock(startAt)}–${shanghaiClock(endAt)}`
}

/** Arrived of registered, '到场 60%'; null without registrations. */
export function arrivalText(a: Pick<LiveActivity, 'checkedIn' | 'registered'>): string | null {
  if (a.registered <= 0) return null
  return `签到率 ${Math.round((a.checkedIn / a.registered) * 100)}%`
}
