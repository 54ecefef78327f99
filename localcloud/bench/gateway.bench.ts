// Latency of the activity list through the gateway (HTTP -> function -> SDK -> local database).
import type { LocalCloud } from '../local-cloud'
import { percentile, round } from './results'

export async function benchActivityList(cloud: LocalCloud, rounds = 300): Promise<Record<string, number>> {
  const days = ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', undefined]
  const call = (i: number) =>
    fetch(`${cloud.gateway.url}/api/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': 'dev-resident' },
      body: JSON.stringify({ fn: 'activity', action: 'list', input: { weekId: 'nc2026', limit: 20, date: days[i % days.length] } }),
    }).then(async (res) => {
      const body = (await res.json()) as { ok: boolean }
      if (!body.ok) throw new Error(`activity.list failed: ${JSON.stringify(body)}`)
    })

  for (let i = 0; i < 20; i++) await call(i) // warm up
  cloud.db.resetStats()
  const times: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    await call(i)
    times.push(performance.now() - t0)
  }
  const ops = cloud.db.stats().total
  times.sort((a, b) => a - b)
  return {
    'gateway.activityList.p50Ms': round(percentile(times, 50)),
    'gateway.activityList.p95Ms': round(percentile(times, 95)),
    'gateway.activityList.calls': rounds,
    'activity.dbOpsPerListPage': round(ops / rounds),
  }
}
