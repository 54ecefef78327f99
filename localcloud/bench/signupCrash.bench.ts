// A sign-up rush cut by crashes: 1,000 residents on 100 seats (waitlist on, 100 calls at a time), every
// call run in this process under the fault hook (gateway/faults.ts), and every call in flight killed twice mid-rush
// (after 30% and 60% of the answers), as when the process serving the rush dies. Then one run of the
// repair timer with the clock past the 60 s grace. What is left wrong is counted:
//   orphanedSeatsAfterRepair: seats held by no confirmed registration, plus free seats while people wait
//   counterDifferencesAfterRepair: kept counters (and seatsLeft) that differ from a recount
import { EventEmitter } from 'node:events'
import { killInFlight } from '../gateway/faults'
import { invokeWithFaults } from '../gateway/functions'
import { fireTimer } from '../gateway/timers'
import type { LocalCloud } from '../local-cloud'
import { seatAudit } from '../tests/functions/fixtures'
import { round } from './results'
import { benchActivity, benchWeek, seedResidents } from './signup.bench'

export async function benchSignupCrash(cloud: LocalCloud): Promise<Record<string, number>> {
  const callers = 1000
  const seats = 100
  const weekId = await benchWeek(cloud)
  const activityId = await benchActivity(cloud, weekId, seats, '压测：中断的抢报名')
  const people = await seedResidents(cloud, 'crash', callers)

  const maxListeners = EventEmitter.defaultMaxListeners
  EventEmitter.defaultMaxListeners = 0
  let answered = 0
  let lost = 0
  const kills: number[] = []
  const t0 = performance.now()
  // A hundred calls at a time, so that the kills find calls at every step of a sign-up.
  let next = 0
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (next < people.length) {
        const i = next++
        const input = { action: 'create', input: { activityId, waitlist: true, nonce: `crash${String(i).padStart(6, '0')}` } }
        const { lost: dead } = await invokeWithFaults('signup', input, people[i], {})
        if (dead) lost++
        answered++
        if (kills.length === 0 && answered >= callers * 0.3) kills.push(killInFlight())
        else if (kills.length === 1 && answered >= callers * 0.6) kills.push(killInFlight())
      }
    }),
  )
  const rushMs = performance.now() - t0
  EventEmitter.defaultMaxListeners = maxListeners
  const before = await seatAudit(cloud, activityId)

  // One timer run, its clock past the grace the repair gives a move in flight.
  const realNow = Date.now
  Date.now = () => realNow.call(Date) + 61_000
  const t1 = performance.now()
  try {
    await fireTimer({ fn: 'repair', name: 'repair' })
  } finally {
    Date.now = realNow
  }
  const repairMs = performance.now() - t1
  const after = await seatAudit(cloud, activityId)

  return {
    'signup.crash.callers': callers,
    'signup.crash.seats': seats,
    'signup.crash.killedCalls': kills.reduce((a, b) => a + b, 0),
    'signup.crash.lostAnswers': lost,
    'signup.crash.rushMs': round(rushMs),
    'signup.crash.orphanedSeatsBeforeRepair': before.orphaned,
    'signup.crash.pendingBeforeRepair': before.pending,
    'signup.crash.repairMs': round(repairMs),
    'signup.crash.orphanedSeatsAfterRepair': after.orphaned,
    'signup.crash.counterDifferencesAfterRepair': after.differences,
    'signup.crash.pendingAfterRepair': after.pending,
    'signup.crash.duplicateRegistrations': after.duplicates,
    'signup.crash.confirmedAfterRepair': after.counted.confirmed,
  }
}
