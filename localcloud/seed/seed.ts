// Fills an empty local cloud with the seeded week, through the real wx-server-sdk, so the stored
// documents have exactly the shape the cloud functions write and read. Lesson pictures, course
// covers and publicity photos go to the local cloud storage (`<dataDir>/storage`), referred to by
// their fileIDs. The Nanchang week gets what has happened in it by `now` (see attendance.ts). With
// `liveWeek` (npm start, localcloud:reset) the weeks are first moved around `now` (see shift.ts).
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ZERO_COUNTERS } from '../../src/shared/domain/counters'
import { DEFAULT_SIGNUP_FIELDS } from '../../src/shared/domain/people'
import { PRIVACY_VERSION } from '../../src/shared/domain/privacy'
import { shanghaiInstant } from '../../src/shared/domain/time'
import { zeroCourseCounters } from '../../src/shared/domain/courseProgress'
import { zeroBookCounters } from '../../src/shared/domain/reading'
import { COURSE_KINDS, COURSE_TOPICS, labelOf, topicKind } from '../../src/shared/domain/vocabulary'
import {
  COLLECTIONS,
  type ActivityDoc,
  type BookDoc,
  type BookListDoc,
  type CourseDoc,
  type LessonDoc,
  type UserDoc,
  type WeekDoc,
} from '../../cloudfunctions/_core/collections'
import {
  NANCHANG_PEOPLE,
  NANCHANG_WEEK_ID,
  renderCover,
  renderShot,
  seedActivities,
  seedBookLists,
  seedCourses,
  seedPeople,
  seedWeeks,
  shotAlt,
} from './data'
import type { SeedDistrictPeople } from './data/nanchang-people'
import type { SeedActivity, SeedBookList, SeedCourse, SeedPerson, SeedWeek } from './data/types'
import type { LocalDb } from '../gateway/sdk-client'
import { fileIdOf, storageDirOf } from '../gateway/storage'
import { countDocs } from '../../cloudfunctions/_core/read'
import { planAttendance, type SeedAttendance } from './attendance'
import { insertMany } from './records'
import { liveSeed } from './shift'

export function weekDoc(w: SeedWeek, now: Date): WeekDoc {
  return { ...w, createdAt: now, updatedAt: now }
}

export function activityDoc(a: SeedActivity, week: SeedWeek, now: Date): ActivityDoc {
  const district = week.districts.find((d) => d.code === a.districtCode)
  if (!district) throw new Error(`activity ${a._id}: district ${a.districtCode} is not in week ${week._id}`)
  const at = (day: string, clock: string) => new Date(shanghaiInstant(day, clock))
  return {
    _id: a._id,
    weekId: a.weekId,
    districtCode: a.districtCode,
    districtName: district.name,
    title: a.title,
    type: a.type,
    topics: a.topics,
    audiences: a.audiences,
    organizer: a.organizer,
    coOrganizers: a.coOrganizers,
    mode: a.mode,
    venue: a.venue,
    onlineUrl: a.onlineUrl,
    startAt: at(a.day, a.start),
    endAt: at(a.day, a.end),
    signup: a.signup
      ? {
          capacity: a.signup.capacity,
          opensAt: at(a.signup.opensDay, a.signup.opensAt),
          closesAt: at(a.signup.closesDay, a.signup.closesAt),
          cancelDeadline: at(a.signup.cancelDeadlineDay, a.signup.cancelDeadlineAt),
          fields: [...(a.signup.fields ?? DEFAULT_SIGNUP_FIELDS)],
        }
      : null,
    seatsLeft: a.signup ? a.signup.capacity : null,
    counters: { ...ZERO_COUNTERS },
    description: a.description,
    location: a.location ?? null,
    contactName: a.contactName ?? null,
    contactPhone: a.contactPhone ?? null,
    status: a.status,
    cancelReason: a.status === 'cancelled' ? '因街区临时施工封闭，本场活动取消' : null,
    createdAt: now,
    updatedAt: now,
  }
}

export function userDoc(p: SeedPerson, now: Date): UserDoc {
  return {
    _id: p._id,
    profile: p.profile,
    family: [],
    roles: p.roles,
    consent: { version: PRIVACY_VERSION, at: now },
    createdAt: now,
    updatedAt: now,
  }
}

