// Cloud function `activity`: the week's activities. Bundled into ../index.js for upload.
import { createFunction } from '../../_core/handler'
import { get } from './get'
import { list } from './list'
import { weeks } from './weeks'

export const main = createFunction('activity', { weeks, list, get })
