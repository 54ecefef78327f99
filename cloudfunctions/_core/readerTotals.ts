// A learner's reading totals of a week (the `readers` document: minutes, logs, days, books), each
// reading log added exactly once. Invariant: a reader document's totals are the sum of the logs in
// its `logIds`, and every log in it exists.
//  - The document is created empty (no log) before the log's first write (ensureReader), so that
//    adding a log is always one conditional update: `logIds` must not hold the log yet, and the
//    update pushes it while it moves the totals. Sent twice (a retry, the repair and the call at
//    once), it applies once.
//  - reading.log adds its log after inserting it and before settling the book's pending entry; a
//    call that dies in between leaves the entry pending, and the repair, settling it because the
//    log exists, adds the log (addLogToReader) before it settles (_core/repair.ts).
// Cost: one conditional update per log; one insert per learner and week (the first log).
import type { Database } from './cloud'
import { COLLECTIONS, type ReaderDoc, type ReadingLogDoc } from './collections'
import { isDuplicateKey, updateCount } from './write'

/** A reader document's id: one per week and person. */
export const readerIdOf = (weekId: string, personId: string) => `${weekId}_${personId}`

/** The name a reader document gets when nothing better is known (no profile). */
export const ANONYMOUS_READER = '读者'

type ReaderOwner = Pick<ReaderDoc, 'weekId' | 'openid' | 'personId' | 'memberId' | 'name'>

/** A reader document holding no log. */
export function emptyReader(owner: ReaderOwner, at: Date): ReaderDoc {
  return {
    _id: readerIdOf(owner.weekId, owner.personId),
    ...owner,
    totalMinutes: 0,
    totalLogs: 0,
    days: [],
    bookIds: [],
    logIds: [],
    board: null,
    createdAt: at,
    updatedAt: at,
  }
}

/** Creates the learner's reader document of the week with no log, unless it exists. */
export async function ensureReader(db: Database, owner: ReaderOwner, at: Date): Promise<void> {
  try {
    await db.collection(COLLECTIONS.readers).add({ data: emptyReader(owner, at) })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
  }
}

/**
 * Adds one log to its reader's totals unless it is in them already; `name` refreshes the reader's
 * name (the caller's profile). Answers whether this call added it. A missing reader document (a
 * log from before ensureReader) is created holding the log.
 */
export async function addLogToReader(db: Database, log: ReadingLogDoc, at: Date, name?: string): Promise<boolean> {
  const _ = db.command
  const id = readerIdOf(log.weekId, log.personId)
  const readers = db.collection(COLLECTIONS.readers)
  const update = {
    ...(name !== undefined ? { name } : {}),
    totalMinutes: _.inc(log.minutes),
    totalLogs: _.inc(1),
    days: _.addToSet(log.day),
    bookIds: _.addToSet(log.bookId),
    logIds: _.push(log._id),
    updatedAt: at,
  }
  if ((await updateCount(readers.where({ _id: id, logIds: _.neq(log._id) }), update)) === 1) return true
  const owner = { weekId: log.weekId, openid: log.openid, personId: log.personId, memberId: log.memberId, name: name ?? ANONYMOUS_READER }
  const doc: ReaderDoc = {
    ...emptyReader(owner, at),
    totalMinutes: log.minutes,
    totalLogs: 1,
    days: [log.day],
    bookIds: [log.bookId],
    logIds: [log._id],
  }
  try {
    await readers.add({ data: doc })
    return true
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    // It exists: it holds the log already, or it was created meanwhile without it.
    return (await updateCount(readers.where({ _id: id, logIds: _.neq(log._id) }), update)) === 1
  }
}
