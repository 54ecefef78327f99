// The modelled week of quota.bench.ts: its arrivals and its arithmetic (pure, no cloud).
import {
  arrivalsOfDay,
  CALL_KINDS,
  CITY_WEEK,
  DISTRICT_WEEK,
  multipleOfBase,
  splitByWeight,
  touchedPerRun,
  weekFigures,
  type CallKind,
  type KindOps,
} from '../../bench/weekLoad'

const ONE_READ = Object.fromEntries(CALL_KINDS.map((k) => [k, { reads: 1, writes: 0 }])) as Record<CallKind, KindOps>

test('splitByWeight: whole numbers that add up to the total, by weight', () => {
  expect(splitByWeight(10, [1, 1, 1])).toEqual([4, 3, 3])
  expect(splitByWeight(40_000, CITY_WEEK.dayWeights).reduce((a, b) => a + b, 0)).toBe(40_000)
  expect(splitByWeight(7, [0, 1])).toEqual([0, 7])
})

test('the week holds exactly the configured calls', () => {
  const total = (kind: CallKind) =>
    Array.from({ length: CITY_WEEK.days }, (_, d) => arrivalsOfDay(CITY_WEEK, d)[kind].length).reduce((a, b) => a + b, 0)
  expect(total('signup')).toBe(CITY_WEEK.signups)
  expect(total('checkin')).toBe(CITY_WEEK.checkins)
  expect(total('lesson')).toBe(CITY_WEEK.lessons)
  expect(total('readingLog')).toBe(CITY_WEEK.readingLogs)
  expect(total('repair')).toBe(CITY_WEEK.repairRunsPerDay * CITY_WEEK.days)
  // Every call in the day; the model repeats (seeded).
  const day = arrivalsOfDay(CITY_WEEK, 0)
  for (const k of CALL_KINDS) for (const s of day[k]) expect(s >= 0 && s < 86_400).toBe(true)
  expect(arrivalsOfDay(CITY_WEEK, 3)).toEqual(arrivalsOfDay(CITY_WEEK, 3))
})

test('sign-ups bunch after the openings, check-ins around the starts, served by the door in turn', () => {
  const day = arrivalsOfDay(CITY_WEEK, 0)
  const inWindow = (list: number[], from: number, to: number) => list.filter((s) => s >= from && s < to).length
  // Half the day's sign-ups arrive right after 09:00 and 20:00: the 10 minutes after 09:00 hold far more than 10 minutes at 11:00.
  expect(inWindow(day.signup, 9 * 3600, 9 * 3600 + 600)).toBeGreaterThan(10 * inWindow(day.signup, 11 * 3600, 11 * 3600 + 600))
  // Check-ins: the hour around 09:00-10:00 starts is busy, 03:00 empty.
  expect(inWindow(day.checkin, 8 * 3600 + 1800, 10 * 3600)).toBeGreaterThan(1000)
  expect(inWindow(day.checkin, 3 * 3600, 4 * 3600)).toBe(0)
  // One activity's door: at most volunteers / secondsPerScan scans a second.
  const one = arrivalsOfDay({ ...CITY_WEEK, activitiesPerDay: 1, activityStarts: ['10:00'], checkins: 7 * 600 }, 0).checkin
  const perSecond = new Map<number, number>()
  for (const s of one) perSecond.set(s, (perSecond.get(s) ?? 0) + 1)
  expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(1)
  expect(Math.max(...one) - Math.min(...one)).toBeGreaterThanOrEqual(
    (600 - 1) * (CITY_WEEK.secondsPerScan / CITY_WEEK.volunteersPerActivity),
  )
})

