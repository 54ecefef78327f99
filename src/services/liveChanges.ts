import Taro from '@tarojs/taro'

/**
 * Tells `onChange` when a published (or cancelled) activity of a week, optionally of one district,
 * changes: every check-in, walk-in, sign-up and rating moves its counters, so the organiser's
 * dashboard can refresh within its cadence's gap (organiser/components/cadence.ts) instead of
 * polling often. Opening the watch reads once (its first snapshot); a busy week reports changes every
 * second, which is why the dashboard does not load at each one.
 *
 * weapp: the cloud database's realtime `watch` on `activities`, which its security rule in
 * config/environment.ts opens to reads of published and cancelled activities only
 * (the query must stay within the rule, hence the status condition). Elsewhere (h5, the local
 * cloud) there is no watch: it answers null and the caller polls.
 * Answers a function that closes the watch, or null when there is none (or it could not start).
 */
export function watchActivities(
  weekId: string,
  districtCode: string | null,
  onChange: () => void,
  onLost: () => void = () => {},
): (() => void) | null {
  if (process.env.TARO_ENV !== 'weapp') return null
  try {
    const db = Taro.cloud.database()
    const _ = db.command
    const where: Record<string, unknown> = { weekId, status: _.in(['published', 'cancelled']) }
    if (districtCode) where.districtCode = districtCode
    const watcher = db
      .collection('activities')
      .where(where)
      .watch({
        onChange: (snapshot) => {
          // The first snapshot is the initial data, not a change.
          if ((snapshot as unknown as { type?: string }).type !== 'init') onChange()
        },
        onError: () => onLost(),
      })
    return () => {
      void Promise.resolve(watcher.close()).catch(() => {})
    }
  } catch {
    return null
  }
}
