// Residents log reading (at most once a day per book) and see their own figures.
import type { z } from 'zod'
import type { readingContract } from '@shared/contracts/reading'
import { logDelta } from '@shared/domain/reading'
import { DomainError } from '@shared/errors'
import { COLLECTIONS, type ReaderDoc, type ReadingLogDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { personIdOf } from '../../_core/ids'
import { readDocs } from '../../_core/read'
import { insertCounted } from '../../_core/countedRecord'
import { recordKey, settleFollowed, type PendingEntry, type PendingMap } from '../../_core/journal'
import { readingAmounts } from '../../_core/readingStats'
import { addLogToReader, emptyReader, ensureReader } from '../../_core/readerTotals'
import { readUser } from '../../_core/users'
import { learnerOf, loadBookContext, readReader, readerIdOf, weekIdOrLatest } from './context'
import { toLog, toReaderStats } from './views'

type LogInput = z.output<(typeof readingContract)['log']['input']>

/** Latest logs answered by `mine`. */
const MINE_LOGS = 50

/**
 * One read (book, account, reader document, today's log, whether the book was logged before), then
 * the log inserted once through the pending-move journal (_core/countedRecord.ts):
 *   0. on the learner's first log of the week, their reader document created empty
 *      (_core/readerTotals.ts; an existing one is left as it is)
 *   1. the book: counters moved with a pending entry `rl~<hash of the log id>` (one conditional
 *      update)
 *   2. the log inserted carrying the entry's op (its id is one per person, book and Shanghai day:
 *      a second one is a duplicate key)
 *   3. the log added to the reader document's totals, unless they hold it (one conditional update)
 *   4. the entry settled
 * A call that dies after 1 leaves an entry the repair timer reverts (no log) or settles after 60 s
 * (the log exists: the repair does 3 first). The same log sent again (same learner, book, day and
 * minutes: the contract has no nonce) adopts a pending entry and finishes 2-4, answering the log. A
 * refused log leaves nothing but, on a first log, the empty reader document of 0. The book's
 * counters do not depend on the reader document (readBefore is read from the logs).
 */
export async function log(ctx: ActionContext, input: LogInput) {
  const { db } = ctx
  const now = ctx.now()
  const memberId = input.memberId ?? null
  const bc = await loadBookContext(db, { bookId: input.bookId, openid: ctx.openid, memberId, now })
  const book = bc.book
  if (!book || book.status !== 'published') throw new DomainError('BOOK_NOT_FOUND')
  const learner = learnerOf(ctx.openid, memberId, bc.user)
  if (bc.todayLog) {
    // This request, cut off after its log (the entry still pending): finish it (3, 4) and answer it.
    const key = recordKey('rl', bc.logId)
    const entry = (book as { pending?: PendingMap }).pending?.[key]
    if (!entry || entry.op !== bc.todayLog.op || bc.todayLog.minutes !== input.minutes) throw new DomainError('READING_ALREADY_LOGGED')
    await addLogToReader(db, bc.todayLog, new Date(now), learner.name)
    await settleFollowed(db, COLLECTIONS.books, book._id, key, entry.op)
    const reader = (await readReader(db, readerIdOf(book.weekId, learner.personId))) ?? null
    return { log: toLog(bc.todayLog), reader: toReaderStats(reader, now) }
  }

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
  const at = new Date(now)
  const owner = { weekId: book.weekId, openid: ctx.openid, personId: learner.personId, memberId: learner.memberId, name: learner.name }
  if (!bc.reader) await ensureReader(db, owner, at)
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
    beforeSettle: (doc) => addLogToReader(db, doc, at, learner.name),
  })
  // Another request's log of the same book and day: written, or in flight.
  if (out.status === 'duplicate' || out.status === 'busy') throw new DomainError('READING_ALREADY_LOGGED')
  // Written by this call, or by an earlier call of the same request that was cut off.
  const doc = out.status === 'written' ? out.doc : out.existing

  const reader = bc.reader ?? emptyReader(owner, at)
  const held = reader.logIds?.includes(doc._id) === true
  const after: ReaderDoc = held
    ? reader
    : {
        ...reader,
        name: learner.name,
        totalMinutes: reader.totalMinutes + doc.minutes,
        totalLogs: reader.totalLogs + 1,
        days: [...new Set([...reader.days, doc.day])],
        bookIds: [...new Set([...reader.bookIds, doc.bookId])],
        logIds: [...(reader.logIds ?? []), doc._id],
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
