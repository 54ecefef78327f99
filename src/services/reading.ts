// The reading domain's calls (全民阅读): book lists, a book and its readers, reading logs, the
// caller's reading, the district boards, and the organiser's list editing and totals.
import type { ActionName, InputOf, OutputOf } from '@shared/contracts'
import { readingContract } from '@shared/contracts/reading'
import { registerContract } from './contractRegistry'
import { callCloud } from './callCloud'

registerContract('reading', readingContract)

type In<A extends ActionName<'reading'>> = InputOf<'reading', A>
type Out<A extends ActionName<'reading'>> = Promise<OutputOf<'reading', A>>

/** The published book lists. */
export function listBookLists(): Out<'lists'> {
  return callCloud('reading', 'lists', {})
}

/** One book with its readers and the learner's figures (self or a family member). */
export function getBook(input: In<'book'>): Out<'book'> {
  return callCloud('reading', 'book', input)
}

/** Records minutes read (and a note). */
export function logReading(input: In<'log'>): Out<'log'> {
  return callCloud('reading', 'log', input)
}

/** The caller's reading: figures and logs. */
export function myReading(): Out<'mine'> {
  return callCloud('reading', 'mine', {})
}

/** A district's reading board. */
export function getDistrictBoard(input: In<'board'>): Out<'board'> {
  return callCloud('reading', 'board', input)
}

/** Joins or leaves a district's board. */
export function joinDistrictBoard(input: In<'board.join'>): Out<'board.join'> {
  return callCloud('reading', 'board.join', input)
}

/** The book lists of a week an organiser manages, drafts included. */
export function listManagedBookLists(weekId: string): Out<'manage'> {
  return callCloud('reading', 'manage', { weekId })
}

export function saveBookList(input: In<'list.save'>): Out<'list.save'> {
  return callCloud('reading', 'list.save', input)
}

/** Publishes a book list or takes it offline. */
export function setBookListPublished(listId: string, published: boolean): Out<'list.publish'> {
  return callCloud('reading', 'list.publish', { listId, published })
}

/** The week's reading totals. */
export function readingTotals(weekId: string): Out<'totals'> {
  return callCloud('reading', 'totals', { weekId })
}
