// Cloud function `notify`, run by its timer trigger every 5 minutes (config.json): writes the
// activity reminders that are due (reminders.ts), then sends the outbox's due notices as subscribe
// messages, each at most once and only what the person accepted (send.ts). The clock is the
// handler's (injectable); a call from the mini-program cannot run the timer. Organisers send change
// notices to an activity's registrants through it (change.ts).
import { createFunction, type TimerContext } from '../../_core/handler'
import { listChanges, sendChange } from './change'
import { writeDueReminders } from './reminders'
import { sendDue } from './send'

/** One run: the reminders written, then what was sent. */
export async function notifyRun(ctx: TimerContext) {
  const now = ctx.now()
  const reminders = await writeDueReminders(ctx.db, now)
  const send = await sendDue(ctx.db, now)
  return { at: now, reminders, send }
}

export const main = createFunction('notify', { 'change.send': sendChange, 'change.list': listChanges, 'timer:notify': notifyRun })
