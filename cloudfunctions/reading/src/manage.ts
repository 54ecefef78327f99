// Organisers: book lists of their district (draft, publish, take offline), and reading totals.
// An organiser is scoped to their districts of a week; the week's admins to all of it. Every
// rule is checked before the first write, so a refused call writes nothing.
import type { z } from 'zod'
import type { bookListInputSchema } from '@shared/contracts/reading'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ActivityDoc, type BookDoc, type BookListDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { randomId } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { bookCountersOf, weekReadingTotals } from '../../_core/readingStats'
import { districtsRunBy, isOrganiserOf, requireThat } from '../../_core/roles'
import { mapBounded, updateCount } from '../../_core/write'
import { districtOf, readWeek } from './context'
import { listsWithBooks } from './lists'
import { toBookList } from './views'

type ListInput = z.output<typeof bookListInputSchema>

/** Books written at once when a list is saved. */
const WRITE_CONCURRENCY = 8

/** Every list of the caller's districts of a week (drafts too), with each list's logs and minutes. */
export async function manage(ctx: ActionContext, input: { weekId: string }) {
  const _ = ctx.db.command
  const districts = await districtsRunBy(ctx.db, await ctx.caller(), input.weekId)
  requireThat(districts === null || districts.length > 0)
  const scope = districts ? { districtCode: _.in(districts) } : {}
  const rows = await listsWithBooks(ctx.db, { weekId: input.weekId, ...scope })
  return {
    lists: rows.map((l) => {
      const counted = l.books.map(bookCountersOf)
      return {
        ...toBookList(l, l.books),
        logs: counted.reduce((n, c) => n + c.logs, 0),
        minutes: counted.reduce((n, c) => n + c.minutes, 0),
      }
    }),
  }
}

async function readList(ctx: ActionContext, listId: string): Promise<BookListDoc | null> {
  const [doc] = await readDocs<BookListDoc>(ctx.db.collection(COLLECTIONS.bookLists).where({ _id: listId }).limit(1))
  return doc ?? null
}

const newBookId = () => `b${randomId(12)}`
const newListId = (weekId: string, districtCode: string, now: number) =>
  `${`${weekId}-${districtCode}`.slice(0, 40)}-bl${now.toString(36)}${randomId(4)}`

/**
 * Creates a list (as a draft) or rewrites one: title, intro, its books in order. Books keep their
 * ids (and counters); new ones get `b` + random base36. Linked activities must be of the list's
 * week and district (COURSE_ACTIVITY_INVALID). A book taken off the list is deleted when nobody
 * logged it, and otherwise kept offline (draft) so its logs stay counted.
 */
