// Runs the cloud functions' timer triggers locally, on the schedule their config.json gives, as
// WeChat Cloud does: `{ "triggers": [{ "name", "type": "timer", "config": "<cron>" }] }` with the
// cloud's seven-field cron (second minute hour day-of-month month day-of-week year). A timer call
// carries no OPENID and the event { Type: 'Timer', TriggerName, Time }.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { FUNCTIONS_DIR, functionNames } from '../scripts/build-functions'
import { invokeFunction } from './functions'

export interface TimerTrigger {
  fn: string
  name: string
  cron: string
}

/** The timer triggers of every function folder. */
export function timerTriggers(): TimerTrigger[] {
  const out: TimerTrigger[] = []
  for (const fn of functionNames()) {
    const file = path.join(FUNCTIONS_DIR, fn, 'config.json')
    if (!existsSync(file)) continue
    const config = JSON.parse(readFileSync(file, 'utf8')) as { triggers?: { name: string; type: string; config: string }[] }
    for (const t of config.triggers ?? []) if (t.type === 'timer') out.push({ fn, name: t.name, cron: t.config })
  }
  return out
}

/** Whether one cron field (`*`, `n`, `a-b`, `*\/n`, `a-b/n`, lists of these) admits `value`. */
function fieldAdmits(field: string, value: number): boolean {
  return field.split(',').some((part) => {
    const [range, stepText] = part.split('/')
    const step = stepText ? Number(stepText) : 1
    let lo: number
    let hi: number
    if (range === '*') [lo, hi] = [0, Number.MAX_SAFE_INTEGER]
    else if (range.includes('-')) [lo, hi] = range.split('-').map(Number) as [number, number]
    else [lo, hi] = [Number(range), stepText ? Number.MAX_SAFE_INTEGER : Number(range)]
    return value >= lo && value <= hi && (value - (range === '*' ? 0 : lo)) % step === 0
  })
}

/** Whether a seven-field cron expression fires at `date` (to the second, Shanghai wall clock). */
export function cronFires(cron: string, date: Date): boolean {
  const f = cron.trim().split(/\s+/)
  if (f.length !== 7) throw new Error(`timer trigger: "${cron}" is not a seven-field cron expression`)
  const local = new Date(date.getTime() + 8 * 3_600_000)
  const values = [
    local.getUTCSeconds(),
    local.getUTCMinutes(),
    local.getUTCHours(),
    local.getUTCDate(),
    local.getUTCMonth() + 1,
    local.getUTCDay(),
    local.getUTCFullYear(),
  ]
  return values.every((v, i) => fieldAdmits(f[i], v))
}

/** Calls a function as its timer trigger does. */
export function fireTimer(t: Pick<TimerTrigger, 'fn' | 'name'>, at = new Date()): Promise<unknown> {
  return invokeFunction(t.fn, { Type: 'Timer', TriggerName: t.name, Time: at.toISOString() }, '')
}

/** Starts every timer trigger; a run still going when its next second comes is not started twice. */
export function startTimers(log: (line: string) => void = () => {}): { stop(): void } {
  const triggers = timerTriggers()
  const running = new Set<string>()
  const tick = setInterval(() => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000)
    for (const t of triggers) {
      const id = `${t.fn}/${t.name}`
      if (running.has(id) || !cronFires(t.cron, now)) continue
      running.add(id)
      fireTimer(t, now)
        .then((r) => {
          // Quiet unless it changed something or failed.
          const answer = r as { ok?: boolean; data?: { changed?: number } }
          if (!answer?.ok || answer.data?.changed) log(`[timer] ${id}: ${JSON.stringify(r)}`)
        })
        .catch((err) => log(`[timer] ${id} failed: ${String(err)}`))
        .finally(() => running.delete(id))
    }
  }, 1000)
  tick.unref()
  return { stop: () => clearInterval(tick) }
}
