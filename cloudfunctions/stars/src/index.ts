// Cloud function `stars`: 百姓学习之星 and 终身学习品牌项目, from nomination to the residents' gallery.
// Bundled into ../index.js for upload.
import { createFunction, type FunctionImpl } from '../../_core/handler'
import { exportList } from './export'
import { entry, gallery } from './gallery'
import { like, vote } from './likes'
import { get, list, mine } from './list'
import { hide, publish, review } from './review'
import { nominate, recordRecognition, saveNomination } from './save'
import { select, setPlaces } from './select'
import { getSettings, setSettings } from './settings'

/** The actions, also for tests that run them with an injected clock. */
export const starsActions: FunctionImpl<'stars'> = {
  'settings.get': getSettings,
  'settings.set': setSettings,
  save: saveNomination,
  nominate,
  list,
  get,
  mine,
  review,
  'places.set': setPlaces,
  select,
  publish,
  hide,
  record: recordRecognition,
  export: exportList,
  gallery,
  entry,
  like,
  vote,
}

/** The gallery and its entries are public: a visitor without an OPENID (朋友圈 single-page mode) reads them. */
export const main = createFunction('stars', starsActions, { publicActions: ['gallery', 'entry'] })
