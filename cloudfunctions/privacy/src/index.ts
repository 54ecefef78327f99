// Cloud function `privacy`: consent to the privacy guide, 我的信息 (see, export, delete my data), the
// phone-number button, and its timer, which anonymises each week's personal data after the week's
// retention period and finishes erasures whose call died. Bundled into ../index.js for upload.
//
// A call from the mini-program (it carries an OPENID) goes to the actions; the timer trigger
// (config.json: `retention`, hourly; no OPENID, event.Type 'Timer') runs TIMER_JOBS. A mini-program
// call that claims to be the timer is still a mini-program call: it never reaches the jobs.
import { ERROR_MESSAGES } from '@shared/errors'
import { getCloud, getDb, type Database } from '../../_core/cloud'
import { createFunction, type FunctionContext, type FunctionImpl } from '../../_core/handler'
import { finishErasures } from '../../_core/erase'
import { getConsent, recordConsent } from './consent'
import { erase } from './erase'
import { exportMine } from './export'
import { mine } from './mine'
import { fillPhone } from './phone'
import { runRetention } from './retention'

/** The actions, also for tests that run them with an injected clock. */
export const privacyActions: FunctionImpl<'privacy'> = {
  'consent.get': getConsent,
  'consent.record': recordConsent,
  mine,
  export: exportMine,
  erase,
  'phone.fill': fillPhone,
}

const actions = createFunction('privacy', privacyActions)

/** One job of the hourly timer: bounded by itself (well under the function's timeout together). */
export interface TimerJob {
  name: string
  run(db: Database, now: number): Promise<unknown>
}

/**
 * What the timer runs, in order, each on its own (one failing does not stop the next). Erasures
 * whose call died are per person and short: they go first.
 */
export const TIMER_JOBS: TimerJob[] = [
  { name: 'erasures', run: (db, now) => finishErasures(db, now) },
  { name: 'retention', run: (db, now) => runRetention(db, now) },
]

interface TimerEvent {
  Type?: string
  TriggerName?: string
}

/** Runs every timer job once; `ok: false` when one failed (logged), with what each did. */
export async function runTimerJobs(db: Database, now: number, jobs: TimerJob[] = TIMER_JOBS) {
  const data: Record<string, unknown> = {}
  let failed = false
  for (const job of jobs) {
    try {
      data[job.name] = await job.run(db, now)
    } catch (err) {
      console.error(`[privacy] timer job ${job.name} failed`, err)
      data[job.name] = { failed: true }
      failed = true
    }
  }
  return failed ? { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL, data } : { ok: true, data }
}

export async function main(event: unknown, context?: FunctionContext) {
  // Read the identity synchronously, before any await (as the handler does).
  const wx = getCloud().getWXContext() as { OPENID?: string }
  if (!wx.OPENID && (event as TimerEvent | null)?.Type === 'Timer') return runTimerJobs(getDb(), Date.now())
  return actions(event, context)
}
