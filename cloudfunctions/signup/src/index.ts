// Cloud function `signup`: profile, family members (代报名), sign-up with waitlist, cancel, my
// activities and notices, and rating an activity one attended. Bundled into ../index.js for upload.
import { createFunction } from '../../_core/handler'
import { cancel } from './cancel'
import { create } from './create'
import { mine } from './mine'
import { markRead, notices } from './notices'
import { preview } from './preview'
import { pendingRatings, rate } from './rating'
import { addFamily, getProfile, listFamily, putProfile, removeFamily } from './profile'
import { recordSubscribe } from './subscribe'
import { ticket } from './ticket'

export const main = createFunction('signup', {
  'profile.get': getProfile,
  'profile.save': putProfile,
  'family.list': listFamily,
  'family.add': addFamily,
  'family.remove': removeFamily,
  preview,
  create,
  cancel,
  mine,
  ticket,
  notices,
  'notices.read': markRead,
  'rating.pending': pendingRatings,
  rate,
  'subscribe.record': recordSubscribe,
})
