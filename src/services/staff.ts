// The staff calls (who runs the week): the first bureau admin by the setup code, the units of a
// week, appointments by expiring invite, who holds which role, revocation, copying an edition.
import type { ActionName, InputOf, OutputOf } from '@shared/contracts'
import { staffContract } from '@shared/contracts/staff'
import { registerContract } from './contractRegistry'
import { callCloud } from './callCloud'
import { newNonce } from '@/utils/nonce'

registerContract('staff', staffContract)

type In<A extends ActionName<'staff'>> = InputOf<'staff', A>
type Out<A extends ActionName<'staff'>> = Promise<OutputOf<'staff', A>>

/** Enters the one-time setup code: the first to enter it becomes the bureau admin. */
export function claimSetup(code: string): Out<'setup.claim'> {
  return callCloud('staff', 'setup.claim', { code })
}

/** The units (cities, districts) of a week the caller may see. */
export function listUnits(weekId: string): Out<'units.list'> {
  return callCloud('staff', 'units.list', { weekId })
}

/** A new city or district by its name (the code is generated). */
export function createUnit(input: In<'units.create'>): Out<'units.create'> {
  return callCloud('staff', 'units.create', input)
}

/** An expiring, single-use appointment invite. */
export function createAppointment(input: In<'appoint.create'>): Out<'appoint.create'> {
  return callCloud('staff', 'appoint.create', input)
}

/** Redeems an appointment code (as typed: case, spaces and dashes do not matter). */
export function redeemAppointment(code: string): Out<'appoint.redeem'> {
  return callCloud('staff', 'appoint.redeem', { code })
}

/** Withdraws an unused appointment invite. */
export function cancelAppointment(code: string): Out<'appoint.cancel'> {
  return callCloud('staff', 'appoint.cancel', { code })
}

/** Who holds which role in a week (as far as the caller sees), open invites and recent changes. */
export function listRoles(weekId: string): Out<'roles.list'> {
  return callCloud('staff', 'roles.list', { weekId })
}

/** Takes a grant back (a nonce per revocation: a resend is the same revocation). */
export function revokeRole(input: Omit<In<'roles.revoke'>, 'nonce'>, nonce = newNonce()): Out<'roles.revoke'> {
  return callCloud('staff', 'roles.revoke', { ...input, nonce })
}

/** Copies an earlier edition's units and appointments into a new edition. */
export function copyEdition(fromWeekId: string, toWeekId: string): Out<'editions.copy'> {
  return callCloud('staff', 'editions.copy', { fromWeekId, toWeekId })
}
