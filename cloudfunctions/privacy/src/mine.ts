// 我的信息: everything stored about the caller and their family, read from their own account's
// records only (the caller's OPENID; nothing another account stored is reached). Bounded: each list
// is read newest first up to its limit (MY_DATA_LIMIT on the page, EXPORT_LIMIT in the export),
// `truncated` telling when one was cut. Reads: the user document, the weeks of their roles, then
// at once registrations, enrolments, readers, reading logs, ratings, nominations, the like and vote
// counts, the notice count and the upcoming registrations, then at once the check-ins, course titles and rated activities' titles.
import { MY_DATA_LIMIT, type MyData } from '@shared/contracts/privacy'
import type { RoleGrant } from '@shared/contracts/activity'
import type { Database } from '../../_core/cloud'
import {
  COLLECTIONS,
  type CheckinDoc,
  type CourseDoc,
  type EnrolmentDoc,
  type NominationDoc,
  type ReaderDoc,
  type ReadingLogDoc,
  type RatingDoc,
  type RegistrationDoc,
  type WeekDoc,
} from '../../_core/collections'
import { cancellableRegistrations } from '../../_core/erase'
import type { ActionContext } from '../../_core/handler'
import { countDocs, readDocs } from '../../_core/read'
import { readUser } from '../../_core/users'

/** The most entries of each list the export holds. */
export const EXPORT_LIMIT = 1000

const ms = (d: Date | string | number | null | undefined): number | null => (d == null ? null : new Date(d).getTime())

/** A staff grant in words, with its week's and unit's names. */
export function roleWords(grant: RoleGrant, weeks: Map<string, Pick<WeekDoc, 'name' | 'districts' | 'cities'>>): string {
  if (grant.role === 'bureau') return '教育局管理员（所有活动周）'
  const week = weeks.get(grant.weekId)
  const weekName = week?.name ?? grant.weekId
  if (grant.role === 'admin') return `${weekName}：活动周管理员`
  if (grant.role === 'cityAdmin') {
    const city = week?.cities?.find((c) => c.code === grant.cityCode)?.name ?? grant.cityCode
    return `${weekName}：${city} 的市级管理员`
  }
  if (grant.role === 'organiser') {
    const district = week?.districts.find((d) => d.code === grant.districtCode)?.name ?? grant.districtCode
    return `${weekName}：${district} 的组织者`
  }
  return `${weekName}：志愿者（${grant.activityIds.length} 场活动）`
}

/** Documents of `collection` with these ids (at most ids.length), only `fields`. */
async function byIds<T>(db: Database, collection: string, ids: string[], fields: Record<string, true>): Promise<T[]> {
  if (ids.length === 0) return []
  const _ = db.command
  return readDocs<T>(
    db
      .collection(collection)
      .where({ _id: _.in(ids) })
      .field(fields)
      .limit(ids.length),
  )
}

