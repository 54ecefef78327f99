import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { createPoller, type Poller } from './poller'

export interface LiveState<T> {
  /** loading: nothing yet; ready: data shown; error: nothing could be loaded yet. */
  status: 'loading' | 'ready' | 'error'
  /** The last good answer (kept when a later poll fails). */
  data: T | null
  /** The last poll's failure, or null when it answered. */
  error: CloudError | null
  /** A request is in flight. */
  updating: boolean
}

const initial = { status: 'loading', data: null, error: null, updating: false } as const

/** Starts telling `onChange` about changes (e.g. a database watch); answers how to stop, or null. */
export type Subscribe = (onChange: () => void) => (() => void) | null

/**
 * Polls `load` every `intervalMs` while the page is shown (useDidShow / useDidHide), never two
 * requests at once, timed from the end of the last answer. A new `key` (another district or day)
 * drops what was shown and asks at once; `key` null waits. A failed poll keeps the last data.
 * With `subscribe`, a change it reports asks at once too (only while shown).
 */
export function useLive<T>(
  load: () => Promise<T>,
  key: string | null,
  intervalMs = 3000,
  subscribe?: Subscribe,
): LiveState<T> & { refresh: () => void } {
  const [state, setState] = useState<LiveState<T>>(initial)
  const loadRef = useRef(load)
  loadRef.current = load
  const keyRef = useRef(key)
  keyRef.current = key
  const shown = useRef(true)
  const poller = useRef<Poller | null>(null)
  const subscribeRef = useRef(subscribe)
  subscribeRef.current = subscribe
  const unsubscribe = useRef<(() => void) | null>(null)
  // Both read refs only, so they keep their identity for the life of the page.
  const closeWatch = useCallback(() => {
    unsubscribe.current?.()
    unsubscribe.current = null
  }, [])
  const openWatch = useCallback(() => {
    closeWatch()
    unsubscribe.current =
      subscribeRef.current?.(() => {
        if (shown.current && keyRef.current !== null) poller.current?.refresh()
      }) ?? null
  }, [closeWatch])
  if (!poller.current) {
    poller.current = createPoller<T>({
      load: () => loadRef.current(),
      intervalMs,
      onStart: () => setState((s) => (s.updating ? s : { ...s, updating: true })),
      onData: (data) => setState({ status: 'ready', data, error: null, updating: false }),
      onError: (err) => setState((s) => ({ status: s.data ? 'ready' : 'error', data: s.data, error: toCloudError(err), updating: false })),
    })
  }

  useEffect(() => {
    const p = poller.current!
    if (key === null) {
      p.stop()
      closeWatch()
      return
    }
    setState(initial)
    p.reset()
    if (shown.current) {
      p.start()
      openWatch()
    }
  }, [key, openWatch, closeWatch])

  useEffect(
    () => () => {
      poller.current?.stop()
      closeWatch()
    },
    [closeWatch],
  )

  useDidShow(() => {
    shown.current = true
    if (keyRef.current !== null) {
      poller.current?.start()
      if (!unsubscribe.current) openWatch()
    }
  })
  useDidHide(() => {
    shown.current = false
    poller.current?.stop()
    closeWatch()
  })

  const refresh = useCallback(() => {
    if (keyRef.current === null) return
    poller.current?.start()
    poller.current?.refresh()
  }, [])

  return { ...state, refresh }
}
