// Cloud function `reading`: book lists (好书推荐) and books (residents), daily reading logs with
// streaks and totals, the opt-in district board of reading minutes, and the organisers' lists and
// totals. Bundled into ../index.js for upload.
import { createFunction, type FunctionImpl } from '../../_core/handler'
import { board, joinBoard } from './board'
import { book, lists } from './lists'
import { log, mine } from './log'
import { manage, publishList, saveList, totals } from './manage'

/** The actions, also for tests that run them with an injected clock. */
export const readingActions: FunctionImpl<'reading'> = {
  lists,
  book,
  log,
  mine,
  board,
  'board.join': joinBoard,
  manage,
  'list.save': saveList,
  'list.publish': publishList,
  totals,
}

// The book lists are public: a page opened from 朋友圈 (single-page mode) reads them with no identity.
export const main = createFunction('reading', readingActions, { publicActions: ['lists'] })
