// Residents: the published book lists of a week, and a book's page.
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type BookDoc, type BookListDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { aggregateDocs } from '../../_core/read'
import { isOrganiserOf } from '../../_core/roles'
import { toSummary } from '../../activity/src/mappers'
import { learnerOf, loadBookContext, weekIdOrLatest } from './context'
import { toBook, toBookList, toReaderStats } from './views'

/** Lists of a week per read (a week has a few per district). */
const LISTS_MAX = 200

/** Lists of a week matching `where`, each with its book documents, in one read. */
export async function listsWithBooks(db: Database, where: Record<string, unknown>): Promise<(BookListDoc & { books: BookDoc[] })[]> {
  return aggregateDocs<BookListDoc & { books: BookDoc[] }>(
    db
      .collection(COLLECTIONS.bookLists)
      .aggregate()
      .match(where)
      .sort({ districtCode: 1, createdAt: 1 })
      .lookup({ from: COLLECTIONS.books, localField: '_id', foreignField: 'listId', as: 'books' })
      .limit(LISTS_MAX),
  )
}

/** Published book lists of a week (the latest published week when none is asked). Public. */
export async function lists(ctx: ActionContext, input: { weekId?: string }) {
  const weekId = await weekIdOrLatest(ctx.db, input.weekId)
  if (!weekId) return { weekId: null, lists: [] }
  const rows = await listsWithBooks(ctx.db, { weekId, status: 'published' })
  return {
    weekId,
    lists: rows.map((l) =>
      toBookList(
        l,
        l.books.filter((b) => b.status === 'published'),
      ),
    ),
  }
}

/**
 * A book, its list, its 书友会 / 读书沙龙 activities (published or cancelled; drafts are left out)
 * and the learner's reading of it: one read. A draft is shown only to its district's organisers.
 */
export async function book(ctx: ActionContext, input: { bookId: string; memberId?: string }) {
  const now = ctx.now()
  const memberId = input.memberId ?? null
  const bc = await loadBookContext(ctx.db, { bookId: input.bookId, openid: ctx.openid, memberId, now, withPage: true })
  const doc = bc.book
  if (!doc || !bc.list) throw new DomainError('BOOK_NOT_FOUND')
  if (doc.status !== 'published') {
    const caller = { openid: ctx.openid, roles: bc.user?.roles ?? [] }
    if (!isOrganiserOf(caller, doc.weekId, doc.districtCode)) throw new DomainError('BOOK_NOT_FOUND')
  }
  learnerOf(ctx.openid, memberId, bc.user)
  const byId = new Map(bc.activities.map((a) => [a._id, a]))
  const activities = doc.activityIds.flatMap((id) => {
    const a = byId.get(id)
    return a && a.status !== 'draft' ? [toSummary(a)] : []
  })
  return {
    book: toBook(doc),
    list: { id: bc.list._id, title: bc.list.title, weekId: bc.list.weekId, districtName: bc.list.districtName },
    activities,
    today: bc.day,
    loggedToday: bc.todayLog !== null,
    reader: toReaderStats(bc.reader, now),
  }
}
