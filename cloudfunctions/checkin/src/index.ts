// Cloud function `checkin`: volunteer invites, ticket scans at the door (online, and offline
// queues synced later), lookup and manual check-in, walk-ins, and attendance totals.
// Bundled into ../index.js for upload.
import { createFunction, type FunctionImpl } from '../../_core/handler'
import { manual, scan, sync } from './checkin'
import { createInvite, redeemInvite } from './invite'
import { totals } from './totals'
import { lookup, myActivities, roster } from './volunteer'
import { walkin } from './walkin'

/** The actions, exported for tests that run them with an injected clock. */
export const checkinActions: FunctionImpl<'checkin'> = {
  'invite.create': createInvite,
  'invite.redeem': redeemInvite,
  myActivities,
  scan,
  lookup,
  manual,
  walkin,
  roster,
  sync,
  totals,
}

export const main = createFunction('checkin', checkinActions)
