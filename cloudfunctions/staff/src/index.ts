// Cloud function `staff`: who runs the week. The first bureau admin (a one-time setup code), the
// units of a week (cities, districts), appointments by expiring invite, the list of who holds
// which role, revocation, the record of every change, and copying an edition's units and
// appointments. Bundled into ../index.js for upload.
import { createFunction, type FunctionImpl } from '../../_core/handler'
import { cancelAppointment, createAppointment, redeemAppointment } from './appoint'
import { copyEdition } from './editions'
import { listRoles, revokeRole } from './roles'
import { claimSetup } from './setup'
import { createUnit, listUnits } from './units'

/** The actions, also for tests that run them with an injected clock. */
export const staffActions: FunctionImpl<'staff'> = {
  'setup.claim': claimSetup,
  'units.list': listUnits,
  'units.create': createUnit,
  'appoint.create': createAppointment,
  'appoint.redeem': redeemAppointment,
  'appoint.cancel': cancelAppointment,
  'roles.list': listRoles,
  'roles.revoke': revokeRole,
  'editions.copy': copyEdition,
}

export const main = createFunction('staff', staffActions)
