import { useCallback, useEffect, useRef, useState } from 'react'
import { toCloudError, type CloudError } from '@/services/callCloud'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface PagedState<T> {
  /** 'idle': no query yet (a null key). */
  status: 'idle' | 'loading' | 'ready' | 'error'
  items: T[]
  nextCursor: string | null
  /** The 加载更多 request, separate from the first page. */
  more: 'idle' | 'loading' | 'error'
  error?: CloudError
  moreError?: CloudError
}

const IDLE: PagedState<never> = { status: 'idle', items: [], nextCursor: null, more: 'idle' }

/**
 * A cursor-paged list (加载更多 only, never on scroll). `key` names the query: a new key starts over
 * and answers to an older one are dropped; a null key is no query yet (status 'idle', nothing
 * loaded). `replace` updates one item in place (e.g. after cancelling).
 */
export function usePagedList<T>(key: string | null, load: (cursor: string | undefined) => Promise<Page<T>>, idOf: (item: T) => string) {
  const [state, setState] = useState<PagedState<T>>(() => (key === null ? IDLE : { ...IDLE, status: 'loading' }))
  const stateRef = useRef(state)
  stateRef.current = state
  const generation = useRef(0)
  const keyRef = useRef(key)
  keyRef.current = key
  const loadRef = useRef(load)
  loadRef.current = load
  const idRef = useRef(idOf)
  idRef.current = idOf

  const reload = useCallback(async () => {
    const id = ++generation.current
    if (keyRef.current === null) {
      setState(IDLE)
      return
    }
    setState({ ...IDLE, status: 'loading' })
    try {
      const res = await loadRef.current(undefined)
      if (id === generation.current) setState({ status: 'ready', items: res.items, nextCursor: res.nextCursor, more: 'idle' })
    } catch (err) {
      if (id === generation.current) setState({ ...IDLE, status: 'error', error: toCloudError(err) })
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
    stateRef.current = { ...s, more: 'loading' } // a second tap before the re-render does nothing
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