export async function readMyData(db: Database, openid: string, now: number, limit: number): Promise<MyData> {
  const user = await readUser(db, openid)
  const grants = user?.roles ?? []
  const weekIds = [...new Set(grants.flatMap((g) => ('weekId' in g ? [g.weekId] : [])))]
  const own = (collection: string, sort?: string) => {
    const q = db.collection(collection).where({ openid })
    return (sort ? q.orderBy(sort, 'desc') : q).limit(limit + 1)
  }
  const [weeks, regs, enrolments, readers, logs, ratings, nominations, likes, votes, notices, upcoming] = await Promise.all([
    byIds<WeekDoc>(db, COLLECTIONS.weeks, weekIds, { name: true, districts: true, cities: true }),
    readDocs<RegistrationDoc>(own(COLLECTIONS.registrations, 'startAt')),
    readDocs<EnrolmentDoc>(own(COLLECTIONS.enrolments, 'updatedAt')),
    readDocs<ReaderDoc>(own(COLLECTIONS.readers)),
    readDocs<ReadingLogDoc>(own(COLLECTIONS.readingLogs, 'createdAt')),
    readDocs<RatingDoc>(own(COLLECTIONS.ratings, 'createdAt')),
    readDocs<NominationDoc>(
      db
        .collection(COLLECTIONS.nominations)
        .where({ 'nominator.openid': openid })
        .orderBy('createdAt', 'desc')
        .field({ kind: true, name: true, districtName: true, status: true, nominator: true, createdAt: true })
        .limit(limit + 1),
    ),
    countDocs(db.collection(COLLECTIONS.starLikes).where({ openid })),
    countDocs(db.collection(COLLECTIONS.starVotes).where({ openid })),
    countDocs(db.collection(COLLECTIONS.outbox).where({ recipient: openid })),
    cancellableRegistrations(db, openid, now),
  ])
  const truncated = [regs, enrolments, readers, logs, ratings, nominations].some((list) => list.length > limit)
  const [r, e, rd, l, rt] = [regs, enrolments, readers, logs, ratings].map((list) => list.slice(0, limit)) as [
    RegistrationDoc[],
    EnrolmentDoc[],
    ReaderDoc[],
    ReadingLogDoc[],
    RatingDoc[],
  ]
  const regTitles = new Map(r.map((x) => [x._id, x.title]))
  const unseenRated = [...new Set(rt.filter((x) => !regTitles.has(x._id)).map((x) => x.activityId))]
  const [checkins, courses, rated] = await Promise.all([
    byIds<Pick<CheckinDoc, '_id' | 'scannedAt'>>(
      db,
      COLLECTIONS.checkins,
      r.map((x) => x._id),
      { _id: true, scannedAt: true },
    ),
    byIds<Pick<CourseDoc, '_id' | 'title'>>(db, COLLECTIONS.courses, [...new Set(e.map((x) => x.courseId))], { _id: true, title: true }),
    byIds<{ _id: string; title: string }>(db, COLLECTIONS.activities, unseenRated, { _id: true, title: true }),
  ])
  const scanned = new Map(checkins.map((c) => [c._id, ms(c.scannedAt)]))
  const courseTitle = new Map(courses.map((c) => [c._id, c.title]))
  const activityTitle = new Map(rated.map((a) => [a._id, a.title]))
  const weekMap = new Map(weeks.map((w) => [w._id, w]))

  return {
    consent: user?.consent ? { version: user.consent.version, at: ms(user.consent.at) ?? 0 } : null,
    profile: user?.profile ?? null,
    family: (user?.family ?? []).map((m) => ({
      id: m.id,
      name: m.name,
      phone: m.phone,
      ageGroup: m.ageGroup,
      relation: m.relation,
      audience: m.audience,
    })),
    roles: grants.map((g) => roleWords(g, weekMap)),
    registrations: r.map((x) => ({
      id: x._id,
      activityId: x.activityId,
      title: x.title,
      startAt: ms(x.startAt) ?? 0,
      status: x.status,
      personName: x.person.name,
      proxy: x.proxy,
      relation: x.relation,
      phone: x.person.phone ?? null,
      ageGroup: x.person.ageGroup ?? null,
      community: x.person.community ?? null,
      audience: x.person.audience ?? null,
      checkedInAt: scanned.get(x._id) ?? null,
      createdAt: ms(x.createdAt) ?? 0,
    })),
    enrolments: e.map((x) => ({
      courseId: x.courseId,
      title: courseTitle.get(x.courseId) ?? '',
      learnerName: x.learnerName,
      lessonsDone: x.lessonsDone,
      completedAt: ms(x.completedAt),
      certificateNo: x.certificateNo,
    })),
    reading: rd.map((x) => ({
      weekId: x.weekId,
      name: x.name,
      totalMinutes: x.totalMinutes,
      totalLogs: x.totalLogs,
      boardName: x.board?.name ?? null,
    })),
    readingLogs: l.map((x) => ({ bookTitle: x.bookTitle, day: x.day, minutes: x.minutes, note: x.note })),
    ratings: rt.map((x) => ({
      registrationId: x._id,
      title: regTitles.get(x._id) ?? activityTitle.get(x.activityId) ?? '',
      choice: x.level,
      comment: x.comment,
      createdAt: ms(x.createdAt) ?? 0,
    })),
    nominations: nominations.slice(0, limit).map((x) => ({
      id: x._id,
      kind: x.kind,
      name: x.name,
      districtName: x.districtName,
      status: x.status,
      self: x.nominator.kind === 'self',
      contactName: x.nominator.name,
      contactPhone: x.nominator.phone,
      createdAt: ms(x.createdAt) ?? 0,
    })),
    starLikes: likes + votes,
    notices,
    upcoming: upcoming.length,
    truncated,
  }
}

/** 我的信息 (privacy.mine): the caller's own data; any signed-in caller, about themselves only. */
export function mine(ctx: ActionContext): Promise<MyData> {
  return readMyData(ctx.db, ctx.openid, ctx.now(), MY_DATA_LIMIT)
}
