// The organisers' figures on a big week, through the gateway (HTTP -> bundled `stats` function ->
// SDK -> local database). Issue: "with 500 activities, 100,000 registrations and 60,000 check-ins
// generated in the local cloud, the dashboard and the summary each answer in under 300 ms with at
// most 3 database operations, and the full reconcile finishes."
//   dashboard / summary          an organiser of one district (p50 of 20 calls after a warm-up)
//   dashboardRollup / summaryRollup   the week's admin, every district
//   reconcile                    the week's admin: every counter recounted from the raw records, in
//                                chunks, call after call until the cursor is null (reconcile.ms: all
//                                calls, reconcile.callMaxMs: the slowest one); the generator keeps
//                                the counters consistent, so 0 differences expected
// The week is written straight into the database by statsData.ts.
// Alone: `npx tsx localcloud/bench/stats.bench.ts` (builds the functions, a fresh seeded cloud).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { LocalCloud } from '../local-cloud'
import { percentile, round } from './results'
import { call } from './gateway-client'
import { differenceKinds, runReconcile } from './reconcileRun'
import { generateStatsData, type StatsData, type StatsDataOptions } from './statsData'

/* eslint-disable @typescript-eslint/no-explicit-any */
const TARGET_MS = 300
const TARGET_OPS = 3

export interface StatsBenchOptions extends StatsDataOptions {
  /** Timed calls per view (after the warm-up). */
  rounds?: number
  warmups?: number
}

interface Measured {
  p50: number
  p95: number
  ops: number
  byAction: Record<string, number>
  last: any
}

async function measure(
  cloud: LocalCloud,
  openid: string,
  action: string,
  input: unknown,
  rounds: number,
  warmups: number,
): Promise<Measured> {
  let last: any
  for (let i = 0; i < warmups; i++) {
    const body = await call(cloud, openid, 'stats', action, input)
    if (!body.ok) throw new Error(`stats.${action} failed: ${JSON.stringify(body)}`)
  }
  const times: number[] = []
  cloud.db.resetStats()
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    const body = await call(cloud, openid, 'stats', action, input)
    times.push(performance.now() - t0)
    if (!body.ok) throw new Error(`stats.${action} failed: ${JSON.stringify(body)}`)
    last = body.data
  }
  const { total, byAction } = cloud.db.stats()
  times.sort((a, b) => a - b)
  return {
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    ops: round(total / rounds),
    byAction: Object.fromEntries(Object.entries(byAction).map(([k, v]) => [k, round(v / rounds)])),
    last,
  }
}

/** What the views must show for the generated week; each disagreement is printed and counted. */
function checkViews(data: StatsData, dash: any, rollup: any, summary: any, summaryRollup: any): string[] {
  const c = data.counts
  const d = data.organiserDistrict
  const problems: string[] = []
  const expect = (what: string, got: unknown, want: unknown) => {
    if (got !== want) problems.push(`${what}: ${String(got)}, expected ${String(want)}`)
  }
  expect('rollup dashboard checkedIn', rollup.totals.checkedIn, c.checkins)
  expect('rollup dashboard activities', rollup.totals.activities, c.published)
  expect('rollup dashboard walkInHeadcount', rollup.totals.walkInHeadcount, c.walkInHeadcount)
  const people = Object.values(c.peopleByDistrict).reduce((a, b) => a + b, 0)
  expect('rollup dashboard people', rollup.totals.people, people + c.walkInHeadcount)
  expect('district dashboard checkedIn', dash.totals.checkedIn, c.checkinsByDistrict[d])
  const mine = dash.byDistrict.find((x: any) => x.code === d)
  expect('district dashboard people - walk-ins', mine ? mine.people - mine.walkInHeadcount : null, c.peopleByDistrict[d])
  expect('district summary checkIns', summary.figures.checkIns, c.checkinsByDistrict[d])
  expect('district summary distinctPeople', summary.figures.distinctPeople, c.peopleByDistrict[d])
  expect('rollup summary checkIns', summaryRollup.figures.checkIns, c.checkins)
  expect('rollup summary distinctPeople', summaryRollup.figures.distinctPeople, people)
  expect('rollup summary activities', summaryRollup.figures.activities, c.published)
  return problems
}

