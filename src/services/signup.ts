// The sign-up domain's calls. A sign-up or cancellation carries a nonce made once per tap: when the
// network cuts the answer off, the same request is sent once more, and the function answers what
// the first try did (same nonce) instead of ALREADY_REGISTERED, or finishes what it left half-done.
import type { InputOf, OutputOf } from '@shared/contracts'
import { callCloud, isCloudError } from './callCloud'

type CreateInput = Omit<InputOf<'signup', 'create'>, 'nonce'>
type CancelInput = Omit<InputOf<'signup', 'cancel'>, 'nonce'>

/** A random request id: 16 base-36 characters (not a secret: it only tells a retry from a new tap). */
export function newNonce(random: () => number = Math.random): string {
  let out = ''
  for (let i = 0; i < 16; i++) out += Math.floor(random() * 36).toString(36)
  return out
}

/** Sends a request; on a network failure the very same request (same nonce) once more. */
async function sendTwiceOnNetworkFailure<A extends 'create' | 'cancel'>(action: A, request: InputOf<'signup', A>): Promise<OutputOf<'signup', A>> {
  try {
    return await callCloud('signup', action, request)
  } catch (err) {
    if (!isCloudError(err) || err.code !== 'NETWORK') throw err
    return callCloud('signup', action, request)
  }
}

/** Signs up (the caller or a family member); on a network failure the same request is sent once more. */
export function createSignup(input: CreateInput, nonce = newNonce()): Promise<OutputOf<'signup', 'create'>> {
  return sendTwiceOnNetworkFailure('create', { ...input, nonce } as InputOf<'signup', 'create'>)
}

/** Cancels a registration; on a network failure the same request is sent once more. */
export function cancelSignup(input: CancelInput, nonce = newNonce()): Promise<OutputOf<'signup', 'cancel'>> {
  return sendTwiceOnNetworkFailure('cancel', { ...input, nonce })
}
