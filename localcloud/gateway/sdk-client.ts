// Points this process's wx-server-sdk at a local database server, for the seeder, tests and benches.
// Functions invoked in this process (gateway/functions.ts) use the same settings.
import { sdkEnv } from '../db/sdk-env'

export function useLocalCloud(dbUrl: string): void {
  Object.assign(process.env, sdkEnv(dbUrl))
  patchSdkTimeout()
}

/**
 * The platform's ceiling on a function's run (design.md). The local cloud is ONE process serving
 * every function instance and the database, so under a rush of a thousand calls its request queue
 * is far longer than the platform's, and the SDK's default 15 s per request would cut calls the
 * platform serves; locally a request may wait as long as a function may run.
 */
export const LOCAL_SDK_TIMEOUT_MS = 60_000
let sdkPatched = false

/**
 * Makes wx-server-sdk default to LOCAL_SDK_TIMEOUT_MS. One module serves this process (the bundles
 * keep it external) and its last init() sets the database client of all of them, so every init
 * (a function's, the seeder's, a test's) must carry the timeout.
 */
export function patchSdkTimeout(): void {
  if (sdkPatched) return
  sdkPatched = true

  const sdk = require('wx-server-sdk') as { init: (config?: Record<string, unknown>) => void }
  const init = sdk.init.bind(sdk)
  sdk.init = (config = {}) => init({ timeout: LOCAL_SDK_TIMEOUT_MS, ...config })
}

/** A database handle of the real wx-server-sdk, talking to whatever useLocalCloud() set. */
export function localDb() {
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  patchSdkTimeout()
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return cloud.database()
}

export type LocalDb = ReturnType<typeof localDb>
