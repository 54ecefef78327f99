// The one handler wrapper every cloud function uses:
// parse the event -> who is calling (OPENID only) -> validate input with the contract -> run the
// action -> validate output -> answer an envelope. Domain errors become { ok: false, code, message };
// anything else is logged with the request id and answered as INTERNAL, leaking nothing.
//
// A function's timer trigger (config.json; the event { Type: 'Timer', TriggerName, Time } with no
// OPENID) runs the job registered beside the actions as `timer:<TriggerName>`. A call from the
// mini-program always carries an OPENID: it never reaches a job, whatever its event says.
//
// A call without OPENID (a visitor: 朋友圈 single-page mode) is refused with UNAUTHENTICATED unless
// its action is one of the function's `publicActions`, which then run with `openid` ''.
import type { z } from 'zod'
import { contracts, type ActionName, type Contracts, type FnName } from '@shared/contracts'
import { eventSchema, type Envelope } from '@shared/contracts/envelope'
import { DomainError, ERROR_MESSAGES, type ErrorCode } from '@shared/errors'
import { getCloud, getDb, type Database } from './cloud'
import { loadCaller, type Caller } from './roles'

export interface ActionContext {
  /** The caller's OPENID; '' only for a visitor calling one of the function's publicActions. */
  openid: string
  db: Database
  /** The clock, injectable so rules are testable. */
  now: () => number
  /** Loads the caller's roles (one database read, cached for the call). */
  caller: () => Promise<Caller>
  requestId: string
}

type ActionImpl<C extends { input: z.ZodTypeAny; output: z.ZodTypeAny }> = (
  ctx: ActionContext,
  input: z.output<C['input']>,
) => Promise<z.input<C['output']>>

export type FunctionImpl<F extends FnName> = {
  [A in ActionName<F>]: ActionImpl<Contracts[F][A] & { input: z.ZodTypeAny; output: z.ZodTypeAny }>
}

/** What a timer job gets: the database and the clock; there is no caller. */
export interface TimerContext {
  db: Database
  now: () => number
  requestId: string
}

/** A timer trigger's job; what it answers is logged by the cloud (nobody waits for it). */
export type TimerJob = (ctx: TimerContext) => Promise<unknown>

/** Timer jobs registered beside the actions, by trigger name: `'timer:<TriggerName>': job`. */
export type TimerJobs = { [K in `timer:${string}`]?: TimerJob }

/** The job registered for the event's trigger when the event is a timer's, else null. */
function timerJobOf(impl: TimerJobs, event: unknown): { trigger: string; job: TimerJob } | null {
  const e = event as { Type?: unknown; TriggerName?: unknown } | null
  if (!e || typeof e !== 'object' || e.Type !== 'Timer' || typeof e.TriggerName !== 'string') return null
  const key = `timer:${e.TriggerName}` as const
  const job = Object.prototype.hasOwnProperty.call(impl, key) ? impl[key] : undefined
  return job ? { trigger: e.TriggerName, job } : null
}

export interface FunctionContext {
  request_id?: string
}

function fail(code: ErrorCode, fields?: string[]): Envelope<never> {
  return fields ? { ok: false, code, message: ERROR_MESSAGES[code], fields } : { ok: false, code, message: ERROR_MESSAGES[code] }
}

export interface FunctionOptions<F extends FnName> {
  now?: () => number
  /** Actions a visitor without an OPENID may call (public reads); they get `openid` ''. */
  publicActions?: readonly ActionName<F>[]
}

export function createFunction<F extends FnName>(fn: F, impl: FunctionImpl<F> & TimerJobs, options: FunctionOptions<F> = {}) {
  const fnContracts = contracts[fn] as Record<string, { input: z.ZodTypeAny; output: z.ZodTypeAny }>
  // Read at each call (not captured once), so a test can move the clock of functions running in its process.
  const now = options.now ?? (() => Date.now())
  const publicActions = new Set<string>(options.publicActions ?? [])
  /** A visitor's event names a public action. */
  const isPublicCall = (event: unknown) => {
    const action = (event as { action?: unknown } | null)?.action
    return typeof action === 'string' && publicActions.has(action)
  }

  return async function main(event: unknown, context?: FunctionContext): Promise<Envelope<unknown>> {
    // Read the identity synchronously, before any await: in WeChat Cloud it is the only trusted source.
    const wx = getCloud().getWXContext() as { OPENID?: string }
    const requestId = context?.request_id ?? 'local'
    const openid = typeof wx.OPENID === 'string' ? wx.OPENID : ''
    if (!openid) {
      const timer = timerJobOf(impl, event)
      if (timer) return runTimer(fn, timer.trigger, timer.job, requestId, now)
      if (!isPublicCall(event)) return fail('UNAUTHENTICATED')
    }

    const parsedEvent = eventSchema.safeParse(event)
    if (!parsedEvent.success) return fail('MALFORMED_REQUEST')
    const { action } = parsedEvent.data
    const contract = Object.prototype.hasOwnProperty.call(fnContracts, action) ? fnContracts[action] : undefined
    const run = (impl as Record<string, ActionImpl<{ input: z.ZodTypeAny; output: z.ZodTypeAny }>>)[action]
    if (!contract || !run) return fail('UNKNOWN_ACTION')

    const parsedInput = contract.input.safeParse(parsedEvent.data.input ?? {})
    if (!parsedInput.success) {
      return fail(
        'VALIDATION_FAILED',
        parsedInput.error.issues.map((issue) => issue.path.join('.') || '(input)'),
      )
    }

    const db = getDb()
    let cachedCaller: Promise<Caller> | undefined
    const ctx: ActionContext = {
      openid,
      db,
      now,
      requestId,
      caller: () => (cachedCaller ??= openid ? loadCaller(db, openid) : Promise.resolve({ openid, roles: [] })),
    }

    try {
      const result = await run(ctx, parsedInput.data)
      const parsedOutput = contract.output.safeParse(result)
      if (!parsedOutput.success) {
        console.error(`[${fn}.${action}] ${requestId} output does not match its contract`, parsedOutput.error.issues)
        return fail('INTERNAL')
      }
      return { ok: true, data: parsedOutput.data }
    } catch (err) {
      if (err instanceof DomainError) {
        // A rule on a field the contract cannot state (a story's minimum at nominate): the fields named as the contract's are.
        const fields = err.code === 'VALIDATION_FAILED' ? err.details?.fields : undefined
        if (Array.isArray(fields) && fields.length > 0) return fail('VALIDATION_FAILED', fields as string[])
        return err.details
          ? { ok: false, code: err.code, message: err.message, details: err.details }
          : { ok: false, code: err.code, message: err.message }
      }
      console.error(`[${fn}.${action}] ${requestId} failed`, err)
      return fail('INTERNAL')
    }
  }
}

/** Runs a timer job: `{ ok: true, data }` with what it did, or INTERNAL (logged) when it threw. */
async function runTimer(fn: string, trigger: string, job: TimerJob, requestId: string, now: () => number): Promise<Envelope<unknown>> {
  try {
    return { ok: true, data: await job({ db: getDb(), now, requestId }) }
  } catch (err) {
    console.error(`[${fn}] ${requestId} timer ${trigger} failed`, err)
    return fail('INTERNAL')
  }
}
