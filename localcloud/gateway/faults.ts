// Dev-only fault injection: makes the Nth database request of one function call fail, or kills the
// call there, the way a function instance dies in the cloud (timeout, restart, redeploy).
//
//   'kill'  request N is never applied (the instance died before sending it)
//   'lose'  request N is applied, its answer never arrives (died right after sending it)
//   'fail'  request N answers a database error and is not applied; the call goes on
// After a 'kill' or 'lose' every later request of the call is refused unapplied too: the dead
// instance writes nothing more. killInFlight() does that to every call in progress, like killing
// the process that serves a rush.
//
// It rewrites the SDK's request URL (…/admin?… -> …/_local/fault/<mode>/admin?…) for requests made
// inside a call run with runWithFaults(); the local database server (db/server.ts) acts on that.
// Nothing here is bundled into a function: the functions run unmodified.
import { AsyncLocalStorage } from 'node:async_hooks'
import http from 'node:http'

export type FaultMode = 'kill' | 'lose' | 'fail'

export interface FaultPlan {
  /** 1-based database request of the call to act on; omitted = only count (or wait for killInFlight). */
  at?: number
  mode?: FaultMode
}

export interface FaultRun {
  /** Database requests the call made (including refused ones). */
  requests: number
  dead: boolean
}

interface Active extends FaultRun {
  plan: FaultPlan
  /** Resolves when the call dies: its caller stops waiting, as a client does for a dead instance. */
  died: Promise<void>
  die: () => void
}

const store = new AsyncLocalStorage<Active>()
const inFlight = new Set<Active>()
let installed = false

function modeFor(run: Active): FaultMode | null {
  run.requests++
  if (run.dead) return 'kill'
  if (run.plan.at !== run.requests || !run.plan.mode) return null
  if (run.plan.mode !== 'fail') kill(run)
  return run.plan.mode
}

function kill(run: Active): void {
  run.dead = true
  run.die()
}

function install(): void {
  if (installed) return
  installed = true
  // A dead instance says nothing more: what the abandoned call logs after its death is dropped.
  for (const level of ['error', 'warn'] as const) {
    const log = console[level]
    console[level] = (...args: unknown[]) => {
      if (store.getStore()?.dead) return
      log(...args)
    }
  }
  const original = http.request
  const patched = function (this: unknown, ...args: unknown[]) {
    const run = store.getStore()
    if (run && typeof args[0] === 'string' && args[0].includes('/admin?')) {
      const mode = modeFor(run)
      if (mode) args[0] = args[0].replace('/admin?', `/_local/fault/${mode}/admin?`)
    }
    return (original as (...a: unknown[]) => http.ClientRequest).apply(this, args)
  }
  ;(http as unknown as { request: unknown }).request = patched
}

/**
 * Runs `fn` (one function call) under a fault plan; `run` tells what happened. A call that dies
 * answers at once (result undefined, run.dead); the abandoned call goes on in the background, every
 * database request it still makes refused unapplied.
 */
export async function runWithFaults<T>(plan: FaultPlan, fn: () => Promise<T>): Promise<{ result: T; run: FaultRun }> {
  install()
  let die = () => {}
  const died = new Promise<void>((resolve) => (die = resolve))
  const run: Active = { plan, requests: 0, dead: false, died, die }
  inFlight.add(run)
  try {
    const call = store.run(run, fn)
    call.catch(() => {}) // an abandoned call may still fail after its death
    const result = (await Promise.race([call, died])) as T
    return { result, run: { requests: run.requests, dead: run.dead } }
  } finally {
    inFlight.delete(run)
  }
}

/** Kills every call in progress under runWithFaults (none of them writes anything more). */
export function killInFlight(): number {
  let n = 0
  for (const run of inFlight) {
    if (!run.dead) n++
    kill(run)
  }
  return n
}
