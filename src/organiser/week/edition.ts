// A new edition's dates, from an earlier edition: the same calendar week of a later year. Pure.

const DAY = 86_400_000

const toMs = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
const toDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

interface EditionDates {
  startDate: string
  endDate: string
  summaryDeadline: string
}

/**
 * The next edition after `from`: the first year after it whose same calendar week starts after
 * `today`; the start on the same weekday as before (nearest to the same date), the same length, and
 * the 总结表 deadline as long after the end as before.
 */
export function nextEditionDates(from: EditionDates, today: string): EditionDates {
  const start = toMs(from.startDate)
  const length = toMs(from.endDate) - start
  const deadlineAfter = toMs(from.summaryDeadline) - toMs(from.endDate)
  const weekday = new Date(start).getUTCDay()
  const month = Number(from.startDate.slice(5, 7)) - 1
  const date = Number(from.startDate.slice(8, 10))
  for (let year = Number(from.startDate.slice(0, 4)) + 1; ; year++) {
    // Same month and date (29 Feb → 28 Feb), then to the nearest day of the same weekday.
    const same = Date.UTC(year, month, Math.min(date, new Date(Date.UTC(year, month + 1, 0)).getUTCDate()))
    const shift = ((weekday - new Date(same).getUTCDay() + 10) % 7) - 3
    const next = same + shift * DAY
    if (toDay(next) > today) {
      return { startDate: toDay(next), endDate: toDay(next + length), summaryDeadline: toDay(next + length + deadlineAfter) }
    }
  }
}

/** A generated code for a district added to a new edition's list: d1, d2, … (the first one free). */
export function nextDistrictCode(taken: readonly { code: string }[]): string {
  const used = new Set(taken.map((d) => d.code))
  for (let n = 1; ; n++) if (!used.has(`d${n}`)) return `d${n}`
}
