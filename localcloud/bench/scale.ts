// `npm run bench:scale`: the reconcile at the scale a province's week can reach, which would make
// `npm run bench` too slow: 1,000,000 registrations (5,000 activities, 600,000 check-ins, walk-ins
// and ratings) written straight into a fresh local cloud, then stats.reconcile as the week's admin,
// call after call until its cursor is null. Figures (merged into .bench/results.json):
//   reconcile.chunkMaxMs     the slowest single call (the platform stops a function at 60 s; the
//                            design asks for < 20 s)
//   reconcile.differences    differences found (the generator keeps every counter consistent: 0)
//   reconcileScale.*         the week's size, the calls, all calls together, the writing
// Node runs it with a 16 GB old space and 64 MB semi-spaces (package.json), so the chunks' short-lived
// copies die young instead of feeding full GCs of the 6-7 GB heap: with the default young generation
// one run had a call of 54 s among calls of about 10 s; with 64 MB, --trace-gc showed full GCs of at
// most 4.1 s and the writing took 222 s instead of 320.
// Options: --registrations N (default 1000000; activities and check-ins scale with it), --no-build.
// Each chunk's group-bys match an activityId range, which the local database's field index
// (localcloud/db/indexes.ts) serves as the cloud's index on activityId does: a chunk's cost follows
// its own records. Without it every group-by scanned its whole collection and a chunk took about
// 20-22 s here at 1,000,000 registrations (a 6-7 GB heap).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud } from '../local-cloud'
import { buildFunctions } from '../scripts/build-functions'
import { differenceKinds, runReconcile } from './reconcileRun'
import { recordFigures, round, RESULTS_FILE } from './results'
import { generateStatsData } from './statsData'

const LIMIT_MS = 20_000

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}

async function main() {
  const started = performance.now()
  const registrations = option('registrations', 1_000_000)
  if (!process.argv.includes('--no-build')) await buildFunctions()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-bench-scale-'))
  const cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false })
  try {
    const data = await generateStatsData(cloud.sdkDb, {
      registrations,
      activities: Math.round(registrations / 200),
      checkins: Math.round(registrations * 0.6),
      log: (line) => console.log(`  ${line}`),
    })
    const c = data.counts
    console.log(
      `scale week ${data.weekId}: ${c.activities} activities, ${c.registrations} registrations of ${c.people} people, ${c.checkins} check-ins, ` +
        `${c.walkins} walk-ins, ${c.ratings} ratings; planned in ${round(data.generateMs)} ms, written in ${round(data.insertMs)} ms; ` +
        `heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MiB`,
    )
    const rec = await runReconcile(cloud, data.admin, data.weekId, (n, ms, p) => {
      console.log(`  reconcile call ${n}: ${round(ms)} ms, ${p.done} / ${p.total}`)
    })
    console.log(
      `stats.reconcile at ${c.registrations} registrations: ${rec.calls} calls, ${round(rec.totalMs)} ms in all, the slowest call ` +
        `${round(rec.callMaxMs)} ms (${rec.callMaxMs <= LIMIT_MS ? 'within' : 'OVER'} ${LIMIT_MS} ms), ${rec.dbOps} db ops, ` +
        `checked ${JSON.stringify(rec.checked)}, ${rec.differences.length} differences`,
    )
    if (rec.differences.length > 0) console.log(`reconcile differences by kind: ${JSON.stringify(differenceKinds(rec.differences))}`)
    recordFigures({
      'reconcile.chunkMaxMs': round(rec.callMaxMs),
      'reconcile.differences': rec.differences.length,
      'reconcileScale.registrations': c.registrations,
      'reconcileScale.activities': c.activities,
      'reconcileScale.checkins': c.checkins,
      'reconcileScale.calls': rec.calls,
      'reconcileScale.totalMs': round(rec.totalMs),
      'reconcileScale.dbOps': rec.dbOps,
      'reconcileScale.insertMs': round(data.insertMs),
      'reconcileScale.benchSeconds': round((performance.now() - started) / 1000, 1),
    })
    console.log(`figures written to ${path.relative(process.cwd(), RESULTS_FILE)}`)
  } finally {
    await cloud.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  process.exit(0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
