import type { ActivitySummary } from '@shared/contracts/activity'
import type { ActivityMode, Audience, ContentType } from '@shared/domain/vocabulary'
import { listActivities } from '@/services/activity'
import { usePagedList } from '@/hooks/usePagedList'

export const PAGE_SIZE = 10

export interface ListQuery {
  weekId: string
  date?: string
  districtCode?: string
  type?: ContentType
  audience?: Audience
  mode?: ActivityMode
  keyword?: string
  hasSeats?: boolean
}

/**
 * The activity list of one query (null: none yet) with cursor paging. A new query starts over;
 * answers to an older query are dropped.
 */
export function useActivityList(query: ListQuery | null) {
  return usePagedList<ActivitySummary>(
    query ? JSON.stringify(query) : null, // keyed on the query's value, not its identity
    (cursor) => listActivities({ ...(query as ListQuery), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    (a) => a.id,
  )
}
