import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ActivitySummary } from '@shared/contracts/activity'
import type { ActivityMode, Audience, ContentType } from '@shared/domain/vocabulary'
import { listActivities } from '@/services/activity'
import { toCloudError, type CloudError } from '@/services/callCloud'

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

export interface ListState {
  status: 'idle' | 'loading' | 'ready' | 'error'
  items: ActivitySummary[]
  nextCursor: string | null
  /** The 加载更多 request, separate from the first page. */
  more: 'idle' | 'loading' | 'error'
  error?: CloudError
  moreError?: CloudError
}

const EMPTY: ListState = { status: 'idle', items: [], nextCursor: null, more: 'idle' }

/**
 * The activity list of one query with cursor paging. A new query starts over; answers to an older
 * query are dropped.
 */
export function useActivityList(query: ListQuery | null) {
  const key = query ? JSON.stringify(query) : ''
  // keyed on the query's value, not its identity
  const stable = useMemo(() => query, [key])
  const [state, setState] = useState<ListState>(EMPTY)
  const stateRef = useRef(state)
  stateRef.current = state
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const id = ++generation.current
    if (!stable) {
      setState(EMPTY)
      return
    }
    setState({ ...EMPTY, status: 'loading' })
    try {
      const res = await listActivities({ ...stable, limit: PAGE_SIZE })
      if (id === generation.current) setState({ status: 'ready', items: res.items, nextCursor: res.nextCursor, more: 'idle' })
    } catch (err) {
      if (id === generation.current) setState({ ...EMPTY, status: 'error', error: toCloudError(err) })
    }
  }, [stable])

  useEffect(() => {
    void reload()
  }, [reload])

  const loadMore = useCallback(async () => {
    const s = stateRef.current
    if (!stable || s.status !== 'ready' || !s.nextCursor || s.more === 'loading') return
    const id = generation.current
    const cursor = s.nextCursor
    stateRef.current = { ...s, more: 'loading' } // a second tap before the re-render does nothing
    setState((prev) => ({ ...prev, more: 'loading', moreError: undefined }))
    try {
      const res = await listActivities({ ...stable, cursor, limit: PAGE_SIZE })
      if (id !== generation.current) return
      setState((prev) => {
        const seen = new Set(prev.items.map((a) => a.id))
        return {
          ...prev,
          items: [...prev.items, ...res.items.filter((a) => !seen.has(a.id))],
          nextCursor: res.nextCursor,
          more: 'idle',
        }
      })
    } catch (err) {
      if (id === generation.current) setState((prev) => ({ ...prev, more: 'error', moreError: toCloudError(err) }))
    }
  }, [stable])

  return { ...state, reload, loadMore }
}
