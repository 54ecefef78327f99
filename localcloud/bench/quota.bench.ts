// Within quota: what an open dashboard and a whole activity week cost the database, counted as WeChat
// Cloud bills it (localcloud/db/stats.ts: one read per get, count or aggregate request, one write per
// add, update, set or remove request; a transaction's start and commit are neither).
//
// quota.dashboardReadsPerHour: MEASURED. The dashboard's real cadence (src/organiser/components:
// poller.ts with WEAPP_CADENCE, the numbers the weapp runs) on a simulated clock for one hour, with a
// busy activity stream: an activity of the scope is written every second (a real write to the local
// database) and the watch reports it. Each time the cadence loads, the real stats.dashboard runs
// (the bundled function, in-process, against the local database); the watch's first snapshot is
// one real query too. The reads are what the local database records in that hour (the stream's
// writes are not reads). Measured for a district's organiser and for the city's roll-up; the larger
// counts. Must be at most 300.
//
// quota.cityWeek.* / quota.districtWeek.*: a modelled week (weekLoad.ts, CITY_WEEK and DISTRICT_WEEK:
// the numbers in one place). Running 40,000 sign-ups and the rest through the functions would take
// longer than the bench may, so a SAMPLE (SAMPLE_SHARE of each kind's week, at least a few calls)
// runs through the real functions against the local database, in-process, one call after another,
// and each call's reads and writes are counted: the mean per kind is MEASURED. The week's arrivals
// (when each call happens, in simulated time) are modelled, and each modelled call costs its kind's
// measured mean. Dashboards per day: the measured reads per hour × dashboards × hours (every open
// hour counted as busy as the measured one); for the busiest second, every dashboard's loads are
// simulated with the real cadence against the day's sign-ups and check-ins as changes, each load
// costing the measured reads of one load.
// Alone: `npx tsx localcloud/bench/quota.bench.ts` (builds the functions, a fresh seeded cloud).
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WEAPP_CADENCE } from '../../src/organiser/components/cadence'
import { changesEvery, simulateCadence, type SimEvent } from '../../src/organiser/components/cadenceSim'
import { seededRandom } from '../../src/shared/seededRandom'
import { shanghaiDate } from '../../src/shared/domain/time'
import { invokeFunction } from '../gateway/functions'
import type { LocalCloud } from '../local-cloud'
import { courseInput } from '../tests/functions/courseFixtures'
import { activityInput, currentConsent, profileOf, weekCreateInput } from '../tests/functions/fixtures'
import { sampleBooks } from '../tests/functions/readingFixtures'
import { round } from './results'
import {
  arrivalsOfDay,
  BASE_QUOTA,
  CALL_KINDS,
  CITY_WEEK,
  DISTRICT_WEEK,
  multipleOfBase,
  weekFigures,
  clockOf,
  type CallKind,
  type KindOps,
  type WeekFigures,
  type WeekLoad,
} from './weekLoad'

/* eslint-disable @typescript-eslint/no-explicit-any */
const HOUR = 3_600_000
const DAY = 24 * HOUR
const ADMIN = 'dev-admin'
const ORGANISER = 'quota-organiser'
const VOLUNTEER = 'quota-volunteer'
/** Share of the city's week run through the functions to measure each kind's operations per call. */
export const SAMPLE_SHARE = 1 / 50
const DISTRICTS = 10
const ACTIVITIES = 20
const READS_LIMIT = 300

