// How the live dashboard words its figures. Pure; Shanghai time.
import type { Dashboard, LiveActivity } from '@shared/contracts/stats'
import { dayLabel, shanghaiClock, shanghaiDate } from '@shared/domain/time'

const pad = (n: number) => String(n).padStart(2, '0')

/** 'HH:mm:ss' in Shanghai (a whole-hour offset: the seconds are the same everywhere). */
export function clockWithSeconds(ms: number): string {
  return `${shanghaiClock(ms)}:${pad(Math.floor(ms / 1000) % 60)}`
}

/** A change waits for the next update: '有新变化，将在 HH:mm:ss 前更新'. */
export function pendingText(at: number): string {
  return `有新变化，将在 ${clockWithSeconds(at)} 前更新`
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

/** How long ago, in minutes at least: '刚刚', '5 分钟前', '2 小时前', else the day and time. */
function agoText(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000)
  if (minutes < 1) return '刚刚'
  if (minutes < 60) return `${minutes} 分钟前`
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`
  return `${dayLabel(shanghaiDate(at))} ${shanghaiClock(at)}`
}

/**
 * The dashboard's lines about the automatic repair: when it last looked, and what it last changed
 * in this scope ('自动修复：3 分钟前检查过', '最近一次修复（自动，5 分钟前）：收回中断报名占用的名额 1 项 · 涉及：…').
 */
export function repairLines(repair: Dashboard['repair'], now: number): string[] {
  const lines = [repair.lastRunAt === null ? '自动修复：尚未运行' : `自动修复：${agoText(repair.lastRunAt, now)}检查过`]
  const c = repair.lastChange
  if (!c || c.kinds.length === 0) {
    lines.push('本范围内没有需要修复的报名或计数')
    return lines
  }
  const what = c.kinds.map((k) => `${k.label} ${k.count} 项`).join('，')
  lines.push(`最近一次修复（${c.byTimer ? '自动' : '管理员核对'}，${agoText(c.at, now)}）：${what}`)
  if (c.titles.length > 0) lines.push(`涉及：${c.titles.join('、')}`)
  return lines
}
