// The check-in domain's calls: volunteer invites, the activities a volunteer checks in for, the
// door's scan, lookup, manual and walk-in check-ins, the offline roster and the queued scans' sync.
import type { ActionName, InputOf, OutputOf } from '@shared/contracts'
import { checkinContract } from '@shared/contracts/checkin'
import { registerContract } from './contractRegistry'
import { callCloud } from './callCloud'

registerContract('checkin', checkinContract)

type In<A extends ActionName<'checkin'>> = InputOf<'checkin', A>
type Out<A extends ActionName<'checkin'>> = Promise<OutputOf<'checkin', A>>

/** An organiser's invite code for volunteers to the activities picked. */
export function createInvite(input: In<'invite.create'>): Out<'invite.create'> {
  return callCloud('checkin', 'invite.create', input)
}

/** A volunteer redeems an invite code. */
export function redeemInvite(code: string): Out<'invite.redeem'> {
  return callCloud('checkin', 'invite.redeem', { code })
}

/** The activities the caller checks in for, with live counts. */
export function listCheckinActivities(): Out<'myActivities'> {
  return callCloud('checkin', 'myActivities', {})
}

/** Checks in the holder of a scanned ticket. */
export function scanTicket(input: In<'scan'>): Out<'scan'> {
  return callCloud('checkin', 'scan', input)
}

/** Registrations matching a surname and phone tail, for a check-in without the ticket. */
export function lookupRegistrations(input: In<'lookup'>): Out<'lookup'> {
  return callCloud('checkin', 'lookup', input)
}

/** Checks in a registration found by lookup. */
export function checkInManually(input: In<'manual'>): Out<'manual'> {
  return callCloud('checkin', 'manual', input)
}

/** Records someone who came without registering. */
export function registerWalkIn(input: In<'walkin'>): Out<'walkin'> {
  return callCloud('checkin', 'walkin', input)
}

/** The roster (and ticket keys) for checking in offline. */
export function fetchRoster(activityIds: string[]): Out<'roster'> {
  return callCloud('checkin', 'roster', { activityIds })
}

/** Sends scans made offline. */
export function syncScans(input: In<'sync'>): Out<'sync'> {
  return callCloud('checkin', 'sync', input)
}
