// Cloud function `activity`: the week's activities (residents), their management (organisers) and
// the week editions (bureau admins). Bundled into ../index.js for upload.
import { createFunction, type FunctionImpl } from '../../_core/handler'
import { get } from './get'
import { list } from './list'
import { cancel, create, mine, publish, roles, update } from './manage'
import { createWeek, getWeek, updateWeek } from './week'
import { weeks } from './weeks'

/** The actions, also for tests that run them with an injected clock. */
export const activityActions: FunctionImpl<'activity'> = {
  weeks,
  list,
  get,
  roles,
  create,
  update,
  publish,
  cancel,
  mine,
  'week.get': getWeek,
  'week.create': createWeek,
  'week.update': updateWeek,
}

// The week's editions, its activities and one activity are public: a page opened from 朋友圈
// (single-page mode) reads them with no identity.
export const main = createFunction('activity', activityActions, { publicActions: ['weeks', 'list', 'get'] })
