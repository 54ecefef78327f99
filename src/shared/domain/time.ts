// Activity times are Asia/Shanghai (UTC+8, no daylight saving), whatever the host's zone.
// Everything here is pure: instants are epoch milliseconds, days are 'YYYY-MM-DD' strings.

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

/** Calendar fields of an instant as a clock in Shanghai shows it. */
export function shanghaiParts(ms: number) {
  const d = new Date(ms + SHANGHAI_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  }
}

/** 'YYYY-MM-DD' of the Shanghai day an instant falls in. */
export function shanghaiDate(ms: number): string {
  const p = shanghaiParts(ms)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** 'HH:mm' in Shanghai. */
export function shanghaiClock(ms: number): string {
  const p = shanghaiParts(ms)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isValidDay(day: string): boolean {
  const m = DAY_RE.exec(day)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const probe = new Date(Date.UTC(y, mo - 1, d))
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d
}

/** [start, end) epoch ms of a Shanghai calendar day. */
export function shanghaiDayRange(day: string): { start: number; end: number } {
  const m = DAY_RE.exec(day)
  if (!m || !isValidDay(day)) throw new RangeError(`not a calendar day: ${day}`)
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - SHANGHAI_OFFSET_MS
  return { start, end: start + DAY_MS }
}

/** Epoch ms of a Shanghai wall-clock time, e.g. shanghaiInstant('2026-12-07', '09:30'). */
export function shanghaiInstant(day: string, clock: string): number {
  const cm = /^(\d{2}):(\d{2})$/.exec(clock)
  if (!cm) throw new RangeError(`not a clock time: ${clock}`)
  return shanghaiDayRange(day).start + (Number(cm[1]) * 60 + Number(cm[2])) * 60 * 1000
}

/**
 * A clock time as typed, as 'HH:mm': '9:30', '09:30', '9：30', '9.30', '9点30', '0930', '930', or a
 * bare hour ('9', '9点' = 09:00). Null when it is not a time of day (minutes need two digits).
 */
export function parseClock(text: string): string | null {
  const s = text
    .trim()
    .replace(/[：:.．点時时]/g, ':')
    .replace(/分$/, '')
    .replace(/:$/, '')
  const m = /^(\d{1,2}):(\d{2})$/.exec(s) ?? /^(\d{1,2})(\d{2})$/.exec(s) ?? /^(\d{1,2})()$/.exec(s)
  if (!m) return null
  const h = Number(m[1])
  const min = m[2] ? Number(m[2]) : 0
  return h <= 23 && min <= 59 ? `${pad(h)}:${pad(min)}` : null
}

/** Every day from first to last inclusive, as 'YYYY-MM-DD'. */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = []
  for (let t = shanghaiDayRange(first).start; t <= shanghaiDayRange(last).start; t += DAY_MS) {
    out.push(shanghaiDate(t))
  }
  return out
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** '12月7日 周一' for a day string. */
export function dayLabel(day: string): string {
  const p = shanghaiParts(shanghaiDayRange(day).start)
  return `${p.month}月${p.day}日 ${WEEKDAYS[p.weekday]}`
}

/** The day the week's list opens on: today (Shanghai) while the week runs, else its first day. */
export function openingDay(startDate: string, endDate: string, now: number): string {
  const today = shanghaiDate(now)
  return today >= startDate && today <= endDate ? today : startDate
}
