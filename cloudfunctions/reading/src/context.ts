// What the reading actions decide on: the learner (the caller or one of their family members),
// the book with everything around it in ONE read, the week and its districts.
import { readingDay, readingLogId } from '@shared/domain/reading'
import { memberDetails, type Profile } from '@shared/domain/signupRules'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import {
  COLLECTIONS,
  type ActivityDoc,
  type BookDoc,
  type BookListDoc,
  type ReaderDoc,
  type ReadingLogDoc,
  type RoleGrant,
  type UserDoc,
  type WeekDoc,
} from '../../_core/collections'
import { personIdOf } from '../../_core/ids'
import { aggregateDocs, readDocs } from '../../_core/read'
import { subPipeline } from '../../_core/pipeline'
import { ANONYMOUS_READER } from '../../_core/readerTotals'

export { ANONYMOUS_READER, readerIdOf } from '../../_core/readerTotals'

/** Whose reading it is: the caller, or a family member (their own person id, name and audience). */
export interface Learner {
  openid: string
  personId: string
  memberId: string | null
  name: string
  audience: string | null
}

/**
 * The learner of a call. A family member must be in the caller's family (FAMILY_MEMBER_NOT_FOUND);
 * a resident without a profile may still read, under a neutral name and no audience.
 */
export function learnerOf(openid: string, memberId: string | null | undefined, user: Pick<UserDoc, 'profile' | 'family'> | null): Learner {
  const profile = user?.profile ?? null
  if (memberId) {
    const member = user?.family?.find((m) => m.id === memberId)
    if (!member) throw new DomainError('FAMILY_MEMBER_NOT_FOUND')
    // Only the member's own name and audience are used; the owner stands in for contact fields.
    const owner: Profile = profile ?? {
      name: member.name,
      phone: member.phone ?? '',
      ageGroup: member.ageGroup,
      community: '',
      audience: 'residents',
    }
    const details = memberDetails(member, owner)
    return { openid, personId: personIdOf(openid, memberId), memberId, name: details.name, audience: details.audience }
  }
  return { openid, personId: openid, memberId: null, name: profile?.name ?? ANONYMOUS_READER, audience: profile?.audience ?? null }
}

export interface BookContext {
  book: BookDoc | null
  /** The caller's account (profile, family, roles); null without one. */
  user: Pick<UserDoc, 'profile' | 'family' | 'roles'> | null
  /** The learner's reader document of the book's week. */
  reader: ReaderDoc | null
  /** The learner's log of this book today, when there is one. */
  todayLog: ReadingLogDoc | null
  /**
   * Whether the learner has any log of this book (of any day): a log without one moves the book's
   * readers counter. Read from the logs, not the reader document, so the counter agrees with a
   * recount of the logs even when a reader update was lost.
   */
  readBefore: boolean
  /** With `withPage`: the book's list and its linked activities. */
  list: BookListDoc | null
  activities: ActivityDoc[]
  logId: string
  day: string
}

/**
 * Everything a log (or the book page) decides on, in ONE database operation: the book, the
 * caller's account, the learner's reader document of the book's week (`<weekId>_<personId>`,
 * joined on a key computed from the book), today's log of the book by the learner, whether they
 * logged it before, and with
 * `withPage` the book's list and its 书友会 / 读书沙龙 activities.
 */
export async function loadBookContext(
  db: Database,
  input: { bookId: string; openid: string; memberId: string | null; now: number; withPage?: boolean },
): Promise<BookContext> {
  const $ = db.command.aggregate
  const pipeline = () => subPipeline(db)
  const personId = personIdOf(input.openid, input.memberId)
  const logId = readingLogId(input.bookId, personId, input.now)
  let query = db
    .collection(COLLECTIONS.books)
    .aggregate()
    .match({ _id: input.bookId })
    .addFields({ readerKey: $.concat(['$weekId', $.literal(`_${personId}`)]) })
    .lookup({ from: COLLECTIONS.users, pipeline: pipeline().match({ _id: input.openid }).limit(1).done(), as: 'user' })
    .lookup({ from: COLLECTIONS.readers, localField: 'readerKey', foreignField: '_id', as: 'reader' })
    .lookup({ from: COLLECTIONS.readingLogs, pipeline: pipeline().match({ _id: logId }).limit(1).done(), as: 'todayLog' })
    .lookup({
      from: COLLECTIONS.readingLogs,
      pipeline: pipeline().match({ bookId: input.bookId, personId }).project({ _id: 1 }).limit(1).done(),
      as: 'anyLog',
    })
  if (input.withPage) {
    query = query
      .lookup({ from: COLLECTIONS.bookLists, localField: 'listId', foreignField: '_id', as: 'list' })
      .lookup({ from: COLLECTIONS.activities, localField: 'activityIds', foreignField: '_id', as: 'activities' })
  }
  type Row = BookDoc & {
    readerKey?: string
    user: UserDoc[]
    reader: ReaderDoc[]
    todayLog: ReadingLogDoc[]
    anyLog: { _id: string }[]
    list?: BookListDoc[]
    activities?: ActivityDoc[]
  }
  const [row] = await aggregateDocs<Row>(query.limit(1))
  const base = { logId, day: readingDay(input.now) }
  if (!row) return { ...base, book: null, user: null, reader: null, todayLog: null, readBefore: false, list: null, activities: [] }
  const { readerKey: _key, user, reader, todayLog, anyLog, list, activities, ...book } = row
  const account = user[0] ?? null
  return {
    ...base,
    book: book as BookDoc,
    user: account ? { profile: account.profile, family: account.family, roles: (account.roles ?? []) as RoleGrant[] } : null,
    reader: reader[0] ?? null,
    todayLog: todayLog[0] ?? null,
    readBefore: (anyLog ?? []).length > 0,
    list: list?.[0] ?? null,
    activities: activities ?? [],
  }
}

export async function readWeek(db: Database, weekId: string): Promise<WeekDoc | null> {
  const [doc] = await readDocs<WeekDoc>(db.collection(COLLECTIONS.weeks).where({ _id: weekId }).limit(1))
  return doc ?? null
}

/** The district of a week (WEEK_NOT_FOUND, DISTRICT_NOT_IN_WEEK). */
export function districtOf(week: WeekDoc | null, districtCode: string): { code: string; name: string } {
  if (!week) throw new DomainError('WEEK_NOT_FOUND')
  const district = week.districts.find((d) => d.code === districtCode)
  if (!district) throw new DomainError('DISTRICT_NOT_IN_WEEK')
  return district
}

/** The asked week, or the latest published week (by start date) when none is asked; null when there is none. */
export async function weekIdOrLatest(db: Database, weekId: string | undefined): Promise<string | null> {
  if (weekId) return weekId
  const [latest] = await readDocs<Pick<WeekDoc, '_id'>>(
    db.collection(COLLECTIONS.weeks).where({ status: 'published' }).orderBy('startDate', 'desc').field({ _id: true }).limit(1),
  )
  return latest?._id ?? null
}

export async function readReader(db: Database, id: string): Promise<ReaderDoc | null> {
  const [doc] = await readDocs<ReaderDoc>(db.collection(COLLECTIONS.readers).where({ _id: id }).limit(1))
  return doc ?? null
}