/** Where a lesson step's picture is stored (n counts from 1). */
export const stepImagePath = (courseId: string, lessonId: string, n: number) => `lessons/${courseId}/${lessonId}-${n}.svg`
export const coverPath = (courseId: string) => `covers/${courseId}.svg`

function districtOf(week: SeedWeek, code: string, what: string) {
  const district = week.districts.find((d) => d.code === code)
  if (!district) throw new Error(`${what}: district ${code} is not in week ${week._id}`)
  return district
}

/** Activities linked from a course or book must be of the same week and district. */
function checkLinks(what: string, weekId: string, districtCode: string, activityIds: string[]): void {
  for (const id of activityIds) {
    const a = seedActivities.find((x) => x._id === id)
    if (!a || a.weekId !== weekId || a.districtCode !== districtCode) {
      throw new Error(`${what}: activity ${id} is not an activity of ${weekId}/${districtCode}`)
    }
  }
}

/** A seeded course: its document (with the lessons outline) and one document per lesson. */
export function courseDocs(c: SeedCourse, week: SeedWeek, now: Date): { course: CourseDoc; lessons: LessonDoc[] } {
  const district = districtOf(week, c.districtCode, `course ${c._id}`)
  const kind = topicKind(c.topic)
  if (!kind) throw new Error(`course ${c._id}: unknown topic ${c.topic}`)
  checkLinks(`course ${c._id}`, c.weekId, c.districtCode, c.activityIds)
  const lessons: LessonDoc[] = c.lessons.map((l) => ({
    _id: `${c._id}_${l.id}`,
    courseId: c._id,
    lessonId: l.id,
    title: l.title,
    minutes: l.minutes,
    steps: l.steps.map((s, i) => ({
      text: s.text,
      image: fileIdOf(stepImagePath(c._id, l.id, i + 1)),
      imageAlt: shotAlt(s.shot),
      videoUrl: null,
      tip: s.tip ?? null,
    })),
    updatedAt: now,
  }))
  const course: CourseDoc = {
    _id: c._id,
    weekId: c.weekId,
    districtCode: c.districtCode,
    districtName: district.name,
    kind,
    topic: c.topic,
    title: c.title,
    intro: c.intro,
    cover: fileIdOf(coverPath(c._id)),
    lessons: c.lessons.map((l) => ({ id: l.id, title: l.title, minutes: l.minutes, stepCount: l.steps.length })),
    activityIds: c.activityIds,
    status: c.status,
    counters: zeroCourseCounters(),
    createdBy: null,
    publishedAt: c.status === 'published' ? now : null,
    createdAt: now,
    updatedAt: now,
  }
  return { course, lessons }
}

/** A seeded book list: its document and its books. */
export function bookListDocs(l: SeedBookList, week: SeedWeek, now: Date): { list: BookListDoc; books: BookDoc[] } {
  const district = districtOf(week, l.districtCode, `book list ${l._id}`)
  const books: BookDoc[] = l.books.map((b) => {
    checkLinks(`book ${b._id}`, l.weekId, l.districtCode, b.activityIds)
    return {
      _id: b._id,
      listId: l._id,
      weekId: l.weekId,
      districtCode: l.districtCode,
      title: b.title,
      author: b.author,
      blurb: b.blurb,
      cover: null,
      activityIds: b.activityIds,
      status: l.status,
      counters: zeroBookCounters(),
      createdAt: now,
      updatedAt: now,
    }
  })
  const list: BookListDoc = {
    _id: l._id,
    weekId: l.weekId,
    districtCode: l.districtCode,
    districtName: district.name,
    title: l.title,
    intro: l.intro,
    bookIds: l.books.map((b) => b._id),
    status: l.status,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
  }
  return { list, books }
}

/** Every stored file of the seed (lesson pictures and course covers): storage path and content. */
export function seedFiles(): { path: string; content: string }[] {
  return seedCourses.flatMap((c) => [
    {
      path: coverPath(c._id),
      content: renderCover(
        c.title,
        labelOf(COURSE_KINDS, topicKind(c.topic) ?? ''),
        labelOf(COURSE_TOPICS, c.topic),
        topicKind(c.topic) === 'reading',
      ),
    },
    ...c.lessons.flatMap((l) => l.steps.map((s, i) => ({ path: stepImagePath(c._id, l.id, i + 1), content: renderShot(s.shot) }))),
  ])
}

