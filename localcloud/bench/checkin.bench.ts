// Check-in at the door through the gateway (HTTP -> bundled `checkin` function -> SDK -> local
// database): one volunteer scanning a queue of tickets one after another (p50/p95 per scan), the
// database operations of one check-in (role check included), and the phone's offline
// verification of one ticket (the pure function, no network).
import { PRIVACY_VERSION } from '../../src/shared/domain/privacy'
import { shanghaiInstant } from '../../src/shared/domain/time'
import { verifyTicket } from '../../src/shared/domain/ticket'
import type { LocalCloud } from '../local-cloud'
import { percentile, round } from './results'
import { call, dayFromToday, must } from './gateway-client'

/* eslint-disable @typescript-eslint/no-explicit-any */
const HOUR = 3_600_000
const DAY = 24 * HOUR
const ADMIN = 'dev-admin'
const VOLUNTEER = 'bench-volunteer'

export interface CheckinBenchOptions {
  /** Tickets scanned one after another. */
  scans?: number
  /** Offline verifications timed. */
  verifications?: number
}

export async function benchCheckin(cloud: LocalCloud, options: CheckinBenchOptions = {}): Promise<Record<string, number>> {
  const scans = options.scans ?? 200
  const verifications = options.verifications ?? 500
  const db: any = cloud.sdkDb

  const weekId = `benchck${Date.now().toString(36)}`
  await must(cloud, ADMIN, 'activity', 'week.create', {
    id: weekId,
    name: '签到压测活动周',
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
  const startAt = shanghaiInstant(dayFromToday(3), '10:00')
  const { activity } = await must(cloud, ADMIN, 'activity', 'create', {
    weekId,
    districtCode: 'bench',
    title: '压测：签到',
    type: 'reading',
    topics: ['science_culture'],
    audiences: ['residents'],
    organizer: '压测单位',
    mode: 'offline',
    venue: { name: '压测场馆', address: '压测路1号' },
    startAt,
    endAt: startAt + 2 * HOUR,
    signup: {
      capacity: scans + 10,
      opensAt: Date.now() - HOUR,
      closesAt: startAt - 2 * HOUR,
      cancelDeadline: startAt - DAY,
      fields: ['name', 'phone'],
    },
  })
  await must(cloud, ADMIN, 'activity', 'publish', { id: activity.id })

  // Residents with a profile sign up and fetch their tickets.
  const now = new Date()
  const people = Array.from({ length: scans }, (_, i) => `benchck-${i}`)
  for (let i = 0; i < people.length; i += 500) {
    await db.collection('users').add({
      data: people.slice(i, i + 500).map((id, j) => ({
        _id: id,
        profile: {
          name: `居民${i + j}`,
          phone: `136${String(i + j).padStart(8, '0')}`,
          ageGroup: '40-59',
          community: '压测社区',
          audience: 'residents',
        },
        family: [],
        roles: [],
        consent: { version: PRIVACY_VERSION, at: now },
        createdAt: now,
        updatedAt: now,
      })),
    })
  }
  const tokens: string[] = []
  for (const p of people) {
    await must(cloud, p, 'signup', 'create', { activityId: activity.id })
    tokens.push((await must(cloud, p, 'signup', 'ticket', { registrationId: `${activity.id}_${p}` })).token)
  }
  // The activity starts in half an hour (check-in open); a volunteer redeems an invite.
  const soon = new Date(Date.now() + 30 * 60_000)
  await db
    .collection('activities')
    .doc(activity.id)
    .update({ data: { startAt: soon, endAt: new Date(soon.getTime() + 2 * HOUR) } })
  const { code } = await must(cloud, ADMIN, 'checkin', 'invite.create', { activityIds: [activity.id], expiresAt: Date.now() + DAY })
  await must(cloud, VOLUNTEER, 'checkin', 'invite.redeem', { code })
  const { keys } = await must(cloud, VOLUNTEER, 'checkin', 'roster', { activityIds: [activity.id] })

  // A warm-up scan, then the queue at the door: one scan after another.
  await must(cloud, VOLUNTEER, 'checkin', 'scan', { activityId: activity.id, token: tokens[0] })
  const times: number[] = []
  let errors = 0
  cloud.db.resetStats()
  for (const token of tokens.slice(1)) {
    const t0 = performance.now()
    const body = await call(cloud, VOLUNTEER, 'checkin', 'scan', { activityId: activity.id, token })
    times.push(performance.now() - t0)
    if (!body.ok) errors++
  }
  const ops = cloud.db.stats().total
  times.sort((a, b) => a - b)

  // The phone's offline check: signature against the roster's week key.
  const publicKey = keys[0].publicKey
  verifyTicket(tokens[0], publicKey)
  const v0 = performance.now()
  for (let i = 0; i < verifications; i++) {
    if (!verifyTicket(tokens[i % tokens.length], publicKey).ok) errors++
  }
  const verifyMs = (performance.now() - v0) / verifications

  return {
    'checkin.scans': times.length,
    'checkin.errors': errors,
    'checkin.p50Ms': round(percentile(times, 50)),
    'checkin.p95Ms': round(percentile(times, 95)),
    'checkin.offlineVerifyMs': round(verifyMs, 3),
    'checkin.dbOpsPerCheckin': round(ops / times.length),
    'checkin.tokenChars': tokens[0].length,
  }
}
