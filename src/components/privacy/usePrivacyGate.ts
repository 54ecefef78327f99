import { useCallback, useState } from 'react'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { askConsent, checkConsent } from './consentGate'

/**
 * - idle: not asked yet
 * - checking: asking the cloud whether the consent is current
 * - asking: the sheet is open
 * - agreed: the form may open
 * - refused: 不同意 (the form stays closed, ConsentNeeded says why)
 * - error: the check failed (retry with `require`)
 */
export type GateState = 'idle' | 'checking' | 'asking' | 'agreed' | 'refused' | 'error'

/**
 * The gate before a form with personal data (sign-up, family, profile): `require()` resolves true
 * when the caller's consent is current (asked once per app session) or once they agree on the sheet
 * it opens, false when they refuse. `reason` says on the sheet what needs the consent.
 */
export function usePrivacyGate(reason: string) {
  const [state, setState] = useState<GateState>('idle')
  const [error, setError] = useState<CloudError | null>(null)

  const require = useCallback(async (): Promise<boolean> => {
    setState('checking')
    setError(null)
    try {
      if (await checkConsent()) {
        setState('agreed')
        return true
      }
      setState('asking')
      const agreed = await askConsent(reason)
      setState(agreed ? 'agreed' : 'refused')
      return agreed
    } catch (err) {
      setError(toCloudError(err))
      setState('error')
      return false
    }
  }, [reason])

  return { state, error, require }
}

export type PrivacyGate = ReturnType<typeof usePrivacyGate>
