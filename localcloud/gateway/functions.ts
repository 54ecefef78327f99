// Loads the bundled cloud functions (cloudfunctions/<fn>/index.js, exactly what is uploaded) and
// invokes them as the cloud does: main(event, context), with the caller's identity in the context.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { FUNCTIONS_DIR, functionNames } from '../scripts/build-functions'
import { runWithFaults, type FaultPlan, type FaultRun } from './faults'
import { runAsCaller } from './wx-context'

type Main = (event: unknown, context: Record<string, unknown>) => Promise<unknown>

const loaded = new Map<string, Main>()

/**
 * The platform's ceiling on a function's run (design.md). The local cloud is ONE process serving
 * every function instance and the database, so under a rush of a thousand calls its request queue
 * is far longer than the platform's and the SDK's default 15 s per request would cut calls that
 * the platform serves; locally a request may wait as long as a function may run.
 */
export const LOCAL_SDK_TIMEOUT_MS = 60_000
let sdkPatched = false

/** Makes wx-server-sdk (shared by every bundle: it is external) default to LOCAL_SDK_TIMEOUT_MS. */
function patchSdkTimeout(): void {
  if (sdkPatched) return
  sdkPatched = true
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require(require.resolve('wx-server-sdk', { paths: [FUNCTIONS_DIR] })) as { init: (config?: Record<string, unknown>) => void }
  const init = sdk.init.bind(sdk)
  sdk.init = (config = {}) => init({ timeout: LOCAL_SDK_TIMEOUT_MS, ...config })
}

export function knownFunctions(): string[] {
  return functionNames()
}

function load(fn: string): Main {
  let main = loaded.get(fn)
  if (!main) {
    patchSdkTimeout()
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(FUNCTIONS_DIR, fn, 'index.js')) as { main?: Main }
    if (typeof mod.main !== 'function') throw new Error(`cloudfunctions/${fn}/index.js exports no main`)
    main = mod.main
    loaded.set(fn, main)
  }
  return main
}

/** Calls cloud function `fn` as the person `openid`. The function must be built (npm run build:functions). */
export async function invokeFunction(fn: string, event: unknown, openid: string): Promise<unknown> {
  const main = load(fn)
  const context = { request_id: randomUUID(), function_name: fn, namespace: 'local' }
  return runAsCaller({ openid }, () => main(event, context))
}

/**
 * Calls `fn` as `openid` under a fault plan (dev-only, see faults.ts). A call killed by the plan
 * answers like a lost connection: `{ lost: true }`, whatever the function itself returned.
 */
export async function invokeWithFaults(fn: string, event: unknown, openid: string, plan: FaultPlan): Promise<{ result: unknown; run: FaultRun; lost: boolean }> {
  const { result, run } = await runWithFaults(plan, () => invokeFunction(fn, event, openid))
  return { result, run, lost: run.dead }
}
