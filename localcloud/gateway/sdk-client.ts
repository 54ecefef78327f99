// Points this process's wx-server-sdk at a local database server, for the seeder, tests and benches.
// Functions invoked in this process (gateway/functions.ts) use the same settings.
import { sdkEnv } from '../db/sdk-env'

export function useLocalCloud(dbUrl: string): void {
  Object.assign(process.env, sdkEnv(dbUrl))
}

/** A database handle of the real wx-server-sdk, talking to whatever useLocalCloud() set. */
export function localDb() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  return cloud.database()
}

export type LocalDb = ReturnType<typeof localDb>
