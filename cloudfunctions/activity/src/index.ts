// Cloud function `activity`: the week's activities (residents), their management (organisers) and
// the week editions (bureau admins). Bundled into ../index.js for upload.
import { createFunction } from '../../_core/handler'
import { get } from './get'
import { list } from './list'
import { cancel, create, mine, publish, roles, update } from './manage'
import { createWeek, getWeek, updateWeek } from './week'
import { weeks } from './weeks'

export const main = createFunction('activity', {
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
})
