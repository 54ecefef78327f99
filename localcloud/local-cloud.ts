// The whole local cloud in one process: database server, SDK pointed at it, seeded data, gateway.
// Used by `npm start`, the function and browser tests, and the benchmarks.
import type { EnvironmentSpec } from '../config/environment'
import { startDbServer, type DbServer } from './db/server'
import { startGateway, type Gateway } from './gateway/server'
import { localDb, useLocalCloud, type LocalDb } from './gateway/sdk-client'
import { storageDirOf } from './gateway/storage'
import { startTimers } from './gateway/timers'
import { seedAll, seedIfEmpty } from './seed/seed'

export interface LocalCloudOptions {
  dataDir: string
  dbPort?: number
  gatewayPort?: number
  staticDir?: string
  /** Serve the static files with `no-cache` (npm run dev, whose h5 file names do not change). */
  staticNoCache?: boolean
  /** 'if-empty' (default), 'always' (the data dir must be fresh) or 'never'. */
  seed?: 'if-empty' | 'always' | 'never'
  /**
   * Seed what has happened in the week by now (sign-ups, check-ins, ratings, publicity; default
   * true, as `npm start` shows it). Tests pass false: they script their own week on an empty one.
   */
  attendance?: boolean
  /**
   * Seed the weeks moved around today when today is outside their dates (seed/shift.ts): `npm start`,
   * `npm run dev` and `localcloud:reset` unless SEED_FIXED_DATES=1. Default false: the fixed 2026
   * dates the tests rely on.
   */
  liveWeek?: boolean
  /** The seed's clock (default: the real one); tests inject one. */
  now?: Date
  /** Run the functions' timer triggers on their schedules (npm start; tests fire them themselves). */
  timers?: boolean
  /** The indexes the database builds and checks queries against (default config/environment.ts). */
  environment?: EnvironmentSpec
}

export interface LocalCloud {
  db: DbServer
  gateway: Gateway
  sdkDb: LocalDb
  seeded: boolean
  close(): Promise<void>
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const db = await startDbServer({ port: opts.dbPort ?? 0, dataDir: opts.dataDir, environment: opts.environment })
  useLocalCloud(db.url)
  const sdkDb = localDb()
  let seeded = false
  if (opts.seed === 'always') {
    await seedAll(sdkDb, { dataDir: opts.dataDir, attendance: opts.attendance, liveWeek: opts.liveWeek, now: opts.now })
    seeded = true
  } else if (opts.seed !== 'never') {
    seeded = await seedIfEmpty(sdkDb, opts.dataDir, { liveWeek: opts.liveWeek, now: opts.now })
  }
  const gateway = await startGateway({
    port: opts.gatewayPort ?? 0,
    staticDir: opts.staticDir,
    staticNoCache: opts.staticNoCache,
    storageDir: storageDirOf(opts.dataDir),
    acceptSubscribe: (openid, templateIds) => Object.fromEntries(templateIds.map((id) => [id, db.acceptSubscribe(openid, id)])),
  })
  // The local 小程序码 leads to this gateway's h5 build (db/openapi.ts, wxacode.getUnlimited).
  db.setH5Origin(gateway.url)
  const timers = opts.timers ? startTimers((line) => console.log(line)) : null
  return {
    db,
    gateway,
    sdkDb,
    seeded,
    close: async () => {
      timers?.stop()
      await gateway.close()
      await db.close()
    },
  }
}
