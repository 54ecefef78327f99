// Builds and serves the product locally. Options: --no-build (reuse dist/h5), PORT=N (default 10086),
// LOCALCLOUD_DATA=dir (default .data/localcloud).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { startLocalCloud } from '../local-cloud'
import { buildFunctions, ROOT } from './build-functions'

async function main() {
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
  })
  console.log(cloud.seeded ? '[start] seeded the 2026 activity weeks' : '[start] using the existing local data')
  console.log(`LOCALCLOUD_DB_URL=${cloud.db.url}`)
  console.log(`\n  活动周本地版已启动: ${cloud.gateway.url}/\n  (Ctrl+C 停止; 重置数据: npm run localcloud:reset)\n`)
  const stop = () => cloud.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
