import { useRef, useState } from 'react'
import { toCloudError } from '@/services/callCloud'
import { eraseMyData } from '@/services/privacy'

/** The erase calls one tap makes at most before asking the person to tap again (each is a bounded chunk). */
const MAX_ROUNDS = 30

export interface EraseTally {
  cancelled: number
  anonymised: number
}

export type EraseState =
  | { step: 'idle' }
  | { step: 'warning' }
  | ({ step: 'erasing' } & EraseTally)
  | ({ step: 'failed'; message: string; code?: string } & EraseTally)
  | ({ step: 'done' } & EraseTally)

/**
 * 删除我的信息: idle → warning (what happens) → erasing (privacy.erase repeated while it answers
 * done: false) → done, or failed with the Chinese message. Every call is safe to repeat, so 继续删除
 * after a failure just calls again and nothing is lost; the tally adds up across the calls.
 * `onDone` runs once the erasure finished (the page reloads its data, now empty).
 */
export function useErase(onDone: () => void) {
  const [state, setState] = useState<EraseState>({ step: 'idle' })
  const running = useRef(false)

  const run = async () => {
    if (running.current) return
    running.current = true
    const tally: EraseTally =
      'cancelled' in state ? { cancelled: state.cancelled, anonymised: state.anonymised } : { cancelled: 0, anonymised: 0 }
    setState({ step: 'erasing', ...tally })
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const res = await eraseMyData()
        tally.cancelled += res.cancelled
        tally.anonymised += res.anonymised
        if (res.done) {
          setState({ step: 'done', ...tally })
          onDone()
          return
        }
        setState({ step: 'erasing', ...tally })
      }
      setState({ step: 'failed', message: '记录较多，还没有全部删除完。请点“继续删除”接着删除。', ...tally })
    } catch (err) {
      const e = toCloudError(err)
      setState({ step: 'failed', message: e.message, code: e.code, ...tally })
    } finally {
      running.current = false
    }
  }

  return {
    state,
    /** Shows the warning. */
    ask: () => setState({ step: 'warning' }),
    /** Back from the warning without deleting. */
    keep: () => setState({ step: 'idle' }),
    /** Confirmed (or 继续删除 after a failure): erase until done. */
    confirm: () => void run(),
  }
}
