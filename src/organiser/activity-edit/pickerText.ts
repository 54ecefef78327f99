import { dayLabel } from '@shared/domain/time'

const DATE = /^(\d{4})-\d{2}-\d{2}$/

/** '2026年12月5日 周六' for a date, the value itself for a time ('' shows 请选择). */
export function pickedText(mode: 'date' | 'time', value: string): string {
  if (!value) return '请选择'
  const m = DATE.exec(value)
  return mode === 'date' && m ? `${m[1]}年${dayLabel(value)}` : value
}

/** The wheel's range when the caller gives none: the year before to the year after the value (or today), never 1970. */
export function dateRange(value: string, now: number = Date.now()): { start: string; end: string } {
  const year = DATE.exec(value) ? Number(value.slice(0, 4)) : new Date(now).getUTCFullYear()
  return { start: `${year - 1}-01-01`, end: `${year + 1}-12-31` }
}
