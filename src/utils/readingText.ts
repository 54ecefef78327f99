// How reading reads to people: streaks, minutes, the last seven days, the minutes typed in. Pure.
import { READING_MINUTES_MAX, READING_MINUTES_MIN, READING_NOTE_MAX } from '@shared/domain/reading'
import { shanghaiDate, shanghaiDayRange, shanghaiParts } from '@shared/domain/time'

/** The big buttons for 今天读了多少分钟. */
export const QUICK_MINUTES = [10, 20, 30, 60] as const

export const NOTE_MAX = READING_NOTE_MAX

/** '已连续读书 3 天', or an invitation when the streak is broken or not started. */
export function streakText(streak: number): string {
  return streak > 0 ? `已连续读书 ${streak} 天` : '还没有连续读书，今天开始吧'
}

/** '45 分钟', '1 小时', '2 小时 5 分钟'. */
export function minutesText(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`
}

/** '3 人在读' for a book's readers counter. */
export function readersText(readers: number): string {
  return readers > 0 ? `${readers} 人在读` : '还没有人打卡，做第一个吧'
}

export type MinutesCheck = { ok: true; minutes: number } | { ok: false; error: string }

/** The minutes typed in the box: a whole number between the limits. */
export function parseMinutes(raw: string): MinutesCheck {
  const s = raw.trim()
  if (!s) return { ok: false, error: '请选择或填写读了多少分钟' }
  if (!/^\d+$/.test(s)) return { ok: false, error: '请填写整数分钟，例如 30' }
  const n = Number(s)
  if (n < READING_MINUTES_MIN || n > READING_MINUTES_MAX)
    return { ok: false, error: `请填写 ${READING_MINUTES_MIN} 到 ${READING_MINUTES_MAX} 之间的分钟数` }
  return { ok: true, minutes: n }
}

/** '12/200' under the note box; counted as the contract counts (string length). */
export function noteCounter(note: string): string {
  return `${note.trim().length}/${NOTE_MAX}`
}

export interface StripDay {
  day: string
  /** '周一', or '今天' for today. */
  label: string
  /** '11/23' */
  date: string
  read: boolean
  today: boolean
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const DAY_MS = 86_400_000

/** The seven Shanghai days ending today, oldest first, each marked read or not. */
export function lastSevenDays(readDays: readonly string[], now: number): StripDay[] {
  const set = new Set(readDays)
  const todayStart = shanghaiDayRange(shanghaiDate(now)).start
  const out: StripDay[] = []
  for (let i = 6; i >= 0; i -= 1) {
    const t = todayStart - i * DAY_MS + 12 * 3_600_000
    const day = shanghaiDate(t)
    const p = shanghaiParts(t)
    out.push({ day, label: i === 0 ? '今天' : WEEKDAYS[p.weekday]!, date: `${p.month}/${p.day}`, read: set.has(day), today: i === 0 })
  }
  return out
}

/** '11月23日' for a log's day. */
export function logDayText(day: string, now: number): string {
  if (day === shanghaiDate(now)) return '今天'
  if (day === shanghaiDate(now - DAY_MS)) return '昨天'
  const p = shanghaiParts(shanghaiDayRange(day).start)
  return `${p.month}月${p.day}日`
}
