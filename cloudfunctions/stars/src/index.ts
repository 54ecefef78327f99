// Cloud function `stars`: 百姓学习之星 and 终身学习品牌项目, from nomination to the residents' gallery.
// Bundled into ../index.js for upload.
import { createFunction } from '../../_core/handler'
import { get, list, mine } from './list'
import { notBuilt } from './notBuilt'
import { hide, publish, review } from './review'
import { nominate, recordRecognition, saveNomination } from './save'
import { select, setPlaces } from './select'
import { getSettings, setSettings } from './settings'

export const main = createFunction('stars', {
  'settings.get': getSettings,
  'settings.set': setSettings,
  save: saveNomination,
  nominate: nominate,
  list: list,
  get: get,
  mine: mine,
  review: review,
  'places.set': setPlaces,
  select: select,
  publish: publish,
  hide: hide,
  record: recordRecognition,
  export: notBuilt('export'),
  gallery: notBuilt('gallery'),
  entry: notBuilt('entry'),
  like: notBuilt('like'),
  vote: notBuilt('vote'),
})
