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
import { readingIncData } from '../../_core/readingStats'
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
 * One read (book, account, reader document, today's log), then the log insert (its id is one per
 * person, book and Shanghai day: a second one is a duplicate key), the reader document and the
 * book's counters. A refused log writes nothing.
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

  const at = new Date(now)
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
    createdAt: at,
  }
  try {
    await db.collection(COLLECTIONS.readingLogs).add({ data: doc })
  } catch (err) {
    if (isDuplicateKey(err)) throw new DomainError('READING_ALREADY_LOGGED')
    throw err
  }

  const reader = bc.reader
  const firstOfBook = !(reader?.bookIds ?? []).includes(book._id)
  const delta = logDelta(learner.audience, input.minutes, firstOfBook)
  const readerId = readerIdOf(book.weekId, learner.personId)
  await Promise.all([
    addToReader(db, readerId, reader !== null, learner, book.weekId, doc, at),
    db.collection(COLLECTIONS.books).where({ _id: book._id }).update({ data: readingIncData(db.command, delta) }),
  ])

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
