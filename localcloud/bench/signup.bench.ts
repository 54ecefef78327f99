// A sign-up rush through the gateway (HTTP -> bundled `signup` function -> SDK -> local database):
// 2,000 returning residents on 100 seats, high but bounded concurrency. Then the database
// operations of one returning resident's sign-up, counted by the local cloud. Right before the
// rush, the bare conditional updates a second the same database server allows (bareUpdates.bench.ts),
// and from both signup.rush.efficiency: the share of that the rush reaches.
import { PRIVACY_VERSION } from '../../src/shared/domain/privacy'
import { EventEmitter } from 'node:events'
import { shanghaiInstant } from '../../src/shared/domain/time'
import type { LocalCloud } from '../local-cloud'
import { bareConditionalUpdates, efficiency, perCpuSecond, perSecond, timed, together } from './bareUpdates.bench'
import { round } from './results'
import { call, dayFromToday, must } from './gateway-client'

/* eslint-disable @typescript-eslint/no-explicit-any */
const HOUR = 3_600_000
const DAY = 24 * HOUR
const ADMIN = 'dev-admin'

export interface SignupBenchOptions {
  callers?: number
  seats?: number
  concurrency?: number
  /** Sequential sign-ups measured for dbOpsPerSignup. */
  probes?: number
}

/** A week starting the day after tomorrow, created by the bureau admin; the admin runs its activities. */
export async function benchWeek(cloud: LocalCloud): Promise<string> {
  const id = `bench${Date.now().toString(36)}`
  await must(cloud, ADMIN, 'activity', 'week.create', {
    id,
    name: '压测活动周',
    level: 'city',
    region: '压测市',
    theme: '压测',
    startDate: dayFromToday(2),
    endDate: dayFromToday(8),
    districts: [{ code: 'bench', name: '压测区' }],
    summaryDeadline: dayFromToday(12),
    organiser: '压测市教育局',
    status: 'published',
  })
  return id
}

export async function benchActivity(cloud: LocalCloud, weekId: string, capacity: number, title: string): Promise<string> {
  const startAt = shanghaiInstant(dayFromToday(3), '10:00')
  const { activity } = await must(cloud, ADMIN, 'activity', 'create', {
    weekId,
    districtCode: 'bench',
    title,
    type: 'reading',
    topics: ['science_culture'],
    audiences: ['residents'],
    organizer: '压测单位',
    mode: 'offline',
    venue: { name: '压测场馆', address: '压测路1号' },
    startAt,
    endAt: startAt + 2 * HOUR,
    signup: {
      capacity,
      opensAt: Date.now() - HOUR,
      closesAt: startAt - 2 * HOUR,
      cancelDeadline: startAt - DAY,
      fields: ['name', 'phone'],
    },
  })
  await must(cloud, ADMIN, 'activity', 'publish', { id: activity.id })
  return activity.id
}

/** Residents with a stored profile (returning residents), written straight to the database. */
export async function seedResidents(cloud: LocalCloud, prefix: string, count: number): Promise<string[]> {
  const db: any = cloud.sdkDb
  const now = new Date()
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  for (let i = 0; i < count; i += 500) {
    const data = ids.slice(i, i + 500).map((id, j) => ({
      _id: id,
      profile: {
        name: `居民${i + j}`,
        phone: `137${String(i + j).padStart(8, '0')}`,
        ageGroup: '40-59',
        community: '压测社区',
        audience: 'residents',
      },
      family: [],
      roles: [],
      consent: { version: PRIVACY_VERSION, at: now },
      createdAt: now,
      updatedAt: now,
    }))
    await db.collection('users').add({ data })
  }
  return ids
}

export async function benchSignup(cloud: LocalCloud, options: SignupBenchOptions = {}): Promise<Record<string, number>> {
  const callers = options.callers ?? 2000
  const seats = options.seats ?? 100
  const concurrency = options.concurrency ?? 200
  const probes = options.probes ?? 50

  const weekId = await benchWeek(cloud)
  const rushId = await benchActivity(cloud, weekId, seats, '压测：抢报名')
  const people = await seedResidents(cloud, 'rush', callers)
  // What the same database server allows, measured right before the rush and right after it (the
  // machine's other load changes over a run: both halves see it alike).
  const bareBefore = await bareConditionalUpdates(cloud, { callers: concurrency })

  // node-sdk adds a 'connect' listener per queued request to pooled sockets: client-side noise.
  const maxListeners = EventEmitter.defaultMaxListeners
  EventEmitter.defaultMaxListeners = 0
  let confirmed = 0
  let waitlisted = 0
  let errors = 0
  let next = 0
  cloud.db.resetStats()
  const rush = await timed(callers, async () => {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < people.length) {
          const openid = people[next++]
          try {
            const body = await call(cloud, openid, 'signup', 'create', { activityId: rushId })
            if (body.ok && body.data.registration.status === 'confirmed') confirmed++
            else if (body.ok && body.data.registration.status === 'waitlisted') waitlisted++
            else errors++
          } catch {
            errors++
          }
        }
      }),
    )
  })
  const rushOps = cloud.db.stats().total
  EventEmitter.defaultMaxListeners = maxListeners
  const bare = together(bareBefore, await bareConditionalUpdates(cloud, { callers: concurrency }))

  // One returning resident at a time, seats to spare: what a normal sign-up costs.
  const quietId = await benchActivity(cloud, weekId, probes + 10, '压测：日常报名')
  const quiet = await seedResidents(cloud, 'quiet', probes)
  cloud.db.resetStats()
  for (const openid of quiet) await must(cloud, openid, 'signup', 'create', { activityId: quietId })
  const quietOps = cloud.db.stats().total

  const callsPerSecond = perSecond(rush)
  const opsPerCall = round(rushOps / callers)
  return {
    'db.bareConditionalUpdatesPerSecond': perSecond(bare),
    'db.bareConditionalUpdatesPerCpuSecond': perCpuSecond(bare),
    'signup.rush.callers': callers,
    'signup.rush.seats': seats,
    'signup.rush.concurrency': concurrency,
    'signup.rush.confirmed': confirmed,
    'signup.rush.waitlisted': waitlisted,
    'signup.rush.errors': errors,
    'signup.rush.wallMs': round(rush.wallMs),
    'signup.rush.callsPerSecond': callsPerSecond,
    'signup.rush.dbOpsPerCall': opsPerCall,
    'signup.rush.efficiency': efficiency(callsPerSecond, perSecond(bare), opsPerCall),
    // The same in CPU time of this process: what the machine's other load leaves out.
    'signup.rush.callsPerCpuSecond': perCpuSecond(rush),
    'signup.rush.cpuEfficiency': efficiency(perCpuSecond(rush), perCpuSecond(bare), opsPerCall),
    'signup.dbOpsPerSignup': round(quietOps / probes),
  }
}
