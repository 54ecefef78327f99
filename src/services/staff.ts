// The staff domain's calls: the first admin's setup code, a week's units, appointments by invite,
// the role list with revoke, and copying an edition's units and appointments.
import type { ActionName, InputOf, OutputOf } from '@shared/contracts'
import { staffContract } from '@shared/contracts/staff'
import { newNonce } from '@/utils/nonce'
import { registerContract } from './contractRegistry'
import { callCloud } from './callCloud'

registerContract('staff', staffContract)

type In<A extends ActionName<'staff'>> = InputOf<'staff', A>
type Out<A extends ActionName<'staff'>> = Promise<OutputOf<'staff', A>>

/** The one-time setup code: the first to enter it becomes the bureau admin. */
export function claimSetup(code: string): Out<'setup.claim'> {
  return callCloud('staff', 'setup.claim', { code })
}

export function listUnits(weekId: string): Out<'units.list'> {
  return callCloud('staff', 'units.list', { weekId })
}

/** A city or district by its name (the code is generated). */
export function createUnit(input: In<'units.create'>): Out<'units.create'> {
  return callCloud('staff', 'units.create', input)
}

export function createAppointment(input: In<'appoint.create'>): Out<'appoint.create'> {
  return callCloud('staff', 'appoint.create', input)
}

export function redeemAppointment(code: string): Out<'appoint.redeem'> {
  return callCloud('staff', 'appoint.redeem', { code })
}

export function cancelAppointment(code: string): Out<'appoint.cancel'> {
  return callCloud('staff', 'appoint.cancel', { code })
}

export function listRoles(weekId: string): Out<'roles.list'> {
  return callCloud('staff', 'roles.list', { weekId })
}

export function revokeRole(input: Omit<In<'roles.revoke'>, 'nonce'>): Out<'roles.revoke'> {
  return callCloud('staff', 'roles.revoke', { ...input, nonce: newNonce() })
}

export function copyEdition(input: In<'editions.copy'>): Out<'editions.copy'> {
  return callCloud('staff', 'editions.copy', input)
}
