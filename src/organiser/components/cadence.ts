// How often a live page (the organiser's dashboard) asks the cloud, per platform. Pure.
//
// Database reads are money (design.md: a base environment allows 50,000 reads a day) and a page that
// polls is paid for every minute it is open. The rule, one scheduler (poller.ts) with these numbers:
// - automatic asks start at least `minGapMs` apart, whatever happens (a change reported every second
//   costs no more than a quiet hour with the floor at the gap);
// - with a realtime `watch` (weapp), a change asks at once when the last ask is old enough, else once
//   at the end of the gap (so the last change is always shown), a random 0..`jitterMs` later (one
//   check-in wakes every dashboard watching it at the same moment: the jitter spreads their loads
//   over seconds, for the database's QPS); with nothing changing, a slow floor poll every `floorMs`
//   keeps the page honest (a lost or silent watch);
// - without a watch (it failed, or h5), the page polls every `noWatchMs`;
// - hidden: no asks at all (useDidHide stops the scheduler and closes the watch).
// Cost per open hour: at most floor(3600 s / minGap) + 1 automatic loads, times the reads of one load
// (stats.dashboard: 3, see its header), plus one read when the watch opens (its first snapshot; the
// pushes that follow are not counted as reads here: WeChat's quota page does not say they are).
// Measured by `npm run bench` (quota.dashboardReadsPerHour, localcloud/bench/quota.bench.ts).

export interface LiveCadence {
  /** Least time between two automatic loads. */
  minGapMs: number
  /** With a live watch: loaded this long after the last answer when nothing changed. */
  floorMs: number
  /** Without a watch: loaded this often. */
  noWatchMs: number
  /** A change is loaded a random 0..jitterMs after the gap allows. */
  jitterMs: number
}

/**
 * weapp (the product, billed): at most 91 loads an open hour = 273 reads at 3 reads a load (+1 for the
 * watch), quiet: 30 loads = 90 reads; a change is shown within 50 s (the gap and the jitter), within
 * 10 s after a quiet spell.
 */
export const WEAPP_CADENCE: LiveCadence = { minGapMs: 40_000, floorMs: 120_000, noWatchMs: 40_000, jitterMs: 10_000 }

/**
 * h5: the local cloud only (npm start, the browser tests), never billed, and it has no watch: it polls
 * every 3 s (1,200 loads = 3,600 local reads an open hour) so that it shows a check-in within seconds,
 * standing in for the watch's immediacy. The bench measures the weapp cadence.
 */
export const H5_CADENCE: LiveCadence = { minGapMs: 3_000, floorMs: 3_000, noWatchMs: 3_000, jitterMs: 0 }

export function cadenceFor(platform: string | undefined): LiveCadence {
  return platform === 'weapp' ? WEAPP_CADENCE : H5_CADENCE
}

/** Most automatic loads in `hours` open, whatever the traffic: the gap decides. */
export function maxLoadsPerHour(c: LiveCadence, hours = 1): number {
  return Math.floor((hours * 3_600_000) / c.minGapMs) + 1
}

/** The page's promise in words, under its title. */
export function cadenceText(c: LiveCadence, watching: boolean): string {
  const s = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000} 分钟` : `${Math.round(ms / 1000)} 秒`)
  if (watching) return `有新签到等变化时自动更新（最快每 ${s(c.minGapMs)}一次），无变化时每 ${s(c.floorMs)}更新。`
  return `每 ${s(c.noWatchMs)}自动更新。`
}
