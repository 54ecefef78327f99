// `npm run localcloud:reset`: wipes the local data folder and seeds it afresh, the weeks moved around
// today when today is outside their dates (SEED_FIXED_DATES=1 keeps the 2026 dates; see seed/shift.ts).
import { rmSync } from 'node:fs'
import path from 'node:path'
import { startDbServer } from '../db/server'
import { localDb, useLocalCloud } from '../gateway/sdk-client'
import { seedAll } from '../seed/seed'
import { seedWeeks } from '../seed/data'
import { liveWeekWanted, seedDatesLine } from '../seed/shift'
import { ROOT } from './build-functions'

async function main() {
  const dataDir = path.resolve(ROOT, process.env.LOCALCLOUD_DATA ?? '.data/localcloud')
  rmSync(dataDir, { recursive: true, force: true })
  const db = await startDbServer({ port: 0, dataDir })
  useLocalCloud(db.url)
  const counts = await seedAll(localDb(), { dataDir, liveWeek: liveWeekWanted(process.env) })
  await db.close()
  console.log(
    `[reset] ${dataDir}: ${counts.weeks} weeks, ${counts.activities} activities, ${counts.users} people, ${counts.courses} courses, ${counts.bookLists} book lists, ${counts.files} files`,
  )
  console.log(`[reset] ${seedDatesLine(seedWeeks, counts.shiftDays)}`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
