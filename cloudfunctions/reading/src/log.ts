// Residents log reading (at most once a day per book) and see their own figures.
import type { z } from 'zod'
import type { readingContract } from '@shared/contracts/reading'
import { logDelta } from '@shared/domain/reading'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type ReaderDoc, type ReadingLogDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { personIdOf } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { insertCounted } from '../../_core/countedRecord'
import type { PendingEntry } from '../../_core/journal'
import { readingAmounts } from '../../_core/readingStats'
import { readUser } from '../../_core/users'
import { isDuplicateKey, updateCount } from '../../_core/write'
import { learnerOf, loadBookContext, readReader, readerIdOf, weekIdOrLatest, type Learner } from './context'
import { toLog, toReaderStats } from './views'

type LogInput = z.output<(typeof readingContract)['log']['input']>

/** Latest logs answered by `mine`. */
const MINE_LOGS = 50

/**
 * Adds the log to the learner's reader document of the week, creating it on their first log
 * (another call creating it meanwhile turns the insert into the update).
 */
async function addToReader(db: Database, id: string, exists: boolean, learner: Learner, weekId: string, log: ReadingLogDoc, at: Date) {
  const _ = db.command
  const readers = db.collection(COLLECTIONS.readers)
  const update = {
    name: learner.name,
    totalMinutes: _.inc(log.minutes),
    totalLogs: _.inc(1),
    days: _.addToSet(log.day),
    bookIds: _.addToSet(log.bookId),
    updatedAt: at,
  }
  if (exists && (await updateCount(readers.where({ _id: id }), update)) === 1) return
  const doc: ReaderDoc = {
    _id: id,
    weekId,
    openid: learner.openid,
    personId: learner.personId,
    memberId: learner.memberId,
    name: learner.name,
    totalMinutes: log.minutes,
    totalLogs: 1,
    days: [log.day],
    bookIds: [log.bookId],
    board: null,
    createdAt: at,
    updatedAt: at,
  }
  try {
    await readers.add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    await updateCount(readers.where({ _id: id }), update)
  }
}

/**
 * One read (book, account, reader document, today's log, whether the book was logged before), then
 * the log inserted once through the pending-move journal (_core/countedRecord.ts):
 *   1. the book: counters moved with a pending entry `rl~<hash of the log id>` (one conditional
 *      update)
 *   2. the log inserted carrying the entry's op (its id is one per person, book and Shanghai day:
 *      a second one is a duplicate key)
 *   3. the entry settled, and at the same time the reader document's totals
 * A call that dies after 1 leaves an entry the repair timer reverts or settles after 60 s; the same
 * log sent again (same learner, book, day and minutes: the contract has no nonce) adopts it. A
 * refused log leaves nothing. GAP: the reader document (the learner's totals, days and books, the
 * board) is not journaled: a call dying after the log insert and before the reader update leaves
 * those totals short by the log (the retry answers READING_ALREADY_LOGGED), and nothing recounts a
 * reader document from its logs yet. The book's counters do not depend on it (readBefore is read
 * from the logs).
 */
export async function log(ctx: ActionContext, input: LogInput) {
  const { db } = ctx
  const now = ctx.now()
  const memberId = input.memberId ?? null
  const bc = await loadBookContext(db, { bookId: input.bookId, openid: ctx.openid, memberId, now })
  const book = bc.book
  if (!book || book.status !== 'published') throw new DomainError('BOOK_NOT_FOUND')
  const learner = learnerOf(ctx.openid, memberId, bc.user)
  if (bc.todayLog) throw new DomainError('READING_ALREADY_LOGGED')

  const inc = readingAmounts(logDelta(learner.audience, input.minutes, !bc.readBefore))
  const build = (t: number) => {
    const doc: ReadingLogDoc = {
      _id: bc.logId,
      bookId: book._id,
      bookTitle: book.title,
      listId: book.listId,
      weekId: book.weekId,
      districtCode: book.districtCode,
      openid: ctx.openid,
      personId: learner.personId,
      memberId: learner.memberId,
      audience: learner.audience,
      day: bc.day,
      minutes: input.minutes,
      note: input.note ? input.note : null,
      createdAt: new Date(t),
    }
    return { doc, inc }
  }
  const sameAmounts = (entry: PendingEntry) => JSON.stringify(entry.inc) === JSON.stringify(inc)
  const out = await insertCounted<ReadingLogDoc>(db, {
    kind: 'rl',
    collection: COLLECTIONS.readingLogs,
    id: bc.logId,
    counted: COLLECTIONS.books,
    activityId: book._id,
    nonce: null,
    now,
    build,
    adoptAlso: sameAmounts,
    settleAlong: (doc) => addToReader(db, readerIdOf(book.weekId, learner.personId), bc.reader !== null, learner, book.weekId, doc, new Date(now)),
  })
  // Logged meanwhile by another call (a twin of this request that wrote it, or another one), or
  // another call's log of the same book and day in flight.
  if (out.status !== 'written') throw new DomainError('READING_ALREADY_LOGGED')
  const doc = out.doc

  const at = new Date(now)
  const reader = bc.reader
  const readerId = readerIdOf(book.weekId, learner.personId)
  const after: ReaderDoc = {
    ...(reader ?? { _id: readerId, weekId: book.weekId, openid: ctx.openid, personId: learner.personId, memberId, board: null, createdAt: at }),
    name: learner.name,
    totalMinutes: (reader?.totalMinutes ?? 0) + input.minutes,
    totalLogs: (reader?.totalLogs ?? 0) + 1,
    days: [...(reader?.days ?? []), bc.day],
    bookIds: [...(reader?.bookIds ?? []), book._id],
    updatedAt: at,
  }
  return { log: toLog(doc), reader: toReaderStats(after, now) }
}

/** The learner's figures and latest logs in a week (the latest published week when none is asked). */
export async function mine(ctx: ActionContext, input: { weekId?: string; memberId?: string }) {
  const { db } = ctx
  const now = ctx.now()
  const memberId = input.memberId ?? null
  const personId = personIdOf(ctx.openid, memberId)
  const [weekId, user] = await Promise.all([weekIdOrLatest(db, input.weekId), memberId ? readUser(db, ctx.openid) : Promise.resolve(null)])
  if (memberId) learnerOf(ctx.openid, memberId, user)
  if (!weekId) return { weekId: null, reader: toReaderStats(null, now), logs: [] }
  const [reader, logs] = await Promise.all([
    readReader(db, readerIdOf(weekId, personId)),
    readDocs<ReadingLogDoc>(
      db.collection(COLLECTIONS.readingLogs).where({ weekId, personId }).orderBy('createdAt', 'desc').limit(MINE_LOGS),
    ),
  ])
  return { weekId, reader: toReaderStats(reader, now), logs: logs.map(toLog) }
}
