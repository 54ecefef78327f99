import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toCloudError, type CloudError } from '@/services/callCloud'
import type { LiveCadence } from './cadence'
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
  /** A reported change waits for the cadence's gap: shown by then (epoch ms), else null. */
  pendingAt: number | null
  /** A realtime watch is open (changes ask at once, the poll is only a floor). */
  watching: boolean
}

const initial = { status: 'loading', data: null, error: null, updating: false, pendingAt: null, watching: false } as const

/**
 * Starts telling `onChange` about changes (e.g. a database watch) and `onLost` when it stops for
 * good; answers how to stop, or null when there is none.
 */
export type Subscribe = (onChange: () => void, onLost: () => void) => (() => void) | null

/**
 * Loads `load` while the page is shown (useDidShow / useDidHide) at the pace of `cadence`
 * (cadence.ts, poller.ts): never two requests at once, automatic loads at least `minGapMs` apart;
 * with `subscribe` (a watch), a change asks within the gap and the poll is only a floor
 * (`floorMs`); without one, it polls every `noWatchMs`. Hidden: nothing is asked and the watch is
 * closed. A new `key` (another district or day) drops what was shown and asks at once; `key` null
 * waits. A failed poll keeps the last data. `refresh` (a tap) asks at once.
 */
export function useLive<T>(
  load: () => Promise<T>,
  key: string | null,
  cadence: LiveCadence,
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
  const setWatching = useCallback(
    (watching: boolean) => {
      poller.current?.setIntervalMs(watching ? cadence.floorMs : cadence.noWatchMs)
      setState((s) => (s.watching === watching ? s : { ...s, watching }))
    },
    [cadence],
  )
  // Both read refs only, so they keep their identity for the life of the page.
  const closeWatch = useCallback(() => {
    unsubscribe.current?.()
    unsubscribe.current = null
  }, [])
  const openWatch = useCallback(() => {
    closeWatch()
    let close: (() => void) | null = null
    close =
      subscribeRef.current?.(
        () => {
          if (shown.current && keyRef.current !== null) poller.current?.changed()
        },
        () => {
          if (unsubscribe.current !== close) return
          unsubscribe.current = null
          setWatching(false)
        },
      ) ?? null
    unsubscribe.current = close
    setWatching(close !== null)
  }, [closeWatch, setWatching])
  if (!poller.current) {
    poller.current = createPoller<T>({
      load: () => loadRef.current(),
      intervalMs: cadence.noWatchMs,
      minGapMs: cadence.minGapMs,
      retryMs: cadence.minGapMs,
      jitterMs: cadence.jitterMs,
      onStart: () => setState((s) => (s.updating ? s : { ...s, updating: true })),
      onData: (data) => setState((s) => ({ ...s, status: 'ready', data, error: null, updating: false })),
      onError: (err) => setState((s) => ({ ...s, status: s.data ? 'ready' : 'error', error: toCloudError(err), updating: false })),
      onPending: (pendingAt) => setState((s) => (s.pendingAt === pendingAt ? s : { ...s, pendingAt })),
    })
  }

  useEffect(() => {
    const p = poller.current!
    if (key === null) {
      p.stop()
      closeWatch()
      return
    }
    setState((s) => ({ ...initial, watching: s.watching }))
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
