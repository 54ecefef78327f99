// The 数据核对 page's run of stats.reconcile, call after call, as pure state transitions: each
// answer adds its differences and moves the progress; the cursor of the last answer is kept, so a
// failed or cancelled run continues from there.
import type { ReconcileDifference } from '@shared/contracts/stats'
import type { CloudError } from '@/services/cloudError'

export type RunStatus = 'idle' | 'running' | 'cancelled' | 'error' | 'done'

export interface RunState {
  status: RunStatus
  /** Where the next call starts; null before the first answer and after the last. */
  cursor: string | null
  progress: { done: number; total: number } | null
  differences: ReconcileDifference[]
  error: CloudError | null
}

export interface ReconcileAnswer {
  differences: ReconcileDifference[]
  cursor: string | null
  progress: { done: number; total: number }
}

export const initialRun: RunState = { status: 'idle', cursor: null, progress: null, differences: [], error: null }

/** A fresh run from the first chunk. */
export const started = (): RunState => ({ ...initialRun, status: 'running' })

/** Continue after a failure or a cancel, from the last cursor, keeping what was found. */
export const resumed = (s: RunState): RunState => ({ ...s, status: 'running', error: null })

export function answered(s: RunState, a: ReconcileAnswer): RunState {
  const done = a.cursor === null
  return {
    status: done ? 'done' : s.status,
    cursor: a.cursor,
    // Never backwards, whatever order the page sees it in.
    progress: { done: Math.max(a.progress.done, s.progress?.done ?? 0), total: a.progress.total },
    differences: [...s.differences, ...a.differences],
    error: null,
  }
}

export const failed = (s: RunState, error: CloudError): RunState => ({ ...s, status: 'error', error })

export const cancelled = (s: RunState): RunState => (s.status === 'running' ? { ...s, status: 'cancelled' } : s)

/** A run that can continue where it stopped (it has a cursor); otherwise it starts again. */
export const canResume = (s: RunState) => s.cursor !== null && s.error?.code !== 'BAD_CURSOR'
