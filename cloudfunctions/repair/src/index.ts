// Cloud function `repair`, run by its timer trigger every minute (config.json): repairs the
// activities touched in the last minutes (see _core/repairRun.ts) and records what it changed.
// Only the timer runs it: a call from the mini-program (it carries an OPENID) is refused.
import { ERROR_MESSAGES } from '@shared/errors'
import { getCloud, getDb } from '../../_core/cloud'
import { recordRepair, repairTouched } from '../../_core/repairRun'

interface TimerEvent {
  Type?: string
  TriggerName?: string
}

export async function main(event: TimerEvent) {
  const wx = getCloud().getWXContext() as { OPENID?: string }
  if (wx.OPENID || event?.Type !== 'Timer') return { ok: false, code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN }
  const db = getDb()
  const now = Date.now()
  try {
    const run = await repairTouched(db, now)
    await recordRepair(db, 'timer', now, run)
    return { ok: true, data: { checked: run.checked, changed: run.changes.length, partial: run.partial, ms: run.ms } }
  } catch (err) {
    console.error('[repair] run failed', err)
    return { ok: false, code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL }
  }
}
