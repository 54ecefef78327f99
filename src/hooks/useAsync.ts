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
  const version = useDepsVersion(deps)

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
    // load is read through a ref so a new closure alone never reruns it; the caller's deps count through version
  }, [version, nonce])

  const reload = useCallback(() => setNonce((n) => n + 1), [])
  return { ...state, reload }
}

/**
 * A number that goes up whenever one of the caller's `deps` changes (compared with Object.is, as
 * React compares deps), so an effect can depend on a list it cannot name. Adjusted during render, as
 * React documents for state derived from props: the render is redone at once, before any effect.
 */
function useDepsVersion(deps: ReadonlyArray<unknown>): number {
  const [seen, setSeen] = useState(deps)
  const [version, setVersion] = useState(0)
  if (seen.length !== deps.length || seen.some((d, i) => !Object.is(d, deps[i]))) {
    setSeen(deps)
    setVersion((v) => v + 1)
  }
  return version
}
