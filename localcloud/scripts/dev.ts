// `npm run dev`: `npm start` with rebuilds on change. The local cloud (seeded when empty, the repair
// timer running) serves dist/h5 at http://127.0.0.1:10086/ while `taro build --type h5 --watch`
// rewrites dist/h5 after every change under src/ (reload the page to see it), and esbuild's watch
// mode rebuilds a cloud function's bundle after every change to its sources, which the gateway
// loads on the next call. PORT=N and LOCALCLOUD_DATA=dir as for npm start. Ctrl+C stops it all.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { forgetFunction } from '../gateway/functions'
import { startLocalCloud } from '../local-cloud'
import { seedWeeks } from '../seed/data'
import { liveWeekWanted, seedDatesLine, seedShiftDays } from '../seed/shift'
import { buildFunctions, ROOT, watchFunctions } from './build-functions'

/** A free TCP port on 127.0.0.1 (for Taro's own dev server, which nobody needs to open). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

async function main() {
  await buildFunctions()
  const stopWatchingFunctions = await watchFunctions((fn) => {
    forgetFunction(fn)
    console.log(`[dev] rebuilt cloudfunctions/${fn}/index.js; the next call loads it`)
  })

  const dataDir = path.resolve(ROOT, process.env.LOCALCLOUD_DATA ?? '.data/localcloud')
  const cloud = await startLocalCloud({
    dataDir,
    gatewayPort: Number(process.env.PORT ?? 10086),
    staticDir: path.join(ROOT, 'dist', 'h5'),
    staticNoCache: true,
    timers: true,
    liveWeek: liveWeekWanted(process.env),
  })
  const url = `${cloud.gateway.url}/`
  if (cloud.seeded) {
    const days = liveWeekWanted(process.env) ? seedShiftDays(seedWeeks, Date.now()) : 0
    console.log(`[dev] seeded the activity weeks; ${seedDatesLine(seedWeeks, days)}`)
  } else console.log('[dev] using the existing local data (npm run localcloud:reset seeds it anew around today)')
  console.log(`LOCALCLOUD_DB_URL=${cloud.db.url}`)

  // config/dev.ts turns Taro's dev server into a plain watcher that writes dist/h5 (no hot reload,
  // no client script) when LOCALCLOUD_DEV_H5_PORT is set: the gateway serves what it writes.
  const taro = spawn('npx', ['taro', 'build', '--type', 'h5', '--watch'], {
    cwd: ROOT,
    env: { ...process.env, LOCALCLOUD_DEV_H5_PORT: String(await freePort()) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const banner = `\n  活动周本地版（开发模式）已启动: ${url}\n  (改动 src/ 后刷新页面; Ctrl+C 停止)\n`
  const relay = (out: NodeJS.WriteStream) => {
    let partial = ''
    return (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n')
      partial = lines.pop() ?? ''
      for (const line of lines) {
        out.write(`[h5] ${line}\n`)
        if (/compiled successfully/i.test(line)) console.log(`[dev] dist/h5 rebuilt, served at ${url}`)
      }
    }
  }
  taro.stdout.on('data', relay(process.stdout))
  taro.stderr.on('data', relay(process.stderr))
  console.log(banner)

  let stopping = false
  const stop = async (code = 0) => {
    if (stopping) return
    stopping = true
    // Taro's watcher runs in its own process group: end the group, wait for it (webpack's dev server
    // shuts down gracefully), and kill it if it takes more than 10 s.
    const signalTaro = (signal: NodeJS.Signals) => {
      try {
        if (taro.pid && taro.exitCode === null && taro.signalCode === null) process.kill(-taro.pid, signal)
      } catch {
        // already gone
      }
    }
    const exited = new Promise<void>((resolve) =>
      taro.exitCode !== null || taro.signalCode !== null ? resolve() : taro.once('exit', () => resolve()),
    )
    signalTaro('SIGTERM')
    const killer = setTimeout(() => signalTaro('SIGKILL'), 10_000)
    await exited
    clearTimeout(killer)
    await stopWatchingFunctions()
    await cloud.close()
    process.exit(code)
  }
  taro.on('exit', (code) => {
    if (!stopping) {
      console.error(`[dev] taro build --watch exited (${code}); stopping`)
      void stop(1)
    }
  })
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
