import { useCallback, useEffect, useRef, useState } from 'react'
import { toCloudError, type CloudError } from '@/services/callCloud'

export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: CloudError }

/**
 * Runs `load` when `deps` change and on reload(); only the latest run may set the state, so a slow
 * earlier answer never overwrites a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: ReadonlyArray<unknown>): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' })
  const [nonce, setNonce] = useState(0)
  const run = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    const id = ++run.current
    setState({ status: 'loading' })
    loadRef.current().then(
      (data) => {
        if (id === run.current) setState({ status: 'ready', data })
      },
      (err: unknown) => {
        if (id === run.current) setState({ status: 'error', error: toCloudError(err) })
      },
    )
    // deps are the caller's; load is read through a ref so a new closure alone never reruns it
  }, [...deps, nonce])

  const reload = useCallback(() => setNonce((n) => n + 1), [])
  return { ...state, reload }
}