export async function benchStats(cloud: LocalCloud, options: StatsBenchOptions = {}): Promise<Record<string, number>> {
  const rounds = options.rounds ?? 20
  const warmups = options.warmups ?? 3

  const data = await generateStatsData(cloud.sdkDb, options)
  const c = data.counts
  console.log(
    `stats week ${data.weekId}: ${c.activities} activities (${c.published} held, ${c.cancelled} cancelled, ${c.drafts} drafts) in ` +
      `${data.districts.length} districts, ${c.registrations} registrations (${c.confirmed} confirmed, ${c.waitlisted} waitlisted) ` +
      `of ${c.people} people, ${c.checkins} check-ins, ${c.walkins} walk-ins (${c.walkInHeadcount} people), ${c.ratings} ratings; ` +
      `planned in ${round(data.generateMs)} ms, written in ${round(data.insertMs)} ms`,
  )

  const district = { weekId: data.weekId, districtCode: data.organiserDistrict }
  const dash = await measure(cloud, data.organiser, 'dashboard', { ...district, day: data.busiestDay }, rounds, warmups)
  const dashRollup = await measure(cloud, data.admin, 'dashboard', { weekId: data.weekId, day: data.busiestDay }, rounds, warmups)
  const summary = await measure(cloud, data.organiser, 'summary', district, rounds, warmups)
  const summaryRollup = await measure(cloud, data.admin, 'summary', { weekId: data.weekId }, rounds, warmups)

  // The full reconcile of the week, once, as its admin: every chunk, call after call.
  const rec = await runReconcile(cloud, data.admin, data.weekId)
  const differences = rec.differences

  const problems = checkViews(data, dash.last, dashRollup.last, summary.last, summaryRollup.last)
  for (const p of problems) console.log(`stats view mismatch: ${p}`)
  if (differences.length > 0) {
    console.log(`reconcile differences: ${differences.length}; by kind: ${JSON.stringify(differenceKinds(differences))}`)
    for (const d of differences.slice(0, 5))
      console.log(`  e.g. ${d.scope} ${d.id} ${d.field}: stored ${d.stored}, recounted ${d.recounted}`)
    console.log(`  (the check-ins hold ${c.activityCommunityPairs} distinct (activity, typed 街道/社区) pairs)`)
  }
  const verdict = (name: string, m: Measured) =>
    console.log(
      `${name}: p50 ${m.p50} ms, p95 ${m.p95} ms, ${m.ops} db ops ${JSON.stringify(m.byAction)} -> ` +
        `${m.p50 < TARGET_MS && m.ops <= TARGET_OPS ? 'meets' : 'MISSES'} the target (< ${TARGET_MS} ms, <= ${TARGET_OPS} ops)`,
    )
  verdict('stats.dashboard (organiser, one district)', dash)
  verdict('stats.dashboard (admin roll-up)', dashRollup)
  verdict('stats.summary (organiser, one district)', summary)
  verdict('stats.summary (admin roll-up)', summaryRollup)
  console.log(
    `stats.reconcile (admin, whole week): ${rec.calls} calls, ${round(rec.totalMs)} ms in all, the slowest call ${round(rec.callMaxMs)} ms, ` +
      `${rec.dbOps} db ops ${JSON.stringify(rec.byAction)}, checked ${JSON.stringify(rec.checked)}, ${differences.length} differences`,
  )

  return {
    'statsData.activities': c.activities,
    'statsData.registrations': c.registrations,
    'statsData.checkins': c.checkins,
    'statsData.walkInHeadcount': c.walkInHeadcount,
    'statsData.ratings': c.ratings,
    'statsData.insertMs': round(data.insertMs),
    'dashboard.ms': dash.p50,
    'dashboard.p95Ms': dash.p95,
    'dashboard.dbOps': dash.ops,
    'dashboardRollup.ms': dashRollup.p50,
    'dashboardRollup.p95Ms': dashRollup.p95,
    'dashboardRollup.dbOps': dashRollup.ops,
    'summary.ms': summary.p50,
    'summary.p95Ms': summary.p95,
    'summary.dbOps': summary.ops,
    'summaryRollup.ms': summaryRollup.p50,
    'summaryRollup.p95Ms': summaryRollup.p95,
    'summaryRollup.dbOps': summaryRollup.ops,
    'reconcile.ms': round(rec.totalMs),
    'reconcile.dbOps': rec.dbOps,
    'reconcile.differences': differences.length,
    'reconcile.calls': rec.calls,
    'reconcile.callMaxMs': round(rec.callMaxMs),
    'stats.viewMismatches': problems.length,
  }
}

if (require.main === module) {
  void (async () => {
    const { buildFunctions } = await import('../scripts/build-functions')
    const { startLocalCloud } = await import('../local-cloud')
    const { recordFigures } = await import('./results')
    await buildFunctions()
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-bench-'))
    const cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false })
    try {
      recordFigures(await benchStats(cloud))
    } finally {
      await cloud.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
    process.exit(0)
  })().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
