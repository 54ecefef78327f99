// The stars domain's calls: 百姓学习之星 and 终身学习品牌项目 (nominate, review, select, publish; the
// gallery, likes and votes). Imported by subpackage pages only (organiser, learn), never by the main
// package's pages: they link to the gallery.
import type { ActionName, InputOf, OutputOf } from '@shared/contracts'
import { starsContract } from '@shared/contracts/stars'
import { registerContract } from './contractRegistry'
import { callCloud } from './callCloud'

registerContract('stars', starsContract)

type In<A extends ActionName<'stars'>> = InputOf<'stars', A>
type Out<A extends ActionName<'stars'>> = Promise<OutputOf<'stars', A>>

export const starsApi = {
  settings: (input: In<'settings.get'>): Out<'settings.get'> => callCloud('stars', 'settings.get', input),
  setSettings: (input: In<'settings.set'>): Out<'settings.set'> => callCloud('stars', 'settings.set', input),
  save: (input: In<'save'>): Out<'save'> => callCloud('stars', 'save', input),
  nominate: (input: In<'nominate'>): Out<'nominate'> => callCloud('stars', 'nominate', input),
  list: (input: In<'list'>): Out<'list'> => callCloud('stars', 'list', input),
  get: (input: In<'get'>): Out<'get'> => callCloud('stars', 'get', input),
  mine: (input: In<'mine'>): Out<'mine'> => callCloud('stars', 'mine', input),
  review: (input: In<'review'>): Out<'review'> => callCloud('stars', 'review', input),
  setPlaces: (input: In<'places.set'>): Out<'places.set'> => callCloud('stars', 'places.set', input),
  select: (input: In<'select'>): Out<'select'> => callCloud('stars', 'select', input),
  publish: (input: In<'publish'>): Out<'publish'> => callCloud('stars', 'publish', input),
  hide: (input: In<'hide'>): Out<'hide'> => callCloud('stars', 'hide', input),
  record: (input: In<'record'>): Out<'record'> => callCloud('stars', 'record', input),
  exportList: (input: In<'export'>): Out<'export'> => callCloud('stars', 'export', input),
  gallery: (input: In<'gallery'>): Out<'gallery'> => callCloud('stars', 'gallery', input),
  entry: (input: In<'entry'>): Out<'entry'> => callCloud('stars', 'entry', input),
  like: (input: In<'like'>): Out<'like'> => callCloud('stars', 'like', input),
  vote: (input: In<'vote'>): Out<'vote'> => callCloud('stars', 'vote', input),
}
