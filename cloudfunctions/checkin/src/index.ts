// Cloud function `checkin`: volunteer invites, ticket scans at the door (online, and offline
// queues synced later), lookup and manual check-in, walk-ins, and attendance totals.
// Bundled into ../index.js for upload.
import { createFunction } from '../../_core/handler'
import { manual, scan, sync } from './checkin'
import { createInvite, redeemInvite } from './invite'
import { totals } from './totals'
import { lookup, myActivities, roster } from './volunteer'
import { walkin } from './walkin'

export const main = createFunction('checkin', {
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
})
