import { useCallback, useEffect, useRef, useState } from 'react'
import { toCloudError, type CloudError } from '@/services/callCloud'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface PagedState<T> {
  status: 'loading' | 'ready' | 'error'
  items: T[]
  nextCursor: string | null
  more: 'idle' | 'loading' | 'error'
  error?: CloudError
  moreError?: CloudError
}

/**
 * A cursor-paged list (加载更多 only, never on scroll). `key` names the query: a new key starts over
 * and answers to an older one are dropped. `replace` updates one item in place (e.g. after cancelling).
 */
export function usePagedList<T>(key: string, load: (cursor: string | undefined) => Promise<Page<T>>, idOf: (item: T) => string) {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading', items: [], nextCursor: null, more: 'idle' })
  const stateRef = useRef(state)
  stateRef.current = state
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const idRef = useRef(idOf)
  idRef.current = idOf

  const reload = useCallback(async () => {
    const id = ++generation.current
    setState({ status: 'loading', items: [], nextCursor: null, more: 'idle' })
    try {
      const res = await loadRef.current(undefined)
      if (id === generation.current) setState({ status: 'ready', items: res.items, nextCursor: res.nextCursor, more: 'idle' })
    } catch (err) {
      if (id === generation.current) setState({ status: 'error', items: [], nextCursor: null, more: 'idle', error: toCloudError(err) })
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [key, reload])

  const loadMore = useCallback(async () => {
    const s = stateRef.current
    if (s.status !== 'ready' || !s.nextCursor || s.more === 'loading') return
    const id = generation.current
    const cursor = s.nextCursor
    stateRef.current = { ...s, more: 'loading' }
    setState((prev) => ({ ...prev, more: 'loading', moreError: undefined }))
    try {
      const res = await loadRef.current(cursor)
      if (id !== generation.current) return
      setState((prev) => {
        const seen = new Set(prev.items.map((x) => idRef.current(x)))
        return {
          ...prev,
          items: [...prev.items, ...res.items.filter((x) => !seen.has(idRef.current(x)))],
          nextCursor: res.nextCursor,
          more: 'idle',
        }
      })
    } catch (err) {
      if (id === generation.current) setState((prev) => ({ ...prev, more: 'error', moreError: toCloudError(err) }))
    }
  }, [])

  const replace = useCallback((item: T) => {
    setState((prev) => ({ ...prev, items: prev.items.map((x) => (idRef.current(x) === idRef.current(item) ? item : x)) }))
  }, [])

  return { ...state, reload, loadMore, replace }
}