async function call(fn: string, action: string, input: unknown, openid: string): Promise<any> {
  const res: any = await invokeFunction(fn, { action, input }, openid)
  if (!res?.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(res)}`)
  return res.data
}

interface Tally {
  calls: number
  reads: number
  writes: number
  refused: number
}

/** Runs calls one after another, counting each one's reads and writes under `kind`. */
function meter(cloud: LocalCloud) {
  const tallies = Object.fromEntries(CALL_KINDS.map((k) => [k, { calls: 0, reads: 0, writes: 0, refused: 0 }])) as Record<CallKind, Tally>
  const refusals = new Map<string, number>()
  return {
    tallies,
    refusals,
    /** `event` replaces { action, input } (a timer's event). */
    async run(kind: CallKind, fn: string, action: string, input: unknown, openid: string, event?: unknown): Promise<any> {
      cloud.db.resetStats()
      const res: any = await invokeFunction(fn, event ?? { action, input }, openid)
      const b = cloud.db.billing()
      const t = tallies[kind]
      t.calls++
      t.reads += b.reads
      t.writes += b.writes
      if (!res?.ok) {
        t.refused++
        const key = `${fn}.${action} ${res?.code ?? 'no answer'}`
        refusals.set(key, (refusals.get(key) ?? 0) + 1)
      }
      return res?.ok ? res.data : null
    },
  }
}

const sampleOf = (n: number, min = 5) => Math.max(min, Math.round(n * SAMPLE_SHARE))

/** A city week in the local cloud with DISTRICTS districts and ACTIVITIES activities open for sign-up. */
async function sampleWeek(cloud: LocalCloud) {
  const db: any = cloud.sdkDb
  const id = `quota${Date.now().toString(36)}`
  const districts = Array.from({ length: DISTRICTS }, (_, i) => ({ code: `d${i}`, name: `测算${i}区` }))
  await call('activity', 'week.create', { ...weekCreateInput(id), name: '配额测算活动周', districts }, ADMIN)
  const now = new Date()
  await db.collection('users').add({
    data: [{ _id: ORGANISER, roles: [{ role: 'organiser', weekId: id, districtCode: 'd0' }], family: [], createdAt: now, updatedAt: now }],
  })
  const week = { id, day: weekCreateInput(id).startDate }
  const activityIds: string[] = []
  for (let i = 0; i < ACTIVITIES; i++) {
    const input = activityInput(week, { capacity: 100_000, title: `配额测算活动${i}`, extra: { districtCode: `d${i % DISTRICTS}` } })
    const { activity } = await call('activity', 'create', input, ADMIN)
    await call('activity', 'publish', { id: activity.id }, ADMIN)
    activityIds.push(activity.id)
  }
  return { weekId: id, activityIds }
}

/** People with a stored profile (returning residents), written straight to the database. */
async function seedPeople(cloud: LocalCloud, count: number): Promise<string[]> {
  const db: any = cloud.sdkDb
  const now = new Date()
  const ids = Array.from({ length: count }, (_, i) => `quota-${i}`)
  for (let i = 0; i < count; i += 500) {
    const data = ids.slice(i, i + 500).map((id, j) => ({
      _id: id,
      profile: profileOf(i + j),
      family: [],
      roles: [],
      consent: currentConsent(now),
      createdAt: now,
      updatedAt: now,
    }))
    await db.collection('users').add({ data })
  }
  return ids
}

/** Each kind of call, a sample of the city's week, through the real functions: mean operations per call. */
async function measureCalls(cloud: LocalCloud, weekId: string, activityIds: string[]) {
  const db: any = cloud.sdkDb
  const m = meter(cloud)
  const want = {
    signup: sampleOf(CITY_WEEK.signups),
    checkin: sampleOf(CITY_WEEK.checkins),
    lesson: sampleOf(CITY_WEEK.lessons),
    readingLog: sampleOf(CITY_WEEK.readingLogs),
  }
  // Sign-ups: each person two activities (the week's 40,000 sign-ups by about 20,000 people).
  const people = await seedPeople(cloud, Math.ceil(want.signup / 2))
  const registrations: { activityId: string; openid: string }[] = []
  for (let i = 0; i < want.signup; i++) {
    const openid = people[Math.floor(i / 2)]
    const activityId = activityIds[(Math.floor(i / 2) + (i % 2) * 7) % activityIds.length]
    if (await m.run('signup', 'signup', 'create', { activityId }, openid)) registrations.push({ activityId, openid })
  }

  // The activities start in half an hour (the door is open); a volunteer holds an invite to all of them.
  const soon = new Date(Date.now() + 30 * 60_000)
  for (const id of activityIds)
    await db
      .collection('activities')
      .doc(id)
      .update({ data: { startAt: soon, endAt: new Date(soon.getTime() + 2 * HOUR) } })
  const { code } = await call('checkin', 'invite.create', { activityIds, expiresAt: Date.now() + DAY }, ADMIN)
  await call('checkin', 'invite.redeem', { code }, VOLUNTEER)
  // Check-ins: the resident opens the ticket, the volunteer scans it.
  for (const r of registrations.slice(0, want.checkin)) {
    const ticket = await m.run('ticket', 'signup', 'ticket', { registrationId: `${r.activityId}_${r.openid}` }, r.openid)
    if (ticket) await m.run('checkin', 'checkin', 'scan', { activityId: r.activityId, token: ticket.token }, VOLUNTEER)
  }

  // Lessons: learners enrol once, then complete CITY_WEEK.lessonsPerLearner lessons each.
  const perLearner = CITY_WEEK.lessonsPerLearner
  const { courseId } = await call('course', 'save', courseInput(weekId, { district: 'd0', lessons: perLearner, stepsPerLesson: 4 }), ADMIN)
  await call('course', 'publish', { courseId, published: true }, ADMIN)
  const { course } = await call('course', 'get', { courseId }, ADMIN)
  const lessonIds: string[] = course.lessons.map((l: any) => l.id)
  for (let i = 0; i < Math.ceil(want.lesson / perLearner); i++) {
    const learner = people[i % people.length]
    await m.run('enrol', 'course', 'enrol', { courseId }, learner)
    for (const lessonId of lessonIds) await m.run('lesson', 'course', 'completeLesson', { courseId, lessonId }, learner)
  }

  // Reading logs: a published list of two books; each reader logs both (once a day per book).
  const saved = await call(
    'reading',
    'list.save',
    { weekId, districtCode: 'd0', title: '配额测算书单', intro: '测算用。', books: sampleBooks() },
    ADMIN,
  )
  await call('reading', 'list.publish', { listId: saved.listId, published: true }, ADMIN)
  const bookIds: string[] = (await db.collection('bookLists').doc(saved.listId).get()).data.bookIds
  for (let i = 0; i < want.readingLog; i++) {
    await m.run(
      'readingLog',
      'reading',
      'log',
      { bookId: bookIds[i % bookIds.length], minutes: 30 },
      people[Math.floor(i / bookIds.length) % people.length],
    )
  }

  // The repair timer (every minute in the cloud): right after the sample it looks at every activity,
  // course and book touched (the run answers how many); then, the clock moved past its window, a quiet
  // run. The difference per document looked at is what a busy minute adds (weekLoad.ts models how many).
  const timer = () => ({ Type: 'Timer', TriggerName: 'repair', Time: new Date().toISOString() })
  cloud.db.resetStats()
  const busy: any = await invokeFunction('repair', timer(), '')
  const busyBill = cloud.db.billing()
  const realNow = Date.now
  Date.now = () => realNow() + 30 * 60_000
  try {
    for (let i = 0; i < 3; i++) await m.run('repair', 'repair', 'timer', undefined, '', timer())
  } finally {
    Date.now = realNow
  }
  const checked = busy?.data?.checked ?? 0
  const quiet = m.tallies.repair.reads / m.tallies.repair.calls
  const repair = { checked, busyReads: busyBill.reads, readsPerTouched: checked ? (busyBill.reads - quiet) / checked : 0 }
  console.log(
    `quota: the repair timer: a quiet run ${round(quiet, 2)} reads; right after the sample it looked at ${checked} touched documents ` +
      `for ${busyBill.reads} reads (${JSON.stringify(busyBill.byCollection)}): ${round(repair.readsPerTouched, 2)} reads each`,
  )
  return { m, repair }
}

/** One simulated hour of an open dashboard with the weapp cadence and a change every second. */
async function measureDashboardHour(
  cloud: LocalCloud,
  openid: string,
  input: { weekId: string; districtCode?: string; day: string },
  busyId: string,
) {
  const db: any = cloud.sdkDb
  const _ = db.command
  cloud.db.resetStats()
  // The watch's first snapshot: the same query the weapp's watch makes (services/liveChanges.ts).
  await db
    .collection('activities')
    .where({
      weekId: input.weekId,
      status: _.in(['published', 'cancelled']),
      ...(input.districtCode ? { districtCode: input.districtCode } : {}),
    })
    .get()
  const events: SimEvent[] = changesEvery(1000, 500, HOUR)
  let failures = 0
  const t0 = performance.now()
  const sim = await simulateCadence({
    cadence: WEAPP_CADENCE,
    durationMs: HOUR,
    events,
    watching: true,
    onChange: async () => {
      await db
        .collection('activities')
        .doc(busyId)
        .update({ data: { updatedAt: new Date() } })
    },
    load: async () => {
      const res: any = await invokeFunction('stats', { action: 'dashboard', input }, openid)
      if (!res?.ok) {
        failures++
        throw new Error(`stats.dashboard failed: ${JSON.stringify(res)}`)
      }
    },
  })
  const b = cloud.db.billing()
  return {
    reads: b.reads,
    writes: b.writes,
    loads: sim.loads.length,
    failures,
    ms: performance.now() - t0,
    readsPerLoad: (b.reads - 1) / sim.loads.length,
  }
}

/** Every dashboard's loads on a day of the modelled week: the real cadence, the day's sign-ups and check-ins as changes. */
async function dashboardLoads(load: WeekLoad): Promise<(day: number) => number[]> {
  const byDay: number[][] = []
  const open = (() => {
    const [h, m] = load.dashboardsOpenAt.split(':').map(Number)
    return h * 3600 + m * 60
  })()
  const span = load.dashboardHoursPerDay * 3600
  for (let day = 0; day < load.days; day++) {
    const a = arrivalsOfDay(load, day)
    const changed = new Set<number>()
    for (const s of [...a.signup, ...a.checkin]) if (s >= open && s < open + span + 1800) changed.add(s - open)
    const events: SimEvent[] = [...changed].sort((x, y) => x - y).map((s) => ({ at: s * 1000, kind: 'change' }))
    const loads: number[] = []
    for (let d = 0; d < load.dashboards; d++) {
      // Each opens in the half hour from dashboardsOpenAt (its own moment), stays open its hours, and
      // sees every change (the worst case: a roll-up sees every district), with its own jitter.
      const random = seededRandom(load.seed + day * 100 + d)
      const offset = Math.floor(random() * 1800)
      const own = events.map((e) => ({ ...e, at: e.at - offset * 1000 })).filter((e) => e.at >= 0)
      const sim = await simulateCadence({
        cadence: WEAPP_CADENCE,
        durationMs: span * 1000,
        events: own,
        watching: true,
        load: async () => undefined,
        random,
      })
      for (const t of sim.loads) loads.push(open + offset + Math.floor(t / 1000))
    }
    byDay.push(loads)
  }
  return (day) => byDay[day]
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

function printWeek(load: WeekLoad, w: WeekFigures) {
  console.log(
    `\n${load.label}: ${fmt(load.signups)} sign-ups, ${fmt(load.checkins)} check-ins, ${fmt(load.lessons)} lessons, ${fmt(load.readingLogs)} reading logs, ${load.dashboards} dashboards open ${load.dashboardHoursPerDay} h a day, ${load.days} days`,
  )
  console.log('  day   calls    reads (dashboards, repair)   writes   busiest second')
  for (const d of w.days) {
    const calls = CALL_KINDS.reduce((n, k) => n + d.calls[k], 0)
    console.log(
      `  ${d.day + 1}   ${fmt(calls).padStart(7)}  ${fmt(d.reads).padStart(8)} (${fmt(d.dashboardReads).padStart(6)}, ${fmt(d.repairReads).padStart(6)})  ${fmt(d.writes).padStart(8)}   ${round(d.peakOps, 1)} ops at ${clockOf(d.peakAt)}`,
    )
  }
  const x = multipleOfBase(w)
  console.log(
    `  peak day: ${fmt(w.peakDayReads)} reads, ${fmt(w.peakDayWrites)} writes; busiest second ${w.peakQps} operations (day ${w.peakQpsDay + 1}, ${w.peakQpsAt})`,
  )
  console.log(
    `  base environment (${fmt(BASE_QUOTA.readsPerDay)} reads, ${fmt(BASE_QUOTA.writesPerDay)} writes a day, QPS ${BASE_QUOTA.qps}): ` +
      `${round(x.reads, 2)}× its reads, ${round(x.writes, 2)}× its writes, ${round(x.qps, 2)}× its QPS -> ` +
      (x.reads <= 1 && x.writes <= 1 && x.qps <= 1
        ? 'fits the base environment'
        : `needs a plan with at least ${round(Math.max(x.reads, x.writes, x.qps), 1)}× the base quota`),
  )
}

export async function benchQuota(cloud: LocalCloud): Promise<Record<string, number>> {
  const t0 = performance.now()
  const { weekId, activityIds } = await sampleWeek(cloud)
  const { m, repair } = await measureCalls(cloud, weekId, activityIds)
  const sampleMs = performance.now() - t0

  const ops = Object.fromEntries(
    CALL_KINDS.map((k) => {
      const t = m.tallies[k]
      return [k, { reads: t.calls ? t.reads / t.calls : 0, writes: t.calls ? t.writes / t.calls : 0 }]
    }),
  ) as Record<CallKind, KindOps>
  console.log(
    `quota: a ${round(SAMPLE_SHARE * 100, 1)}% sample of the city's week run through the functions in ${round(sampleMs / 1000, 1)} s; measured per call:`,
  )
  for (const k of CALL_KINDS) {
    const t = m.tallies[k]
    console.log(
      `  ${k.padEnd(10)} ${String(t.calls).padStart(5)} calls: ${round(ops[k].reads)} reads, ${round(ops[k].writes)} writes${t.refused ? ` (${t.refused} refused)` : ''}`,
    )
  }
  for (const [what, n] of m.refusals) console.log(`  refused: ${what} × ${n}`)

  // The dashboard hour, on this week now that it has figures: a district's organiser and the roll-up.
  const day = shanghaiDate(Date.now())
  const organiser = await measureDashboardHour(cloud, ORGANISER, { weekId, districtCode: 'd0', day }, activityIds[0])
  const rollup = await measureDashboardHour(cloud, ADMIN, { weekId, day }, activityIds[0])
  for (const [who, d] of [
    ['a district organiser', organiser],
    ['the city roll-up (admin)', rollup],
  ] as const)
    console.log(
      `quota: dashboard of ${who}, one simulated hour with a change every second: ${d.loads} loads, ${d.reads} reads ` +
        `(${round(d.readsPerLoad, 2)} a load + 1 for the watch), ${d.failures} failed; ran in ${round(d.ms / 1000, 1)} s -> ` +
        `${d.reads <= READS_LIMIT ? 'within' : 'OVER'} ${READS_LIMIT} reads an hour`,
    )
  const worst = organiser.reads >= rollup.reads ? organiser : rollup
  const dash = { readsPerHour: worst.reads, readsPerLoad: Math.max(organiser.readsPerLoad, rollup.readsPerLoad) }

  const city = weekFigures(CITY_WEEK, ops, { ...dash, loadsOfDay: await dashboardLoads(CITY_WEEK) }, repair)
  const district = weekFigures(DISTRICT_WEEK, ops, { ...dash, loadsOfDay: await dashboardLoads(DISTRICT_WEEK) }, repair)
  console.log(
    `\nquota: the weeks below are MODELLED arrivals (weekLoad.ts) costed at the per-call operations MEASURED above on a ${round(SAMPLE_SHARE * 100, 1)}% sample, ` +
      `dashboards at the measured ${dash.readsPerHour} reads per open hour; WeChat Cloud's bigger plans raise these quotas (figures not restated here: see WeChat's "Resource Quota" page)`,
  )
  printWeek(CITY_WEEK, city)
  printWeek(DISTRICT_WEEK, district)
  console.log(`quota bench: ${round((performance.now() - t0) / 1000, 1)} s`)

  return {
    'quota.dashboardReadsPerHour': worst.reads,
    'quota.dashboardLoadsPerHour': worst.loads,
    'quota.dashboardReadsPerLoad': round(dash.readsPerLoad, 2),
    'quota.sampleShare': round(SAMPLE_SHARE, 4),
    'quota.cityWeek.peakDayReads': city.peakDayReads,
    'quota.cityWeek.peakDayWrites': city.peakDayWrites,
    'quota.cityWeek.peakQps': city.peakQps,
    'quota.districtWeek.peakDayReads': district.peakDayReads,
    'quota.districtWeek.peakDayWrites': district.peakDayWrites,
    'quota.districtWeek.peakQps': district.peakQps,
  }
}

if (require.main === module) {
  void (async () => {
    const { buildFunctions } = await import('../scripts/build-functions')
    const { startLocalCloud } = await import('../local-cloud')
    const { recordFigures } = await import('./results')
    await buildFunctions()
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'localcloud-bench-'))
    const cloud = await startLocalCloud({ dataDir, seed: 'always', attendance: false })
    try {
      recordFigures(await benchQuota(cloud))
    } finally {
      await cloud.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
    process.exit(0)
  })().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
