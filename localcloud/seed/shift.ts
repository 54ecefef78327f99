// The seeded weeks placed around today. The seed is dated (the Nanchang week 2026-11-30 – 12-06,
// the Hainan week after it); started outside those dates, `npm start` and `localcloud:reset` move
// every seeded day by the same whole number of weeks, so that today falls in the first week on its
// own weekday (a Wednesday is the week's Wednesday) and the week's weekend activities stay on the
// weekend. Every date of the seed is a 'YYYY-MM-DD' day of a week or an activity (the documents'
// instants are made from them), so moving those days moves the week, its summary deadline, the
// activities' times, their sign-up and cancel deadlines and, through attendance.ts, what has
// happened by now. Courses, lessons and book lists carry no dates. Pure: the clock is a parameter.
import { shanghaiDate, shanghaiDayRange } from '../../src/shared/domain/time'
import type { SeedActivity, SeedDay, SeedWeek } from './data/types'

const DAY_MS = 24 * 60 * 60 * 1000

/** The dated part of the seed. */
export interface SeedDates {
  weeks: SeedWeek[]
  activities: SeedActivity[]
}

/** The day `days` after `day` (before it when negative). */
export function addDays(day: SeedDay, days: number): SeedDay {
  return shanghaiDate(shanghaiDayRange(day).start + days * DAY_MS)
}

/** Whole days from `from` to `to`. */
function dayDiff(from: SeedDay, to: SeedDay): number {
  return Math.round((shanghaiDayRange(to).start - shanghaiDayRange(from).start) / DAY_MS)
}

/** The first day of the earliest week and the last day of the latest. */
export function seededSpan(weeks: SeedWeek[]): { first: SeedDay; last: SeedDay } {
  if (weeks.length === 0) throw new Error('seed: no weeks')
  const first = weeks.map((w) => w.startDate).reduce((a, b) => (b < a ? b : a))
  const last = weeks.map((w) => w.endDate).reduce((a, b) => (b > a ? b : a))
  return { first, last }
}

/**
 * Days to move the seed by so that today (Shanghai, at `now`) falls in its first week: 0 when today
 * is inside the seeded weeks, else a multiple of 7 (weekdays kept).
 */
export function seedShiftDays(weeks: SeedWeek[], now: number): number {
  const today = shanghaiDate(now)
  const { first, last } = seededSpan(weeks)
  if (today >= first && today <= last) return 0
  return 7 * Math.floor(dayDiff(first, today) / 7)
}

/** The seed with every day moved by `days` (the same objects when 0). */
export function shiftSeed(seed: SeedDates, days: number): SeedDates {
  if (days === 0) return seed
  const move = (day: SeedDay) => addDays(day, days)
  return {
    weeks: seed.weeks.map((w) => ({
      ...w,
      startDate: move(w.startDate),
      endDate: move(w.endDate),
      summaryDeadline: move(w.summaryDeadline),
    })),
    activities: seed.activities.map((a) => ({
      ...a,
      day: move(a.day),
      signup: a.signup
        ? {
            ...a.signup,
            opensDay: move(a.signup.opensDay),
            closesDay: move(a.signup.closesDay),
            cancelDeadlineDay: move(a.signup.cancelDeadlineDay),
          }
        : null,
    })),
  }
}

/** The seed as `npm start` loads it at `now`: around today when today is outside its weeks. */
export function liveSeed(seed: SeedDates, now: number): { days: number; seed: SeedDates } {
  const days = seedShiftDays(seed.weeks, now)
  return { days, seed: shiftSeed(seed, days) }
}

/** Whether `npm start`, `npm run dev` and `localcloud:reset` move the weeks: yes unless SEED_FIXED_DATES=1. */
export function liveWeekWanted(env: Record<string, string | undefined>): boolean {
  return env.SEED_FIXED_DATES !== '1'
}

/** One line for the scripts' log: the seeded weeks' dates and whether they were moved. */
export function seedDatesLine(weeks: SeedWeek[], days: number): string {
  const moved = shiftSeed({ weeks, activities: [] }, days).weeks
  const dates = moved.map((w) => `${w._id} ${w.startDate} – ${w.endDate}`).join(', ')
  return days === 0 ? `weeks on their own dates: ${dates}` : `weeks moved ${days} days to be around today: ${dates}`
}
