import type { ActivitySummary } from '@shared/contracts/activity'
import { callCloud } from '@/services/callCloud'

export interface WeekCounts {
  total: number
  byType: Record<string, number>
  byDistrict: Record<string, number>
  /** True when we stopped paging before the end (a very large week). */
  truncated: boolean
}

const PAGE = 50
const MAX_PAGES = 20

/** Pages through activity.list for one week and counts activities by type and district. */
export async function countWeek(weekId: string): Promise<WeekCounts> {
  const counts: WeekCounts = { total: 0, byType: {}, byDistrict: {}, truncated: false }
  let cursor: string | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await callCloud('activity', 'list', { weekId, limit: PAGE, ...(cursor ? { cursor } : {}) })
    res.items.forEach((a: ActivitySummary) => {
      counts.total += 1
      counts.byType[a.type] = (counts.byType[a.type] ?? 0) + 1
      counts.byDistrict[a.districtCode] = (counts.byDistrict[a.districtCode] ?? 0) + 1
    })
    if (!res.nextCursor) return counts
    cursor = res.nextCursor
  }
  counts.truncated = true
  return counts
}
