// The sign-up domain's calls. A sign-up carries a nonce made once per tap: when the network cuts
// the answer off, the same request is sent once more, and the function answers the registration
// the first try made (same nonce) instead of ALREADY_REGISTERED.
import type { InputOf, OutputOf } from '@shared/contracts'
import { callCloud, isCloudError } from './callCloud'

type CreateInput = Omit<InputOf<'signup', 'create'>, 'nonce'>

/** A random request id: 16 base-36 characters (not a secret: it only tells a retry from a new tap). */
export function newNonce(random: () => number = Math.random): string {
  let out = ''
  for (let i = 0; i < 16; i++) out += Math.floor(random() * 36).toString(36)
  return out
}

/** Signs up (the caller or a family member); on a network failure the same request is sent once more. */
export async function createSignup(input: CreateInput, nonce = newNonce()): Promise<OutputOf<'signup', 'create'>> {
  const request = { ...input, nonce }
  try {
    return await callCloud('signup', 'create', request)
  } catch (err) {
    if (!isCloudError(err) || err.code !== 'NETWORK') throw err
    return callCloud('signup', 'create', request)
  }
}
