// Runs stats.reconcile through the gateway from its first call to its last (cursor null), timing
// each call: the figures both stats benches report about it.
import type { LocalCloud } from '../local-cloud'
import { call } from './gateway-client'

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface ReconcileFigures {
  calls: number
  /** All calls together, and the slowest single call (each must stay under 20 s). */
  totalMs: number
  callMaxMs: number
  dbOps: number
  byAction: Record<string, number>
  differences: any[]
  checked: Record<string, number>
  total: number
}

export async function runReconcile(
  cloud: LocalCloud,
  openid: string,
  weekId: string,
  onCall?: (n: number, ms: number, progress: { done: number; total: number }) => void,
): Promise<ReconcileFigures> {
  const out: ReconcileFigures = { calls: 0, totalMs: 0, callMaxMs: 0, dbOps: 0, byAction: {}, differences: [], checked: {}, total: 0 }
  cloud.db.resetStats()
  let cursor: string | null = null
  do {
    const t0 = performance.now()
    const res = await call(cloud, openid, 'stats', 'reconcile', { weekId, ...(cursor ? { cursor } : {}) })
    const ms = performance.now() - t0
    if (!res.ok) throw new Error(`stats.reconcile failed after ${out.calls} calls: ${JSON.stringify(res)}`)
    out.calls++
    out.totalMs += ms
    out.callMaxMs = Math.max(out.callMaxMs, ms)
    out.differences.push(...res.data.differences)
    for (const [k, v] of Object.entries(res.data.checked as Record<string, number>)) out.checked[k] = (out.checked[k] ?? 0) + v
    out.total = res.data.progress.total
    onCall?.(out.calls, ms, res.data.progress)
    cursor = res.data.cursor
  } while (cursor)
  const st = cloud.db.stats()
  out.dbOps = st.total
  out.byAction = st.byAction
  return out
}

/** The differences by kind of counter (byAudience.x, byHour.h..., byCommunity.x count as one kind each). */
export function differenceKinds(differences: any[]): Record<string, number> {
  const kinds = new Map<string, number>()
  for (const d of differences) {
    const kind = `${d.scope} ${String(d.field).split('.').slice(0, 2).join('.')}${d.recounted === 0 ? ' (recounted 0)' : ''}`
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
  }
  return Object.fromEntries(kinds)
}