/** Writes the seed's files (by default the learning ones) under `<dataDir>/storage` (overwriting); answers how many. */
export function writeSeedFiles(dataDir: string, files: { path: string; content: string }[] = seedFiles()): number {
  const root = storageDirOf(dataDir)
  for (const f of files) {
    const target = path.join(root, ...f.path.split('/'))
    mkdirSync(path.dirname(target), { recursive: true })
    writeFileSync(target, f.content)
  }
  return files.length
}

async function ensureCollections(db: LocalDb): Promise<void> {
  for (const name of Object.values(COLLECTIONS)) {
    try {
      await db.createCollection(name)
    } catch (err) {
      // Already there is fine; anything else is not.
      if (!/exist/i.test(String((err as { message?: string }).message ?? err))) throw err
    }
  }
}

async function insertAll(db: LocalDb, collection: string, docs: object[]): Promise<void> {
  // The cloud takes one document per add(); a few at a time keeps the seed quick and ordered.
  const batch = 10
  for (let i = 0; i < docs.length; i += batch) {
    await Promise.all(docs.slice(i, i + batch).map((data) => db.collection(collection).add({ data })))
  }
}

/** True when the database holds no week yet. */
export async function isEmpty(db: LocalDb): Promise<boolean> {
  try {
    return (await countDocs(db.collection(COLLECTIONS.weeks))) === 0
  } catch {
    return true
  }
}

export interface SeedOptions {
  /** The local cloud's data folder: lesson pictures are written to its storage. Absent = no files. */
  dataDir?: string
  /** The seed's clock: timestamps, and how much of the week has happened. Default: the real clock. */
  now?: Date
  /**
   * Whether the weeks get the sign-ups, check-ins, walk-ins, ratings and publicity of what has
   * happened by `now` (default true); false = every activity as before anyone signed up.
   */
  attendance?: boolean
  /**
   * Move the seeded weeks around `now` when it falls outside them (shift.ts), as `npm start` and
   * `localcloud:reset` do; default false: the fixed 2026 dates every test relies on.
   */
  liveWeek?: boolean
}

export interface SeedCounts {
  /** Days the seeded weeks were moved by (0 = their own dates). */
  shiftDays: number
  weeks: number
  activities: number
  users: number
  courses: number
  lessons: number
  bookLists: number
  books: number
  files: number
  registrations: number
  checkins: number
  walkins: number
  ratings: number
  /** waitlist_promoted notices in the outbox. */
  notices: number
  publicity: number
}

/** The weeks whose attendance is seeded, with the residents they draw on. */
const ATTENDANCE_WEEKS: { weekId: string; people: Record<string, SeedDistrictPeople> }[] = [
  { weekId: NANCHANG_WEEK_ID, people: NANCHANG_PEOPLE },
]

const noAttendance = (): SeedAttendance => ({
  users: [],
  registrations: [],
  checkins: [],
  walkins: [],
  ratings: [],
  notices: [],
  publicity: [],
  files: [],
})

/**
 * Attendance of the seeded weeks (`weeks`: the seed's own, or moved by shift.ts as the activities
 * were) up to `now`; moves the counters of the activity documents passed in.
 */
export function seedAttendance(activities: ActivityDoc[], now: Date, weeks: SeedWeek[] = seedWeeks): SeedAttendance {
  const out = noAttendance()
  for (const { weekId, people } of ATTENDANCE_WEEKS) {
    const week = weeks.find((w) => w._id === weekId)
    if (!week) throw new Error(`attendance: unknown week ${weekId}`)
    const part = planAttendance(week, people, activities, seedPeople, now)
    for (const k of Object.keys(out) as (keyof SeedAttendance)[]) (out[k] as unknown[]).push(...part[k])
  }
  return out
}

