// The sign-up window of the organiser's form in words and choices: how long before the start, the
// window as residents will meet it, what publishing tells the organiser, and the days a deadline may
// fall on. Pure: the clock is passed in; days and clocks are Asia/Shanghai.
import { daysBetween, shanghaiDate, shanghaiDayRange } from '@shared/domain/time'
import { instantText } from '@/utils/activityText'
import { instants, type ActivityForm } from './form'

const DAY_MS = 24 * 60 * 60 * 1000

/** '开始前2小时', '开始前1天', '开始前1天2小时30分钟', '与开始同时'. */
export function leadText(at: number, startAt: number): string {
  const minutes = Math.round((startAt - at) / 60_000)
  if (minutes <= 0) return minutes === 0 ? '与开始同时' : '晚于开始'
  const d = Math.floor(minutes / 1440)
  const h = Math.floor((minutes % 1440) / 60)
  const m = minutes % 60
  return `开始前${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${m ? `${m}分钟` : ''}`
}

export interface WindowLine {
  key: 'opens' | 'closes' | 'cancel'
  text: string
  /** Already past (closes: residents could not sign up; cancel: nobody could cancel). */
  past: boolean
}

/** The sign-up window in words, as residents will meet it; empty while a time is not readable. */
export function windowWords(f: ActivityForm, now: number): WindowLine[] {
  const t = instants(f)
  if ([t.startAt, t.opensAt, t.closesAt, t.cancelDeadline].some((x) => Number.isNaN(x))) return []
  return [
    { key: 'opens', text: `报名开始：${t.opensAt <= now ? '发布后即可报名' : instantText(t.opensAt)}`, past: false },
    {
      key: 'closes',
      text: `报名截止：${instantText(t.closesAt)}（${leadText(t.closesAt, t.startAt)}）${t.closesAt <= now ? '，已经过去，发布后居民无法报名' : ''}`,
      past: t.closesAt <= now,
    },
    {
      key: 'cancel',
      text: `取消报名截止：${instantText(t.cancelDeadline)}（${leadText(t.cancelDeadline, t.startAt)}）${t.cancelDeadline <= now ? '，已经过去，报名后不能自行取消' : ''}`,
      past: t.cancelDeadline <= now,
    },
  ]
}

/** What publishing means for residents, by the activity's window: said before and after publishing. */
export function publishWords(
  a: { signupRequired: boolean; signupOpensAt: number | null; signupClosesAt: number | null },
  now: number,
  done: boolean,
): string {
  const head = done ? '✓ 已发布，居民现在可以在活动周首页看到' : '发布后，居民就能在活动周首页看到'
  const tail = done ? '' : '确定发布吗？'
  if (!a.signupRequired) return `${head}（无需报名，按时到场即可）${done ? '' : `。${tail}`}`
  // A window being typed (not a time yet): nothing said about it.
  if (a.signupOpensAt === null || a.signupClosesAt === null || Number.isNaN(a.signupOpensAt + a.signupClosesAt)) return `${head}。${tail}`
  if (now >= a.signupClosesAt) return `${head}，但报名已经截止。${tail}`
  if (now < a.signupOpensAt) return `${head}，${instantText(a.signupOpensAt)} 开始报名。${tail}`
  return `${head}并报名，${instantText(a.signupClosesAt)} 截止报名。${tail}`
}

/**
 * The days a deadline (or the opening) may fall on, as chips: the activity day and the 6 days
 * before it, none before today; the opening may also be today; the current value is always kept.
 */
export function windowDays(day: string, value: string, now: number, withToday: boolean): string[] {
  const today = shanghaiDate(now)
  const first = shanghaiDate(shanghaiDayRange(day).start - 6 * DAY_MS)
  const out = new Set(daysBetween(first, day).filter((d) => d >= today))
  if (withToday && today <= day) out.add(today)
  if (value) out.add(value)
  return [...out].sort()
}
