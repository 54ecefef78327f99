import type { Registration } from '@shared/contracts/signup'
import { shanghaiDate } from '@shared/domain/time'
import { readString, writeString } from './storage'

const KEY = 'tickets.days'

/**
 * The Shanghai days of the upcoming confirmed tickets this phone has seen (from 我的 or a sign-up),
 * so the home page asks for today's ticket only on a day that has one.
 */
export function rememberTicketDays(items: Pick<Registration, 'status' | 'activity'>[]): void {
  const days = items
    .filter((r) => r.status === 'confirmed' && r.activity.status !== 'cancelled')
    .map((r) => shanghaiDate(r.activity.startAt))
  writeString(KEY, [...new Set(days)].sort().join(','))
}

/** Adds one ticket's day (a sign-up just made), keeping the others. */
export function rememberTicketDay(startAt: number): void {
  const days = new Set(readString(KEY).split(',').filter(Boolean))
  days.add(shanghaiDate(startAt))
  writeString(KEY, [...days].sort().join(','))
}

export function hasTicketOn(day: string): boolean {
  return readString(KEY).split(',').includes(day)
}