/** Courses, lessons, book lists, books and their files. */
async function seedLearning(
  db: LocalDb,
  opts: SeedOptions,
): Promise<Pick<SeedCounts, 'courses' | 'lessons' | 'bookLists' | 'books' | 'files'>> {
  const now = opts.now ?? new Date()
  const weeksById = new Map(seedWeeks.map((w) => [w._id, w]))
  const weekOf = (id: string, what: string) => {
    const week = weeksById.get(id)
    if (!week) throw new Error(`${what}: unknown week ${id}`)
    return week
  }
  const courses = seedCourses.map((c) => courseDocs(c, weekOf(c.weekId, `course ${c._id}`), now))
  const lists = seedBookLists.map((l) => bookListDocs(l, weekOf(l.weekId, `book list ${l._id}`), now))
  const files = opts.dataDir ? writeSeedFiles(opts.dataDir) : 0
  const lessons = courses.flatMap((c) => c.lessons)
  const books = lists.flatMap((l) => l.books)
  await insertAll(
    db,
    COLLECTIONS.courses,
    courses.map((c) => c.course),
  )
  await insertAll(db, COLLECTIONS.lessons, lessons)
  await insertAll(
    db,
    COLLECTIONS.bookLists,
    lists.map((l) => l.list),
  )
  await insertAll(db, COLLECTIONS.books, books)
  return { courses: courses.length, lessons: lessons.length, bookLists: lists.length, books: books.length, files }
}

export async function seedAll(db: LocalDb, opts: SeedOptions = {}): Promise<SeedCounts> {
  const now = opts.now ?? new Date()
  await ensureCollections(db)
  const fixed = { weeks: seedWeeks, activities: seedActivities }
  const { days, seed } = opts.liveWeek ? liveSeed(fixed, now.getTime()) : { days: 0, seed: fixed }
  const weeksById = new Map(seed.weeks.map((w) => [w._id, w]))
  const activities = seed.activities.map((a) => {
    const week = weeksById.get(a.weekId)
    if (!week) throw new Error(`activity ${a._id}: unknown week ${a.weekId}`)
    return activityDoc(a, week, now)
  })
  const attendance = opts.attendance === false ? noAttendance() : seedAttendance(activities, now, seed.weeks)
  await insertAll(
    db,
    COLLECTIONS.weeks,
    seed.weeks.map((w) => weekDoc(w, now)),
  )
  await insertAll(db, COLLECTIONS.activities, activities)
  await insertAll(
    db,
    COLLECTIONS.users,
    seedPeople.map((p) => userDoc(p, now)),
  )
  await insertMany(db, COLLECTIONS.users, attendance.users, 500)
  await insertMany(db, COLLECTIONS.registrations, attendance.registrations, 500)
  await insertMany(db, COLLECTIONS.outbox, attendance.notices, 500)
  await insertMany(db, COLLECTIONS.checkins, attendance.checkins, 500)
  await insertMany(db, COLLECTIONS.walkins, attendance.walkins, 500)
  await insertMany(db, COLLECTIONS.ratings, attendance.ratings, 500)
  await insertMany(db, COLLECTIONS.publicity, attendance.publicity, 500)
  const photos = opts.dataDir ? writeSeedFiles(opts.dataDir, attendance.files) : 0
  const learning = await seedLearning(db, { ...opts, now })
  return {
    shiftDays: days,
    weeks: seed.weeks.length,
    activities: activities.length,
    users: seedPeople.length + attendance.users.length,
    ...learning,
    files: learning.files + photos,
    registrations: attendance.registrations.length,
    checkins: attendance.checkins.length,
    walkins: attendance.walkins.length,
    ratings: attendance.ratings.length,
    notices: attendance.notices.length,
    publicity: attendance.publicity.length,
  }
}

/**
 * Seeds an empty database. A database seeded before courses existed gets the courses and book
 * lists (and their pictures) added, so an old data folder need not be reset.
 */
export async function seedIfEmpty(db: LocalDb, dataDir?: string, opts: Pick<SeedOptions, 'now' | 'liveWeek'> = {}): Promise<boolean> {
  if (await isEmpty(db)) {
    await seedAll(db, { ...opts, dataDir })
    return true
  }
  let courses = 0
  try {
    courses = await countDocs(db.collection(COLLECTIONS.courses))
  } catch {
    courses = 0
  }
  if (courses > 0) return false
  await ensureCollections(db)
  await seedLearning(db, { dataDir })
  return true
}