export async function saveList(ctx: ActionContext, input: ListInput) {
  const { db } = ctx
  const _ = db.command
  const now = ctx.now()
  const caller = await ctx.caller()
  requireThat(isOrganiserOf(caller, input.weekId, input.districtCode))
  const activityIds = [...new Set(input.books.flatMap((b) => b.activityIds))]
  const [week, existing, oldBooks, activities] = await Promise.all([
    readWeek(db, input.weekId),
    input.listId ? readList(ctx, input.listId) : Promise.resolve(null),
    input.listId
      ? readDocs<BookDoc>(db.collection(COLLECTIONS.books).where({ listId: input.listId }).limit(1000))
      : Promise.resolve([] as BookDoc[]),
    activityIds.length
      ? readDocs<Pick<ActivityDoc, '_id' | 'weekId' | 'districtCode'>>(
          db
            .collection(COLLECTIONS.activities)
            .where({ _id: _.in(activityIds) })
            .field({ _id: true, weekId: true, districtCode: true })
            .limit(1000),
        )
      : Promise.resolve([]),
  ])
  const district = districtOf(week, input.districtCode)
  if (input.listId && (!existing || existing.weekId !== input.weekId || existing.districtCode !== input.districtCode)) {
    throw new DomainError('BOOK_LIST_NOT_FOUND')
  }
  const sameUnit = new Set(activities.filter((a) => a.weekId === input.weekId && a.districtCode === input.districtCode).map((a) => a._id))
  if (activityIds.some((id) => !sameUnit.has(id))) throw new DomainError('COURSE_ACTIVITY_INVALID')
  const old = new Map(oldBooks.map((b) => [b._id, b]))
  const givenIds = input.books.flatMap((b) => (b.id ? [b.id] : []))
  if (givenIds.some((id) => !old.has(id))) throw new DomainError('BOOK_NOT_FOUND')
  if (new Set(givenIds).size !== givenIds.length) throw new DomainError('VALIDATION_FAILED')

  const at = new Date(now)
  const listId = existing?._id ?? newListId(input.weekId, input.districtCode, now)
  const status = existing?.status ?? 'draft'
  const books = input.books.map((b) => ({ ...b, id: b.id ?? newBookId() }))
  const kept = new Set(books.map((b) => b.id))
  const removed = oldBooks.filter((b) => !kept.has(b._id)).map((b) => b._id)

  const list: BookListDoc = {
    _id: listId,
    weekId: input.weekId,
    districtCode: input.districtCode,
    districtName: district.name,
    title: input.title,
    intro: input.intro,
    bookIds: books.map((b) => b.id),
    status,
    createdBy: existing?.createdBy ?? ctx.openid,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  }
  const booksColl = db.collection(COLLECTIONS.books)
  if (existing) {
    await updateCount(db.collection(COLLECTIONS.bookLists).where({ _id: listId }), {
      title: list.title,
      intro: list.intro,
      districtName: list.districtName,
      bookIds: _.set(list.bookIds),
      updatedAt: at,
    })
  } else {
    await db.collection(COLLECTIONS.bookLists).add({ data: list })
  }
  await mapBounded(books, WRITE_CONCURRENCY, async (b) => {
    const fields = { title: b.title, author: b.author, blurb: b.blurb, cover: b.cover, updatedAt: at }
    if (old.has(b.id)) {
      await updateCount(booksColl.where({ _id: b.id, listId }), { ...fields, activityIds: _.set(b.activityIds), status })
      return
    }
    const doc: BookDoc = {
      _id: b.id,
      listId,
      weekId: input.weekId,
      districtCode: input.districtCode,
      ...fields,
      activityIds: b.activityIds,
      status,
      counters: { logs: 0, minutes: 0, readers: 0, byAudience: {} },
      createdAt: at,
    }
    await booksColl.add({ data: doc })
  })
  if (removed.length) {
    await booksColl.where({ listId, _id: _.in(removed) }).update({ data: { status: 'draft', updatedAt: at } })
    await booksColl.where({ listId, _id: _.in(removed), 'counters.logs': _.in([0, null]) }).remove()
  }
  return { listId, status }
}

/** Publishes a list with its books, or takes it offline (residents then see neither). */
export async function publishList(ctx: ActionContext, input: { listId: string; published: boolean }) {
  const { db } = ctx
  const _ = db.command
  const [caller, list] = await Promise.all([ctx.caller(), readList(ctx, input.listId)])
  if (!list) throw new DomainError('BOOK_LIST_NOT_FOUND')
  requireThat(isOrganiserOf(caller, list.weekId, list.districtCode))
  const status: BookListDoc['status'] = input.published ? 'published' : 'draft'
  const at = new Date(ctx.now())
  await Promise.all([
    updateCount(db.collection(COLLECTIONS.bookLists).where({ _id: list._id }), { status, updatedAt: at }),
    // The list's current books only: a book taken off the list stays offline.
    list.bookIds.length
      ? db
          .collection(COLLECTIONS.books)
          .where({ listId: list._id, _id: _.in(list.bookIds) })
          .update({ data: { status, updatedAt: at } })
      : Promise.resolve(),
  ])
  return { listId: list._id, status }
}

/** Reading totals of a week from the books' kept counters: admins all districts, organisers theirs. */
export async function totals(ctx: ActionContext, input: { weekId: string }) {
  const districts = await districtsRunBy(ctx.db, await ctx.caller(), input.weekId)
  requireThat(districts === null || districts.length > 0)
  return weekReadingTotals(ctx.db, input.weekId, districts)
}
