// Cloud function `stars`: 百姓学习之星 and 终身学习品牌项目, from nomination to the residents' gallery.
// Bundled into ../index.js for upload.
import { createFunction } from '../../_core/handler'
import { notBuilt } from './notBuilt'

export const main = createFunction('stars', {
  'settings.get': notBuilt('settings.get'),
  'settings.set': notBuilt('settings.set'),
  save: notBuilt('save'),
  nominate: notBuilt('nominate'),
  list: notBuilt('list'),
  get: notBuilt('get'),
  mine: notBuilt('mine'),
  review: notBuilt('review'),
  'places.set': notBuilt('places.set'),
  select: notBuilt('select'),
  publish: notBuilt('publish'),
  hide: notBuilt('hide'),
  record: notBuilt('record'),
  export: notBuilt('export'),
  gallery: notBuilt('gallery'),
  entry: notBuilt('entry'),
  like: notBuilt('like'),
  vote: notBuilt('vote'),
})
