// How a week is named on a chip. Pure and tiny: the home page (main package) uses it.

interface ChipWeek {
  id: string
  region: string
  startDate: string
}

/**
 * A week's chip label: its region, with the year when another week shares the region (editions:
 * 南昌市 2026 / 南昌市 2027), and with the start date when they share the year too.
 */
export function weekChipLabel(week: ChipWeek, allWeeks: ChipWeek[]): string {
  const twins = allWeeks.filter((w) => w.id !== week.id && w.region === week.region)
  if (twins.length === 0) return week.region
  const year = week.startDate.slice(0, 4)
  const sameYear = twins.some((w) => w.startDate.slice(0, 4) === year)
  return `${week.region} ${sameYear ? week.startDate : year}`
}
