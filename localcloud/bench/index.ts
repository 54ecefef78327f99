// `npm run bench`: prints its figures and merges them into .bench/results.json.
// Options: --no-build (reuse dist/weapp).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud } from '../local-cloud'
import { buildFunctions } from '../scripts/build-functions'
import { benchCheckin } from './checkin.bench'
import { benchCourse } from './course.bench'
import { benchActivityList } from './gateway.bench'
import { recordFigures, RESULTS_FILE } from './results'
import { benchSignup } from './signup.bench'
import { benchSignupCrash } from './signupCrash.bench'
import { benchStats } from './stats.bench'
import { benchWeapp } from './weapp.bench'

async function main() {
  await buildFunctions()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-bench-'))
  const cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false })
  try {
    recordFigures(await benchActivityList(cloud))
    recordFigures(await benchSignup(cloud))
    recordFigures(await benchSignupCrash(cloud))
    recordFigures(await benchCheckin(cloud))
    recordFigures(await benchCourse(cloud))
    recordFigures(await benchStats(cloud))
  } finally {
    await cloud.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  recordFigures(benchWeapp())
  console.log(`figures written to ${path.relative(process.cwd(), RESULTS_FILE)}`)
  process.exit(0)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
