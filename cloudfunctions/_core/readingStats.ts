// Reading counters: the update data a log moves on its book, the week totals as sums over the
// week's books (by district, by audience), the distinct readers of a week, and the reconcile check
// of one book against its raw logs. Totals cost one read per 1000 books plus one count, never a
// scan of logs.
import {
  addBookCounters,
  readBookCounters,
  recountBook,
  sameBookCounters,
  type BookCounters,
  type ReadingCounts,
  type ReadingDelta,
} from '@shared/domain/reading'
import type { Command, Database } from './cloud'
import { COLLECTIONS, type BookDoc, type ReadingLogDoc } from './collections'
import { countDocs, readDocs } from './read'

const PAGE = 1000

/** The [path, amount] pairs a reading delta moves on a book (zero parts left out): a journal entry's. */
export function readingAmounts(delta: ReadingDelta): [string, number][] {
  const out: [string, number][] = []
  if (delta.logs) out.push(['counters.logs', delta.logs])
  if (delta.minutes) out.push(['counters.minutes', delta.minutes])
  if (delta.readers) out.push(['counters.readers', delta.readers])
  if (delta.logs) out.push([`counters.byAudience.${delta.audience}.logs`, delta.logs])
  if (delta.minutes) out.push([`counters.byAudience.${delta.audience}.minutes`, delta.minutes])
  return out
}

/** `_.inc` update data for a reading delta on a book (zero parts left out). */
export function readingIncData(_: Command, delta: ReadingDelta): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const [path, n] of readingAmounts(delta)) data[path] = _.inc(n)
  return data
}

export function bookCountersOf(doc: Pick<BookDoc, 'counters'>): BookCounters {
  return readBookCounters(doc.counters as Record<string, unknown> | undefined)
}

export interface ReadingTotals {
  /** Books of published lists. */
  books: number
  logs: number
  minutes: number
  /** Distinct people per book, summed over books. */
  bookReaders: number
}

export interface WeekReadingTotals {
  weekId: string
  total: ReadingTotals
  byDistrict: Record<string, ReadingTotals>
  byAudience: Record<string, ReadingCounts>
  /** Distinct people with at least one log in the week (in scope). */
  readers: number
}

type BookRow = Pick<BookDoc, '_id' | 'districtCode' | 'status' | 'counters'>

/** Every book of a week (any status: a list taken offline keeps its logs counted), counter fields only. */
async function booksOfWeek(db: Database, weekId: string, districtCodes: string[] | null): Promise<BookRow[]> {
  const _ = db.command
  const scope = districtCodes ? { districtCode: _.in(districtCodes) } : {}
  const out: BookRow[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<BookRow>(
      db
        .collection(COLLECTIONS.books)
        .where({ weekId, ...scope, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ _id: true, districtCode: true, status: true, counters: true })
        .limit(PAGE),
    )
    out.push(...page)
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}

const totalsOf = (rows: BookRow[]): ReadingTotals => {
  const c = addBookCounters(...rows.map(bookCountersOf))
  return { books: rows.filter((r) => r.status === 'published').length, logs: c.logs, minutes: c.minutes, bookReaders: c.readers }
}

/**
 * Reading totals of a week: sums of the books' kept counters by district, by audience and in
 * total. `readers` counts the week's reader documents with a log (all districts), or, for a set
 * of districts, those that logged a book of them.
 */
export async function weekReadingTotals(db: Database, weekId: string, districtCodes: string[] | null = null): Promise<WeekReadingTotals> {
  const _ = db.command
  const rows = await booksOfWeek(db, weekId, districtCodes)
  const byDistrict: Record<string, ReadingTotals> = {}
  for (const code of [...new Set(rows.map((r) => r.districtCode))].sort()) {
    byDistrict[code] = totalsOf(rows.filter((r) => r.districtCode === code))
  }
  const all = addBookCounters(...rows.map(bookCountersOf))
  let readers = 0
  if (!districtCodes) {
    readers = await countDocs(db.collection(COLLECTIONS.readers).where({ weekId, totalLogs: _.gt(0) }))
  } else if (rows.length > 0) {
    readers = await countDocs(db.collection(COLLECTIONS.readers).where({ weekId, bookIds: _.in(rows.map((r) => r._id)) }))
  }
  return { weekId, total: totalsOf(rows), byDistrict, byAudience: all.byAudience, readers }
}

export interface BookRecount {
  stored: BookCounters
  recounted: BookCounters
  agree: boolean
}

/** The reconcile check of one book: its kept counters next to a recount of its raw logs (paged). */
export async function recountBookOf(db: Database, bookId: string): Promise<BookRecount | null> {
  const _ = db.command
  const [doc] = await readDocs<BookDoc>(db.collection(COLLECTIONS.books).where({ _id: bookId }).limit(1))
  if (!doc) return null
  const logs: Pick<ReadingLogDoc, '_id' | 'personId' | 'audience' | 'minutes'>[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<ReadingLogDoc>(
      db
        .collection(COLLECTIONS.readingLogs)
        .where({ bookId, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field({ _id: true, personId: true, audience: true, minutes: true })
        .limit(PAGE),
    )
    logs.push(...page)
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  const stored = bookCountersOf(doc)
  const recounted = recountBook(logs)
  return { stored, recounted, agree: sameBookCounters(stored, recounted) }
}
