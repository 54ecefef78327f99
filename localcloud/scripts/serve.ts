// Builds and serves the product locally. Options: --no-build (reuse dist/h5), PORT=N (default 10086),
// LOCALCLOUD_DATA=dir (default .data/localcloud), SEED_FIXED_DATES=1 (seed an empty data folder with the
// weeks on their 2026 dates even when today is outside them; by default they are moved around today),
// SETUP_CODE=... (the first admin's setup code; by default a new one each run, printed).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { startLocalCloud } from '../local-cloud'
import { seedWeeks } from '../seed/data'
import { liveWeekWanted, seedDatesLine, seedShiftDays } from '../seed/shift'
import { buildFunctions, ROOT } from './build-functions'
import { generateSecret } from '../deploy/secret'

async function main() {
  // The staff function's one-time setup code, as deploy sets it on the cloud (config/environment.ts):
  // the functions run in this process, so they read it here. SETUP_CODE=... keeps one across runs.
  process.env.SETUP_CODE ||= generateSecret()
  const noBuild = process.argv.includes('--no-build')
  await buildFunctions()
  const staticDir = path.join(ROOT, 'dist', 'h5')
  if (!noBuild || !existsSync(path.join(staticDir, 'index.html'))) {
    console.log('[start] building the h5 app...')
    const res = spawnSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'inherit' })
    if (res.status !== 0) process.exit(res.status ?? 1)
  }
  const dataDir = path.resolve(ROOT, process.env.LOCALCLOUD_DATA ?? '.data/localcloud')
  const cloud = await startLocalCloud({
    dataDir,
    gatewayPort: Number(process.env.PORT ?? 10086),
    staticDir,
    timers: true,
    liveWeek: liveWeekWanted(process.env),
  })
  if (cloud.seeded) {
    const days = liveWeekWanted(process.env) ? seedShiftDays(seedWeeks, Date.now()) : 0
    console.log(`[start] seeded the activity weeks; ${seedDatesLine(seedWeeks, days)}`)
  } else console.log('[start] using the existing local data (npm run localcloud:reset seeds it anew around today)')
  console.log(`LOCALCLOUD_DB_URL=${cloud.db.url}`)
  console.log(`[start] 设置码（我的 → 工作人员 → 首次设置，第一个输入的人成为教育局管理员）: ${process.env.SETUP_CODE}`)
  console.log(`\n  活动周本地版已启动: ${cloud.gateway.url}/\n  (Ctrl+C 停止; 重置数据: npm run localcloud:reset)\n`)
  const stop = () => cloud.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
