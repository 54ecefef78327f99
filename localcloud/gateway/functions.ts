// Loads the bundled cloud functions (cloudfunctions/<fn>/index.js, exactly what is uploaded) and
// invokes them as the cloud does: main(event, context), with the caller's identity in the context.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { FUNCTIONS_DIR, functionNames } from '../scripts/build-functions'
import { runAsFunction } from './callTag'
import { runWithFaults, type FaultPlan, type FaultRun } from './faults'
import { patchSdkTimeout } from './sdk-client'
import { runAsCaller } from './wx-context'

type Main = (event: unknown, context: Record<string, unknown>) => Promise<unknown>

const loaded = new Map<string, Main>()

export function knownFunctions(): string[] {
  return functionNames()
}

function load(fn: string): Main {
  let main = loaded.get(fn)
  if (!main) {
    patchSdkTimeout()

    const mod = require(path.join(FUNCTIONS_DIR, fn, 'index.js')) as { main?: Main }
    if (typeof mod.main !== 'function') throw new Error(`cloudfunctions/${fn}/index.js exports no main`)
    main = mod.main
    loaded.set(fn, main)
  }
  return main
}

/** Forgets the loaded bundle of `fn`: the next call loads cloudfunctions/<fn>/index.js again (npm run dev). */
export function forgetFunction(fn: string): void {
  loaded.delete(fn)
  delete require.cache[require.resolve(path.join(FUNCTIONS_DIR, fn, 'index.js'))]
}

/** Calls cloud function `fn` as the person `openid`. The function must be built (npm run build:functions). */
export async function invokeFunction(fn: string, event: unknown, openid: string): Promise<unknown> {
  const main = load(fn)
  const context = { request_id: randomUUID(), function_name: fn, namespace: 'local' }
  return runAsFunction(fn, () => runAsCaller({ openid }, () => main(event, context)))
}

/**
 * Calls `fn` as `openid` under a fault plan (dev-only, see faults.ts). A call killed by the plan
 * answers like a lost connection: `{ lost: true }`, whatever the function itself returned.
 */
export async function invokeWithFaults(
  fn: string,
  event: unknown,
  openid: string,
  plan: FaultPlan,
): Promise<{ result: unknown; run: FaultRun; lost: boolean }> {
  const { result, run } = await runWithFaults(plan, () => invokeFunction(fn, event, openid))
  return { result, run, lost: run.dead }
}
