import { useCallback, useEffect, useRef, useState } from 'react'
import { toCloudError } from '@/services/callCloud'
import { reconcileStep } from '@/services/stats'
import { answered, cancelled, canResume, failed, initialRun, resumed, started, type RunState } from './runState'

/**
 * Drives stats.reconcile for a week until its cursor is null: start() from the beginning, resume()
 * from the last cursor (after an error or a cancel), cancel() stops asking (the call in flight is
 * let go). Leaving the page stops it too.
 */
export function useReconcile(weekId: string) {
  const [state, setState] = useState<RunState>(initialRun)
  const stateRef = useRef(state)
  stateRef.current = state
  // Each run has a number; a newer run, a cancel or leaving the page makes the older one stop.
  const run = useRef(0)

  const drive = useCallback(
    async (from: RunState) => {
      const id = ++run.current
      let s = from
      setState(s)
      for (;;) {
        try {
          const a = await reconcileStep({ weekId, ...(s.cursor ? { cursor: s.cursor } : {}) })
          if (id !== run.current) return
          s = answered(s, a)
        } catch (err) {
          if (id !== run.current) return
          s = failed(s, toCloudError(err))
        }
        setState(s)
        if (s.status !== 'running') return
      }
    },
    [weekId],
  )

  useEffect(() => () => void run.current++, [])

  const start = useCallback(() => void drive(started()), [drive])
  const resume = useCallback(() => {
    const s = stateRef.current
    void drive(canResume(s) ? resumed(s) : started())
  }, [drive])
  const cancel = useCallback(() => {
    run.current++
    setState((s) => cancelled(s))
  }, [])
  return { state, start, resume, cancel }
}
