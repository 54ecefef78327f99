// A week of the activity week's traffic, modelled: how many calls of each kind arrive on each day and
// in which second (simulated time: each call gets a timestamp from the model, nothing waits), and
// what that costs the database given the operations one call of each kind makes (measured by
// quota.bench.ts through the real functions against the local database). Pure and seeded.
//
// The arrivals:
// - sign-ups bunch after the day's sign-up openings (a share `signupRushShare` of the day's sign-ups
//   arrives in the minutes after each opening, exponentially, mean `signupRushMeanMinutes`); the rest
//   spread over the day by `signupHours`;
// - check-ins bunch at activity starts: each day's activities start at `activityStarts` (round-robin),
//   their people arrive between 30 min before and 15 min after the start (most 5 min before), and the
//   door scans them one after another (`volunteersPerActivity` volunteers, `secondsPerScan` each), so
//   a queue forms; each resident opens the ticket (signup.ticket) in the two minutes before arriving;
// - lessons (and one course.enrol per `lessonsPerLearner` lessons) and reading logs by `lessonHours`
//   and `readingHours`;
// - the repair timer runs every minute (`repairRunsPerDay`): a quiet run costs its measured
//   operations, plus the measured reads per document it looks at, for every activity touched (signed
//   up for or checked in) in its window (`repairWindowMinutes`), at most `repairSoftSeconds` of
//   requests; its reads are one after another, `cloudRequestMs` each (an assumption), so they spread
//   over the seconds after it starts; rush sign-ups go to the next day's activities, the others to any
//   of the week, check-ins to the day's;
// - dashboards: their loads are simulated apart (the real cadence, quota.bench.ts) and passed in.
// Days are weighted by `dayWeights`. All times are Shanghai clock seconds of the day.

import { seededRandom } from '../../src/shared/seededRandom'

export const CALL_KINDS = ['signup', 'ticket', 'checkin', 'enrol', 'lesson', 'readingLog', 'repair'] as const
export type CallKind = (typeof CALL_KINDS)[number]

export interface WeekLoad {
  label: string
  days: number
  signups: number
  checkins: number
  lessons: number
  readingLogs: number
  /** Lessons one learner completes; each learner enrols once (course.enrol). */
  lessonsPerLearner: number
  /** Ticket opens (signup.ticket) per check-in. */
  ticketsPerCheckin: number
  dashboards: number
  dashboardHoursPerDay: number
  /** When the dashboards open, 'HH:mm' (they stay open dashboardHoursPerDay hours). */
  dashboardsOpenAt: string
  activitiesPerDay: number
  activityStarts: string[]
  volunteersPerActivity: number
  secondsPerScan: number
  signupOpenings: string[]
  signupRushShare: number
  signupRushMeanMinutes: number
  /** Weights of the 24 hours for the sign-ups outside the rush, the lessons and the reading logs. */
  signupHours: number[]
  lessonHours: number[]
  readingHours: number[]
  /** Weight of each day of the week (length `days`). */
  dayWeights: number[]
  repairRunsPerDay: number
  /** The repair looks at the activities touched this long before it runs (_core/repairRun.ts: 15 min + the 60 s settle). */
  repairWindowMinutes: number
  /** The repair stops starting documents after this many seconds (repairRun.ts softMs) and leaves the rest to the next run. */
  repairSoftSeconds: number
  /**
   * An ASSUMPTION, not measured: one database request from a function in WeChat Cloud takes about this
   * long, so a sequential run (the repair) makes at most 1000 / cloudRequestMs requests a second.
   */
  cloudRequestMs: number
  seed: number
}

// Daytime with a lunch dip and an evening bump; reading mostly in the evening.
const DAYTIME = [0, 0, 0, 0, 0, 0, 1, 2, 4, 6, 6, 5, 3, 3, 5, 5, 4, 3, 3, 4, 4, 3, 1, 0]
const EVENING = [0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 5, 7, 7, 4, 1]

/** The one place with a city's week: change the numbers here. */
export const CITY_WEEK: WeekLoad = {
  label: '一个城市（约 10 个县区）',
  days: 7,
  signups: 40_000,
  checkins: 25_000,
  lessons: 8_000,
  readingLogs: 10_000,
  lessonsPerLearner: 4,
  ticketsPerCheckin: 1,
  dashboards: 30,
  dashboardHoursPerDay: 8,
  dashboardsOpenAt: '08:30',
  activitiesPerDay: 100,
  activityStarts: ['09:00', '09:30', '10:00', '14:00', '14:30', '15:00', '19:00'],
  volunteersPerActivity: 2,
  secondsPerScan: 4,
  signupOpenings: ['09:00', '20:00'],
  signupRushShare: 0.5,
  signupRushMeanMinutes: 5,
  signupHours: DAYTIME,
  lessonHours: DAYTIME,
  readingHours: EVENING,
  // The opening days and the weekend are busier.
  dayWeights: [1.4, 1.2, 1, 0.9, 0.9, 1.2, 1.4],
  repairRunsPerDay: 1440,
  repairWindowMinutes: 16,
  repairSoftSeconds: 20,
  cloudRequestMs: 20,
  seed: 20261201,
}

