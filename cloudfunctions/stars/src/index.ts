// Cloud function `stars`: 百姓学习之星 and 终身学习品牌项目, from nomination to the residents' gallery.
// Bundled into ../index.js for upload.
import { createFunction, type FunctionImpl } from '../../_core/handler'
import { exportList } from './export'
import { entry, gallery } from './gallery'
import { like, vote } from './likes'
import { notBuilt } from './notBuilt'

/** The actions, also for tests that run them with an injected clock. */
export const starsActions: FunctionImpl<'stars'> = {
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
  export: exportList,
  gallery,
  entry,
  like,
  vote,
}

/** The gallery and its entries are public: a visitor without an OPENID (朋友圈 single-page mode) reads them. */
export const main = createFunction('stars', starsActions, { publicActions: ['gallery', 'entry'] })
