// Pure helpers behind the organiser's charts: a round top for the axis, bar lengths as percentages,
// the hours worth showing of a day's check-in curve, and rates in words.

/** The smallest 1, 2 or 5 × 10^n at or above `max` (at least 1): a round number for the axis top. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 1) return 1
  const exp = Math.floor(Math.log10(max))
  const base = 10 ** exp
  for (const step of [1, 2, 5, 10]) {
    // Guard against 0.1 + 0.2 style drift (e.g. 3 × 10^-1).
    const top = Math.round(step * base * 1e6) / 1e6
    if (top >= max) return top
  }
  return 10 * base
}

/**
 * A bar's length in percent of the axis top: 0 for 0, otherwise at least `minVisible` so a small but
 * real value is never drawn as nothing; never above 100.
 */
export function barPercent(value: number, top: number, minVisible = 2): number {
  if (!(value > 0) || !(top > 0)) return 0
  const pct = (value / top) * 100
  return Math.min(100, Math.max(minVisible, Math.round(pct * 10) / 10))
}

export interface CurvePoint {
  hour: number
  participants: number
}

/**
 * The hours of a day worth drawing: a fixed working-day window (default 8–20 时) widened to every
 * hour that has arrivals, each hour present (0 where the curve has no entry). 24 columns do not fit a
 * phone; 13 do.
 */
export function curveWindow(curve: readonly CurvePoint[], from = 8, to = 20): CurvePoint[] {
  const byHour = new Map<number, number>()
  for (const p of curve) byHour.set(p.hour, (byHour.get(p.hour) ?? 0) + p.participants)
  const busy = [...byHour.entries()].filter(([, n]) => n > 0).map(([h]) => h)
  const first = Math.max(0, Math.min(from, ...busy))
  const last = Math.min(23, Math.max(to, ...busy))
  const out: CurvePoint[] = []
  for (let h = first; h <= last; h++) out.push({ hour: h, participants: byHour.get(h) ?? 0 })
  return out
}

/** The busiest hour of a curve, or null when nobody has arrived. */
export function peakHour(curve: readonly CurvePoint[]): CurvePoint | null {
  let best: CurvePoint | null = null
  for (const p of curve) if (p.participants > 0 && (!best || p.participants > best.participants)) best = p
  return best
}

/** 0.965 → '96.5%'; null (no ratings) → '暂无评价'. */
export function rateText(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '暂无评价'
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}