/** A district: about a tenth of a city's traffic, its own few dashboards, the same timers. */
export const DISTRICT_WEEK: WeekLoad = {
  ...CITY_WEEK,
  label: '一个县区（约城市的 1/10）',
  signups: 4_000,
  checkins: 2_500,
  lessons: 800,
  readingLogs: 1_000,
  dashboards: 5,
  activitiesPerDay: 10,
}

/** Measured mean database operations of one call, as WeChat bills them. */
export interface KindOps {
  reads: number
  writes: number
}

const DAY_S = 86_400

const clockSeconds = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return h * 3600 + m * 60
}

/** `total` split over days by weight, whole numbers that add up to it. */
export function splitByWeight(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const raw = weights.map((w) => (total * w) / sum)
  const out = raw.map(Math.floor)
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0])
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++
  return out
}

/** A second of the day drawn by hour weights. */
function byHours(hours: number[], rnd: () => number): number {
  const sum = hours.reduce((a, b) => a + b, 0)
  let x = rnd() * sum
  for (let h = 0; h < 24; h++) {
    if (x < hours[h]) return h * 3600 + Math.floor(rnd() * 3600)
    x -= hours[h]
  }
  return 23 * 3600 + Math.floor(rnd() * 3600)
}

const clampDay = (s: number) => Math.max(0, Math.min(DAY_S - 1, Math.floor(s)))

/** Triangular on [a, b] with mode c. */
function triangular(a: number, c: number, b: number, rnd: () => number): number {
  const u = rnd()
  const f = (c - a) / (b - a)
  return u < f ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c))
}

/** Every call of one day: its kind and second of the day; and the activity each sign-up and check-in touches. */
export type DayArrivals = Record<CallKind, number[]> & { touched: { at: number; activity: number }[] }

export function arrivalsOfDay(load: WeekLoad, day: number): DayArrivals {
  const rnd = seededRandom(load.seed + day * 7919)
  const n = (total: number) => splitByWeight(total, load.dayWeights)[day]
  const out: DayArrivals = { signup: [], ticket: [], checkin: [], enrol: [], lesson: [], readingLog: [], repair: [], touched: [] }
  const weekActivities = load.activitiesPerDay * load.days

  const signups = n(load.signups)
  const rush = Math.round(signups * load.signupRushShare)
  const openings = load.signupOpenings.map(clockSeconds)
  for (let i = 0; i < rush; i++) {
    const at = openings[i % openings.length] - Math.log(1 - rnd()) * load.signupRushMeanMinutes * 60
    out.signup.push(clampDay(at))
  }
  for (let i = rush; i < signups; i++) out.signup.push(byHours(load.signupHours, rnd))
  // The rush is for the activities that just opened (the next day's); the rest for any of the week.
  const opened = (Math.min(day + 1, load.days - 1) * load.activitiesPerDay) | 0
  out.signup.forEach((at, i) =>
    out.touched.push({ at, activity: i < rush ? opened + Math.floor(rnd() * load.activitiesPerDay) : Math.floor(rnd() * weekActivities) }),
  )

  // Check-ins: people per activity arrive around its start; the door serves them in turn.
  const checkins = n(load.checkins)
  const perActivity = splitByWeight(
    checkins,
    Array.from({ length: load.activitiesPerDay }, () => 1),
  )
  const scanEvery = load.secondsPerScan / load.volunteersPerActivity
  perActivity.forEach((people, a) => {
    const start = clockSeconds(load.activityStarts[a % load.activityStarts.length])
    const arrivals = Array.from({ length: people }, () => start + triangular(-1800, -300, 900, rnd)).sort((x, y) => x - y)
    let free = -Infinity
    for (const arrival of arrivals) {
      const scanAt = Math.max(arrival, free)
      free = scanAt + scanEvery
      out.checkin.push(clampDay(scanAt))
      out.touched.push({ at: clampDay(scanAt), activity: day * load.activitiesPerDay + a })
      if (rnd() < load.ticketsPerCheckin) out.ticket.push(clampDay(arrival - rnd() * 120))
    }
  })

  const lessons = n(load.lessons)
  for (let i = 0; i < lessons; i++) out.lesson.push(byHours(load.lessonHours, rnd))
  const learners = Math.round(lessons / load.lessonsPerLearner)
  for (let i = 0; i < learners; i++) out.enrol.push(byHours(load.lessonHours, rnd))
  const logs = n(load.readingLogs)
  for (let i = 0; i < logs; i++) out.readingLog.push(byHours(load.readingHours, rnd))
  for (let i = 0; i < load.repairRunsPerDay; i++) out.repair.push(Math.floor((i * DAY_S) / load.repairRunsPerDay))
  return out
}

/** For each repair run of the day (its second), how many activities were touched in its window. */
export function touchedPerRun(load: WeekLoad, a: DayArrivals): number[] {
  const byMinute: Set<number>[] = Array.from({ length: 1440 }, () => new Set())
  for (const t of a.touched) byMinute[Math.floor(t.at / 60)].add(t.activity)
  return a.repair.map((at) => {
    const minute = Math.floor(at / 60)
    const seen = new Set<number>()
    for (let m = Math.max(0, minute - load.repairWindowMinutes); m < minute; m++) for (const id of byMinute[m]) seen.add(id)
    return seen.size
  })
}

