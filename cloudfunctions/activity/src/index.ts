// Cloud function `activity`: the week's activities (residents), their management (organisers) and
// the week editions (bureau admins). Bundled into ../index.js for upload.
import { createFunction, type FunctionImpl } from '../../_core/handler'
import { get } from './get'
import { list } from './list'
import { cancel, create, mine, publish, roles, update } from './manage'
import { createWeek, getWeek, updateWeek } from './week'
import { weeks } from './weeks'
import { wxacode } from './wxacode'

/** The actions, also for tests that run them with an injected clock. */
export const activityActions: FunctionImpl<'activity'> = {
  weeks,
  list,
  get,
  wxacode,
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

/**
 * Public reads (no identity: a page opened from 朋友圈 in single-page mode): the week's editions, its
 * activities, one activity, and a poster's 小程序码.
 */
export const ACTIVITY_PUBLIC_ACTIONS = ['weeks', 'list', 'get', 'wxacode'] as const

export const main = createFunction('activity', activityActions, { publicActions: ACTIVITY_PUBLIC_ACTIONS })