test('the figures: calls times their operations, dashboards by the hour, the busiest second', () => {
  const ops = { ...ONE_READ, checkin: { reads: 2, writes: 3 } }
  const w = weekFigures(CITY_WEEK, ops, { readsPerHour: 100, readsPerLoad: 2 })
  const d0 = w.days[0]
  const calls = CALL_KINDS.reduce((n, k) => n + d0.calls[k], 0)
  expect(d0.dashboardReads).toBe(100 * CITY_WEEK.dashboards * CITY_WEEK.dashboardHoursPerDay)
  expect(d0.reads).toBe(calls + d0.calls.checkin + d0.dashboardReads)
  expect(d0.writes).toBe(3 * d0.calls.checkin)
  expect(w.peakDayReads).toBe(Math.max(...w.days.map((d) => d.reads)))
  expect(w.peakQps).toBeGreaterThan(5)
  expect(w.peakQpsAt).toMatch(/^\d{2}:\d{2}:\d{2}$/)
  // Dashboard loads passed in land in their seconds.
  const spike = weekFigures({ ...CITY_WEEK, days: 1, dayWeights: [1] }, ONE_READ, {
    readsPerHour: 0,
    readsPerLoad: 1000,
    loadsOfDay: () => [4 * 3600 + 30],
  })
  expect(spike.peakQps).toBe(1000)
  expect(spike.peakQpsAt).toBe('04:00:30')
})

test('a district is about a tenth of a city; the base quota multiple', () => {
  const city = weekFigures(CITY_WEEK, ONE_READ, { readsPerHour: 300, readsPerLoad: 3 })
  const district = weekFigures(DISTRICT_WEEK, ONE_READ, { readsPerHour: 300, readsPerLoad: 3 })
  expect(district.peakDayReads).toBeLessThan(city.peakDayReads / 2)
  expect(multipleOfBase({ peakDayReads: 100_000, peakDayWrites: 15_000, peakQps: 60 })).toEqual({ reads: 2, writes: 0.5, qps: 2 })
})

test('the repair looks at each touched activity for its window: one sign-up at 10:00:30 is seen by the next 16 runs', () => {
  const quiet = { ...CITY_WEEK, days: 1, dayWeights: [1] }
  const runs = touchedPerRun(quiet, {
    ...arrivalsOfDay({ ...quiet, signups: 0, checkins: 0, lessons: 0, readingLogs: 0 }, 0),
    touched: [{ at: 10 * 3600 + 30, activity: 5 }],
  })
  expect(runs.filter((n) => n > 0)).toHaveLength(CITY_WEEK.repairWindowMinutes)
  expect(runs[10 * 60 + 1]).toBe(1)
  expect(runs[10 * 60]).toBe(0)
  // Its reads: the quiet runs' plus the reads per touched activity, every day.
  const w = weekFigures(quiet, ONE_READ, { readsPerHour: 0, readsPerLoad: 1 }, { readsPerTouched: 2 })
  const touched = touchedPerRun(quiet, arrivalsOfDay(quiet, 0)).reduce((a, b) => a + b, 0)
  expect(w.days[0].repairReads).toBe(CITY_WEEK.repairRunsPerDay + 2 * touched)
})

test('a long repair run spreads over the seconds after it starts, at most repairSoftSeconds of requests', () => {
  const one = { ...CITY_WEEK, days: 1, dayWeights: [1], signups: 0, checkins: 0, lessons: 0, readingLogs: 0, repairRunsPerDay: 0 }
  expect(weekFigures(one, ONE_READ, { readsPerHour: 0, readsPerLoad: 1 }).peakQps).toBe(0)
  // 3,000 activities signed up for in one minute, 2 reads each: 6,000 reads wanted, 20 s × 50 a second allowed.
  const busy = {
    ...one,
    repairRunsPerDay: 1440,
    activitiesPerDay: 3000,
    signups: 3000,
    signupRushShare: 1,
    signupOpenings: ['10:00'],
    signupRushMeanMinutes: 0.01,
  }
  const w = weekFigures(
    busy,
    { ...ONE_READ, signup: { reads: 0, writes: 0 }, repair: { reads: 0, writes: 0 } },
    { readsPerHour: 0, readsPerLoad: 1 },
    { readsPerTouched: 2 },
  )
  expect(w.peakQps).toBe(1000 / CITY_WEEK.cloudRequestMs)
  expect(w.days[0].repairReads).toBeLessThanOrEqual(
    CITY_WEEK.repairWindowMinutes * CITY_WEEK.repairSoftSeconds * (1000 / CITY_WEEK.cloudRequestMs),
  )
})
