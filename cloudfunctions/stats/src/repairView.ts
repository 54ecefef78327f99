// The dashboard's line about the repair: one read of the newest repair records (the timer's
// heartbeat and the runs that changed something in the scope), whatever the week's size.
import { repairKinds } from '@shared/domain/repair'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type RepairDoc } from '../../_core/collections'
import { readDocs } from '../../_core/read'

/** Records read: the heartbeat is among them unless this many admin runs came after it. */
const NEWEST = 20

export async function repairView(db: Database, weekId: string, districtCodes: string[], rollUp: boolean) {
  const _ = db.command
  const runs = {
    kind: 'run',
    weekIds: weekId,
    ...(rollUp ? {} : { districtCodes: districtCodes.length === 1 ? districtCodes[0] : _.in(districtCodes) }),
  }
  const docs = await readDocs<RepairDoc>(
    db
      .collection(COLLECTIONS.repairs)
      .where(_.or([{ _id: 'timer' }, runs]))
      .orderBy('at', 'desc')
      .limit(NEWEST),
  )
  const ms = (d: Date | string | number) => new Date(d).getTime()
  const lastRunAt = docs.length > 0 ? Math.max(...docs.map((d) => ms(d.at))) : null
  const last = docs.find((d) => d.kind === 'run')
  if (!last) return { lastRunAt, lastChange: null }
  const mine = last.changes.filter((c) => c.weekId === weekId && (rollUp || districtCodes.includes(c.districtCode)))
  return {
    lastRunAt,
    lastChange: {
      at: ms(last.at),
      byTimer: last.by === 'timer',
      kinds: repairKinds(mine),
      titles: [...new Set(mine.map((c) => c.title).filter(Boolean))].slice(0, 5),
    },
  }
}
