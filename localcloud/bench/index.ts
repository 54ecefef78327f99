// `npm run bench`: prints its figures and merges them into .bench/results.json.
// Options: --no-build (reuse dist/weapp if it is there), --only <names> (comma-separated, from
// activityList, signup, signupCrash, checkin, course, stats, quota, weapp: run just those; `--only weapp`
// needs no local cloud, and with --no-build it measures the existing dist/weapp).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud } from '../local-cloud'
import { buildFunctions } from '../scripts/build-functions'
import { benchCheckin } from './checkin.bench'
import { benchCourse } from './course.bench'
import { benchActivityList } from './gateway.bench'
import { benchQuota } from './quota.bench'
import { recordFigures, RESULTS_FILE } from './results'
import { benchSignup } from './signup.bench'
import { benchSignupCrash } from './signupCrash.bench'
import { benchStats } from './stats.bench'
import { benchWeapp } from './weapp.bench'

type Cloud = Awaited<ReturnType<typeof startLocalCloud>>
const CLOUD_BENCHES: Record<string, (cloud: Cloud) => Promise<Record<string, number>>> = {
  activityList: benchActivityList,
  signup: benchSignup,
  signupCrash: benchSignupCrash,
  checkin: benchCheckin,
  course: benchCourse,
  stats: benchStats,
  quota: benchQuota,
}

/** The benches --only names, or all of them. */
function selected(): Set<string> {
  const all = [...Object.keys(CLOUD_BENCHES), 'weapp']
  const i = process.argv.indexOf('--only')
  if (i < 0) return new Set(all)
  const names = (process.argv[i + 1] ?? '').split(',').filter(Boolean)
  const unknown = names.filter((n) => !all.includes(n))
  if (names.length === 0 || unknown.length) throw new Error(`--only takes a comma-separated list of: ${all.join(', ')}`)
  return new Set(names)
}

async function main() {
  const only = selected()
  const cloudBenches = Object.entries(CLOUD_BENCHES).filter(([name]) => only.has(name))
  if (cloudBenches.length) {
    await buildFunctions()
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-bench-'))
    const cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false })
    try {
      for (const [, bench] of cloudBenches) recordFigures(await bench(cloud))
    } finally {
      await cloud.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
  if (only.has('weapp')) recordFigures(benchWeapp())
  console.log(`figures written to ${path.relative(process.cwd(), RESULTS_FILE)}`)
  process.exit(0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
