// Benchmarks write flat JSON figures to .bench/results.json; each issue adds its own keys.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const BENCH_DIR = path.resolve(__dirname, '..', '..', '.bench')
export const RESULTS_FILE = path.join(BENCH_DIR, 'results.json')

export function recordFigures(figures: Record<string, number>): Record<string, number> {
  mkdirSync(BENCH_DIR, { recursive: true })
  const previous = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, number>) : {}
  const merged = { ...previous, ...figures }
  writeFileSync(RESULTS_FILE, JSON.stringify(merged, null, 2) + '\n')
  for (const [key, value] of Object.entries(figures)) console.log(`${key}=${value}`)
  return merged
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx]
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits
