import { useSyncExternalStore } from 'react'
import { getCareState, setCare, subscribeCare, type CareState } from './careMode'

export interface CareMode extends CareState {
  setCare: (care: boolean) => void
  toggle: () => void
}

/**
 * Care mode (长辈版) for any page or component. The state lives in one small store (careMode.ts)
 * rather than a React context, so pages in subpackages and pages opened first see the same value
 * without depending on the App component's tree.
 */
export function useCareMode(): CareMode {
  const s = useSyncExternalStore(subscribeCare, getCareState, getCareState)
  return { ...s, setCare, toggle: () => setCare(!s.care) }
}
