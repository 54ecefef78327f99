// A fresh, seeded local cloud per test file, and a way to call functions as a given person.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { EnvironmentSpec } from '../../config/environment'
import type { ActionName, FnName, InputOf, OutputOf } from '../../src/shared/contracts'
import { startLocalCloud, type LocalCloud } from '../local-cloud'
import { invokeFunction, invokeWithFaults } from '../gateway/functions'
import type { FaultPlan } from '../gateway/faults'

/**
 * An answer as a test reads it: the `{ ok, data }` / `{ ok: false, code, message }` envelope in one
 * shape, so a test can read `data` after `expect(res.ok).toBe(true)` (an assertion does not narrow
 * a union). `data` is there only when `ok`.
 */
export interface Answer<T = unknown> {
  ok: boolean
  data: T
  code?: string
  message?: string
  fields?: string[]
  details?: Record<string, unknown>
}

export type { ActionName, FnName, InputOf, OutputOf }

/** The answer of `fn.action`, its data typed by the action's output contract. */
export type AnswerOf<F extends FnName, A extends ActionName<F>> = Answer<OutputOf<F, A>>

/** What a call under a fault plan gives back: its answer (null when lost) and how many database requests it made. */
export interface FaultAnswer<T = unknown> {
  answer: Answer<T> | null
  requests: number
}

export interface TestCloud extends LocalCloud {
  dataDir: string
  /** Calls `fn.action` as `openid` (dev-resident by default): the input and the answer's data are typed by the contract. */
  call<F extends FnName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>, openid?: string): Promise<AnswerOf<F, A>>
  /**
   * The untyped escape, for tests that send what no contract allows on purpose (bad input, fuzz,
   * unknown functions or actions) or pick the action at run time.
   */
  callRaw(fn: string, action: string, input: unknown, openid?: string): Promise<Answer>
  /** A call under a fault plan: its answer (unless lost), how many database requests it made, whether it died. */
  callWithFault<F extends FnName, A extends ActionName<F>>(
    fn: F,
    action: A,
    input: InputOf<F, A>,
    openid: string,
    plan: FaultPlan,
  ): Promise<FaultAnswer<OutputOf<F, A>>>
  /** callWithFault, untyped: for tests that pick the action at run time. */
  callWithFaultRaw(fn: string, action: string, input: unknown, openid: string, plan: FaultPlan): Promise<FaultAnswer>
  stop(): Promise<void>
}

/**
 * `attendance: true` also seeds what has happened in the Nanchang week by now (sign-ups, check-ins,
 * ratings, publicity), as `npm start` does; by default tests script their own on an empty week.
 * `now` is the seed's clock (default the real one); `liveWeek: true` moves the weeks around it as
 * `npm start` does (default: the fixed 2026 dates).
 */
export async function startTestCloud(
  seed: 'always' | 'never' = 'always',
  options: { attendance?: boolean; now?: Date; liveWeek?: boolean; environment?: EnvironmentSpec } = {},
): Promise<TestCloud> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-test-'))
  const cloud = await startLocalCloud({
    dataDir,
    seed,
    attendance: options.attendance ?? false,
    now: options.now,
    liveWeek: options.liveWeek,
    environment: options.environment,
  })
  const callRaw = (fn: string, action: string, input: unknown, openid = 'dev-resident') =>
    invokeFunction(fn, { action, input }, openid) as Promise<Answer>
  const callWithFaultRaw = async (fn: string, action: string, input: unknown, openid: string, plan: FaultPlan): Promise<FaultAnswer> => {
    const { result, run, lost } = await invokeWithFaults(fn, { action, input }, openid, plan)
    return { answer: lost ? null : (result as Answer), requests: run.requests }
  }
  return {
    ...cloud,
    dataDir,
    callRaw,
    call: <F extends FnName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>, openid?: string) =>
      callRaw(fn, action, input, openid) as Promise<AnswerOf<F, A>>,
    callWithFaultRaw,
    callWithFault: <F extends FnName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>, openid: string, plan: FaultPlan) =>
      callWithFaultRaw(fn, action, input, openid, plan) as Promise<FaultAnswer<OutputOf<F, A>>>,
    stop: async () => {
      await cloud.close()
      rmSync(dataDir, { recursive: true, force: true })
      // A query no declared index covers was refused (and written to stderr) when made; a function
      // that caught the refusal must not leave the file green.
      const uncovered = cloud.db.notablescan ? cloud.db.queryShapes().filter((s) => !s.covered && s.declared && s.fn !== undefined) : []
      if (uncovered.length > 0) {
        throw new Error(
          `queries not covered by any index in config/environment.ts:\n${uncovered.map((s) => `  ${s.text} (by ${s.fn})`).join('\n')}`,
        )
      }
    },
  }
}