export interface DayFigures {
  day: number
  calls: Record<CallKind, number>
  reads: number
  writes: number
  /** Of which the dashboards' and the repair timer's. */
  dashboardReads: number
  repairReads: number
  /** Most database operations (reads + writes) in one second, and when (second of the day). */
  peakOps: number
  peakAt: number
}

export interface WeekFigures {
  days: DayFigures[]
  peakDayReads: number
  peakDayWrites: number
  peakQps: number
  peakQpsDay: number
  peakQpsAt: string
}

export interface DashboardCost {
  /** Reads of one open dashboard-hour (measured: quota.dashboardReadsPerHour). */
  readsPerHour: number
  /** Reads of one dashboard load (measured), for the per-second peak. */
  readsPerLoad: number
  /** Every dashboard's load times on a day, seconds of the day (simulated with the real cadence); omitted: spread evenly. */
  loadsOfDay?: (day: number) => number[]
}

/** The repair's reads beyond a quiet run, per activity it looks at (measured). */
export interface RepairCost {
  readsPerTouched: number
}

const pad = (n: number) => String(n).padStart(2, '0')
export const clockOf = (s: number) => `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`

/**
 * The week's cost: per day, the calls times their measured operations, the repair's reads per
 * activity touched in its window, plus the dashboards (readsPerHour × dashboards × hours: every open
 * hour counted at its busiest), and the busiest second.
 */
export function weekFigures(
  load: WeekLoad,
  ops: Record<CallKind, KindOps>,
  dash: DashboardCost,
  repair: RepairCost = { readsPerTouched: 0 },
): WeekFigures {
  const days: DayFigures[] = []
  for (let day = 0; day < load.days; day++) {
    const arrivals = arrivalsOfDay(load, day)
    const perSecond = new Float64Array(DAY_S)
    const calls = {} as Record<CallKind, number>
    let reads = 0
    let writes = 0
    for (const kind of CALL_KINDS) {
      const list = arrivals[kind]
      calls[kind] = list.length
      reads += list.length * ops[kind].reads
      writes += list.length * ops[kind].writes
      const each = ops[kind].reads + ops[kind].writes
      for (const s of list) perSecond[s] += each
    }
    let repairReads = arrivals.repair.length * ops.repair.reads
    const perSecondOfRun = 1000 / load.cloudRequestMs
    const mostPerRun = load.repairSoftSeconds * perSecondOfRun
    touchedPerRun(load, arrivals).forEach((n, i) => {
      let extra = Math.min(n * repair.readsPerTouched, mostPerRun)
      repairReads += extra
      // One request after another from the run's start.
      for (let s = arrivals.repair[i]; extra > 0 && s < DAY_S; s++) {
        const now = Math.min(extra, perSecondOfRun)
        perSecond[s] += now
        extra -= now
      }
    })
    reads += repairReads - arrivals.repair.length * ops.repair.reads
    const dashboardReads = dash.readsPerHour * load.dashboards * load.dashboardHoursPerDay
    reads += dashboardReads
    const open = clockSeconds(load.dashboardsOpenAt)
    const count = Math.round(dashboardReads / dash.readsPerLoad)
    const loads =
      dash.loadsOfDay?.(day) ?? Array.from({ length: count }, (_, i) => Math.floor(open + (i * load.dashboardHoursPerDay * 3600) / count))
    for (const s of loads) perSecond[clampDay(s)] += dash.readsPerLoad
    let peakOps = 0
    let peakAt = 0
    for (let s = 0; s < DAY_S; s++)
      if (perSecond[s] > peakOps) {
        peakOps = perSecond[s]
        peakAt = s
      }
    days.push({
      day,
      calls,
      reads: Math.round(reads),
      writes: Math.round(writes),
      dashboardReads: Math.round(dashboardReads),
      repairReads: Math.round(repairReads),
      peakOps,
      peakAt,
    })
  }
  const peak = days.reduce((a, b) => (b.peakOps > a.peakOps ? b : a))
  return {
    days,
    peakDayReads: Math.max(...days.map((d) => d.reads)),
    peakDayWrites: Math.max(...days.map((d) => d.writes)),
    peakQps: Math.round(peak.peakOps * 10) / 10,
    peakQpsDay: peak.day,
    peakQpsAt: clockOf(peak.peakAt),
  }
}

/** WeChat Cloud's base environment (design.md, WeChat's "Resource Quota" page). */
export const BASE_QUOTA = { readsPerDay: 50_000, writesPerDay: 30_000, qps: 30 }

/** How many times the base environment's quota the week needs at its peak (1 or less: fits). */
export function multipleOfBase(w: Pick<WeekFigures, 'peakDayReads' | 'peakDayWrites' | 'peakQps'>) {
  return {
    reads: w.peakDayReads / BASE_QUOTA.readsPerDay,
    writes: w.peakDayWrites / BASE_QUOTA.writesPerDay,
    qps: w.peakQps / BASE_QUOTA.qps,
  }
}
