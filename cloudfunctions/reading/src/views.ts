// What residents and organisers see of the stored reading documents.
import type { Book, BookList, ReaderStats, ReadingLog } from '@shared/contracts/reading'
import { streakOf } from '@shared/domain/reading'
import type { BookDoc, BookListDoc, ReaderDoc, ReadingLogDoc } from '../../_core/collections'
import { bookCountersOf } from '../../_core/readingStats'

export function toBook(doc: BookDoc): Book {
  return {
    id: doc._id,
    title: doc.title,
    author: doc.author,
    blurb: doc.blurb,
    cover: doc.cover,
    activityIds: doc.activityIds,
    readers: bookCountersOf(doc).readers,
  }
}

/** The list with its books in the list's order (books not found are left out). */
export function toBookList(list: BookListDoc, books: BookDoc[]): BookList {
  const byId = new Map(books.map((b) => [b._id, b]))
  return {
    id: list._id,
    weekId: list.weekId,
    districtCode: list.districtCode,
    districtName: list.districtName,
    title: list.title,
    intro: list.intro,
    status: list.status,
    books: list.bookIds.flatMap((id) => {
      const b = byId.get(id)
      return b ? [toBook(b)] : []
    }),
  }
}

/** A reader's figures; zeros for someone who has not logged in the week. */
export function toReaderStats(reader: ReaderDoc | null | undefined, now: number): ReaderStats {
  const days = [...new Set(reader?.days ?? [])].sort()
  return {
    streak: streakOf(days, now),
    totalMinutes: reader?.totalMinutes ?? 0,
    totalLogs: reader?.totalLogs ?? 0,
    days,
    board: reader?.board ?? null,
  }
}

export function toLog(doc: ReadingLogDoc): ReadingLog {
  return {
    id: doc._id,
    bookId: doc.bookId,
    bookTitle: doc.bookTitle,
    day: doc.day,
    minutes: doc.minutes,
    note: doc.note,
    createdAt: new Date(doc.createdAt).getTime(),
  }
}
