import { cadenceFor, cadenceText, H5_CADENCE, maxLoadsPerHour, WEAPP_CADENCE, type LiveCadence } from './cadence'
import { seededRandom } from '@shared/seededRandom'
import { changesEvery, simulateCadence, type SimEvent } from './cadenceSim'

const HOUR = 3_600_000
const MIN = 60_000
/** stats.dashboard's reads per load (its header comment; the quota bench measures it). */
const READS_PER_LOAD = 3

const run = (cadence: LiveCadence, events: SimEvent[], watching = true, durationMs = HOUR) =>
  simulateCadence({ cadence, durationMs, events, watching, load: async () => 'figures' })

test('weapp: an hour open with a change every second costs at most 300 reads', async () => {
  const { loads } = await run(WEAPP_CADENCE, changesEvery(1000, 500, HOUR))
  expect(loads.length).toBeLessThanOrEqual(maxLoadsPerHour(WEAPP_CADENCE))
  expect(maxLoadsPerHour(WEAPP_CADENCE) * READS_PER_LOAD).toBeLessThanOrEqual(300)
  // Never two automatic loads inside the gap.
  for (let i = 1; i < loads.length; i++) expect(loads[i] - loads[i - 1]).toBeGreaterThanOrEqual(WEAPP_CADENCE.minGapMs)
})

test('weapp: a quiet hour polls only at the floor (every 2 minutes)', async () => {
  const { loads } = await run(WEAPP_CADENCE, [])
  expect(loads).toHaveLength(HOUR / WEAPP_CADENCE.floorMs)
  expect(loads[1] - loads[0]).toBe(WEAPP_CADENCE.floorMs)
})

test('weapp without a watch (or after it is lost) polls at the gap, still within 300 reads', async () => {
  const lost = await run(WEAPP_CADENCE, [{ at: 10 * MIN, kind: 'watchLost' }])
  expect(lost.loads.length * READS_PER_LOAD).toBeLessThanOrEqual(300)
  // After the loss, one load every 40 s.
  const after = lost.loads.filter((t) => t > 12 * MIN)
  expect(after[1] - after[0]).toBe(WEAPP_CADENCE.noWatchMs)
  const none = await run(WEAPP_CADENCE, [], false)
  expect(none.loads.length).toBe(HOUR / WEAPP_CADENCE.noWatchMs)
})

test('hidden: no loads, whatever changes; shown again: one load at once', async () => {
  const events: SimEvent[] = [{ at: 5 * MIN, kind: 'hide' }, ...changesEvery(1000, 5 * MIN + 1, 50 * MIN), { at: 50 * MIN, kind: 'show' }]
  const { loads } = await run(WEAPP_CADENCE, events)
  expect(loads.filter((t) => t > 5 * MIN && t < 50 * MIN)).toEqual([])
  expect(loads).toContain(50 * MIN)
})

test('a change is shown within the gap and the jitter: within the jitter after a quiet spell, else at the end of the gap', async () => {
  const changes = [10 * MIN, 10 * MIN + 5_000, 10 * MIN + 20_000, 30 * MIN + 1]
  const { loads } = await run(
    WEAPP_CADENCE,
    changes.map((at) => ({ at, kind: 'change' })),
  )
  const within = WEAPP_CADENCE.minGapMs + WEAPP_CADENCE.jitterMs
  for (const c of changes) {
    const shown = loads.find((t) => t >= c)!
    expect(shown - c).toBeLessThanOrEqual(within)
  }
  // The first change after minutes of quiet: within the jitter. The next two share one trailing load.
  const first = loads.find((t) => t >= 10 * MIN)!
  expect(first - 10 * MIN).toBeLessThan(WEAPP_CADENCE.jitterMs)
  const trailing = loads.filter((t) => t > first && t <= 10 * MIN + 20_000 + within)
  expect(trailing).toHaveLength(1)
  expect(trailing[0] - first).toBeGreaterThanOrEqual(WEAPP_CADENCE.minGapMs)
})

test('30 dashboards woken by the same changes spread their loads over seconds', async () => {
  const perSecond = new Map<number, number>()
  for (let d = 0; d < 30; d++) {
    const { loads } = await simulateCadence({
      cadence: WEAPP_CADENCE,
      durationMs: 20 * MIN,
      events: [...changesEvery(1000, 5 * MIN, 15 * MIN)],
      watching: true,
      load: async () => undefined,
      random: seededRandom(d + 1),
    })
    for (const t of loads.filter((x) => x >= 5 * MIN)) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1)
  }
  // All 30 at once would be 90 reads in a second; the jitter keeps the worst second to a few loads.
  expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(8)
})

test('a failed load keeps within the gap and is retried', async () => {
  let n = 0
  const { loads, failures } = await simulateCadence({
    cadence: WEAPP_CADENCE,
    durationMs: 10 * MIN,
    events: changesEvery(1000, 0, 10 * MIN),
    watching: true,
    load: async () => {
      n++
      if (n % 2 === 0) throw new Error('network')
    },
  })
  expect(failures).toBeGreaterThan(0)
  for (let i = 1; i < loads.length; i++) expect(loads[i] - loads[i - 1]).toBeGreaterThanOrEqual(WEAPP_CADENCE.minGapMs)
})

test('the platform decides the numbers; h5 (the local cloud) polls every 3 s', () => {
  expect(cadenceFor('weapp')).toBe(WEAPP_CADENCE)
  expect(cadenceFor('h5')).toBe(H5_CADENCE)
  expect(cadenceFor(undefined)).toBe(H5_CADENCE)
  expect(maxLoadsPerHour(H5_CADENCE)).toBe(1201)
})

test('the page says how often it updates', () => {
  expect(cadenceText(WEAPP_CADENCE, true)).toBe('有新签到等变化时自动更新（最快每 40 秒一次），无变化时每 2 分钟更新。')
  expect(cadenceText(WEAPP_CADENCE, false)).toBe('每 40 秒自动更新。')
  expect(cadenceText(H5_CADENCE, false)).toBe('每 3 秒自动更新。')
})
