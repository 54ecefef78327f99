// The sign-up domain's calls: profile and family, preview, sign-up and cancellation, the caller's
// registrations, tickets, notices and ratings. A sign-up or cancellation carries a nonce made once
// per tap: when the network cuts the answer off, the same request is sent once more, and the
// function answers what the first try did (same nonce) instead of ALREADY_REGISTERED, or finishes
// what it left half-done.
import type { ActionName, InputOf, OutputOf } from '@shared/contracts'
import { newNonce } from '@/utils/nonce'
import { signupContract } from '@shared/contracts/signup'
import { registerContract } from './contractRegistry'
import { callCloud, callCloudOnceMore } from './callCloud'

registerContract('signup', signupContract)

type CreateInput = Omit<InputOf<'signup', 'create'>, 'nonce'>
type CancelInput = Omit<InputOf<'signup', 'cancel'>, 'nonce'>
type In<A extends ActionName<'signup'>> = InputOf<'signup', A>
type Out<A extends ActionName<'signup'>> = Promise<OutputOf<'signup', A>>

/** Signs up (the caller or a family member); on a network failure the same request is sent once more. */
export function createSignup(input: CreateInput, nonce = newNonce()): Promise<OutputOf<'signup', 'create'>> {
  return callCloudOnceMore('signup', 'create', { ...input, nonce } as InputOf<'signup', 'create'>)
}

/** Cancels a registration; on a network failure the same request is sent once more. */
export function cancelSignup(input: CancelInput, nonce = newNonce()): Promise<OutputOf<'signup', 'cancel'>> {
  return callCloudOnceMore('signup', 'cancel', { ...input, nonce })
}

/** The caller's stored profile, or null. */
export function getProfile(): Out<'profile.get'> {
  return callCloud('signup', 'profile.get', {})
}

/** The family members the caller signs up (代报名). */
export function listFamily(): Out<'family.list'> {
  return callCloud('signup', 'family.list', {})
}

export function addFamilyMember(input: In<'family.add'>): Out<'family.add'> {
  return callCloud('signup', 'family.add', input)
}

export function removeFamilyMember(memberId: string): Out<'family.remove'> {
  return callCloud('signup', 'family.remove', { memberId })
}

/** Before the sign-up button: what would happen, and overlapping activities of that person. */
export function previewSignup(input: In<'preview'>): Out<'preview'> {
  return callCloud('signup', 'preview', input)
}

/** One page of the caller's registrations. */
export function listMySignups(input: In<'mine'>): Out<'mine'> {
  return callCloud('signup', 'mine', input)
}

export function getTicket(registrationId: string): Out<'ticket'> {
  return callCloud('signup', 'ticket', { registrationId })
}

export function listNotices(input: In<'notices'>): Out<'notices'> {
  return callCloud('signup', 'notices', input)
}

export function markNoticesRead(ids: string[]): Out<'notices.read'> {
  return callCloud('signup', 'notices.read', { ids })
}

/** Attended activities still waiting for the caller's rating. */
export function listPendingRatings(): Out<'rating.pending'> {
  return callCloud('signup', 'rating.pending', {})
}

export function rateActivity(input: In<'rate'>): Out<'rate'> {
  return callCloud('signup', 'rate', input)
}
