// Shared set-up of the sign-up and organiser tests: a test week dated relative to the real clock
// (so the tests do not rot when 2026 has passed), organisers granted on it, activities created
// through the organiser actions, people with stored profiles, and the "nothing was written" proof.
import { recount } from '../../../src/shared/domain/counters'
import { PRIVACY_VERSION } from '../../../src/shared/domain/privacy'
import { shanghaiDate, shanghaiDayRange, shanghaiInstant } from '../../../src/shared/domain/time'
import type { InputOf } from '../../../src/shared/contracts'
import type { LocalCloud } from '../../local-cloud'
import type { TestCloud } from '../harness'

const HOUR = 3_600_000
const DAY = 24 * HOUR

export const WRITE_ACTIONS = [
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.updateDocument',
  'database.removeDocument',
  'database.deleteDocument',
]
export const writesIn = (byAction: Record<string, number>) => WRITE_ACTIONS.reduce((n, a) => n + (byAction[a] ?? 0), 0)

/** A Shanghai day `n` days from today. */
export const dayFromToday = (n: number) => shanghaiDate(shanghaiDayRange(shanghaiDate(Date.now())).start + n * DAY + HOUR)

export const ADMIN = 'dev-admin'
export const ORGANISER = 'dev-organiser'
/** Organiser of the other district of the test week. */
export const OTHER_ORGANISER = 'test-organiser-west'

let weekSeq = 0

export interface TestWeek {
  id: string
  /** Day 2 of the week: where test activities take place. */
  day: string
}

/** The week.create input of a published test week `id` starting the day after tomorrow. */
export function weekCreateInput(id: string): InputOf<'activity', 'week.create'> {
  return {
    id,
    name: '测试活动周',
    level: 'city',
    region: '测试市',
    theme: '终身学习 测试',
    startDate: dayFromToday(2),
    endDate: dayFromToday(8),
    districts: [
      { code: 'east', name: '东区' },
      { code: 'west', name: '西区' },
    ],
    summaryDeadline: dayFromToday(12),
    organiser: '测试市教育局',
    contacts: [{ name: '联系人', unit: '测试市教育局', phone: '0791-00000000' }],
    status: 'published',
  }
}

/**
 * A published week starting the day after tomorrow, created by the bureau admin through
 * `activity.week.create`, with dev-organiser running district `east` and another organiser `west`.
 */
export async function createTestWeek(cloud: TestCloud): Promise<TestWeek> {
  const id = `t${Date.now().toString(36)}${weekSeq++}`
  const res = await cloud.call('activity', 'week.create', weekCreateInput(id), ADMIN)
  if (!res.ok) throw new Error(`week.create failed: ${JSON.stringify(res)}`)
  const db: any = cloud.sdkDb
  const _ = db.command
  await db
    .collection('users')
    .doc(ORGANISER)
    .update({ data: { roles: _.push([{ role: 'organiser', weekId: id, districtCode: 'east' }]) } })
  const now = new Date()
  const grant = { role: 'organiser', weekId: id, districtCode: 'west' }
  try {
    await db.collection('users').add({ data: { _id: OTHER_ORGANISER, roles: [grant], family: [], createdAt: now, updatedAt: now } })
  } catch {
    await db
      .collection('users')
      .doc(OTHER_ORGANISER)
      .update({ data: { roles: _.push([grant]) } })
  }
  return { id, day: dayFromToday(3) }
}

/** A field a sign-up form asks for. */
export type SignupField = NonNullable<NonNullable<InputOf<'activity', 'create'>['signup']>['fields']>[number]

export interface ActivityOptions {
  district?: 'east' | 'west'
  capacity?: number | null
  start?: string
  hours?: number
  opensAt?: number
  closesAt?: number
  cancelDeadline?: number
  fields?: SignupField[]
  title?: string
  publish?: boolean
  as?: string
  extra?: Partial<InputOf<'activity', 'create'>>
}

/** The create input of a test activity on the week's day 2 at 10:00 (or `start`). */
export function activityInput(week: TestWeek, o: ActivityOptions = {}): InputOf<'activity', 'create'> {
  const startAt = shanghaiInstant(week.day, o.start ?? '10:00')
  const endAt = startAt + (o.hours ?? 2) * HOUR
  const capacity = o.capacity === undefined ? 30 : o.capacity
  return {
    weekId: week.id,
    districtCode: o.district ?? 'east',
    title: o.title ?? '测试活动：手机课堂',
    type: 'smart_senior',
    topics: ['science_culture'],
    audiences: ['seniors', 'residents'],
    organizer: '东区社区学院',
    coOrganizers: ['某街道'],
    mode: 'offline',
    venue: { name: '东区社区学校', address: '测试市东区一路1号' },
    onlineUrl: null,
    startAt,
    endAt,
    signup:
      capacity === null
        ? null
        : {
            capacity,
            opensAt: o.opensAt ?? Date.now() - HOUR,
            closesAt: o.closesAt ?? startAt - 2 * HOUR,
            cancelDeadline: o.cancelDeadline ?? startAt - DAY,
            fields: o.fields ?? ['name', 'phone', 'ageGroup'],
          },
    description: '测试用活动。',
    ...o.extra,
  }
}

/** Creates (and by default publishes) a test activity as its district's organiser; its id. */
export async function createActivity(cloud: TestCloud, week: TestWeek, o: ActivityOptions = {}): Promise<string> {
  const as = o.as ?? (o.district === 'west' ? OTHER_ORGANISER : ORGANISER)
  const created = await cloud.call('activity', 'create', activityInput(week, o), as)
  if (!created.ok) throw new Error(`activity.create failed: ${JSON.stringify(created)}`)
  const id = created.data.activity.id
  if (o.publish !== false) {
    const published = await cloud.call('activity', 'publish', { id }, as)
    if (!published.ok) throw new Error(`activity.publish failed: ${JSON.stringify(published)}`)
  }
  return id
}

export const profileOf = (i: number): NonNullable<InputOf<'signup', 'create'>['profile']> => ({
  name: `居民${i}`,
  phone: `139${String(i).padStart(8, '0')}`,
  ageGroup: '40-59',
  community: '测试街道幸福社区',
  audience: 'residents',
})

/** A stored consent to the privacy guide's current version, given at `at` (as consent.record stores it). */
export const currentConsent = (at: Date = new Date()) => ({ version: PRIVACY_VERSION, at })

/**
 * `openid` agrees to the privacy guide's current version through privacy.consent.record (as the
 * consent sheet's agree button does): needed before a sign-up, family member or profile it types.
 */
export async function agree(cloud: Pick<TestCloud, 'call'>, openid: string): Promise<void> {
  const res = await cloud.call('privacy', 'consent.record', { version: PRIVACY_VERSION }, openid)
  if (!res.ok) throw new Error(`privacy.consent.record as ${openid} failed: ${JSON.stringify(res)}`)
}

/** People `<prefix>-<i>` with a stored profile and consent (returning residents), written in batches. */
export async function seedResidents(cloud: TestCloud, prefix: string, count: number): Promise<string[]> {
  const db: any = cloud.sdkDb
  const now = new Date()
  const ids = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
  for (let i = 0; i < count; i += 200) {
    const data = ids.slice(i, i + 200).map((id, j) => ({
      _id: id,
      profile: profileOf(i + j),
      family: [],
      roles: [],
      consent: currentConsent(now),
      createdAt: now,
      updatedAt: now,
    }))
    await db.collection('users').add({ data })
  }
  return ids
}

/** Every document of a collection (paged: a read answers at most 1000). */
export async function allDocs(cloud: Pick<LocalCloud, 'sdkDb'>, collection: string, where: Record<string, unknown> = {}): Promise<any[]> {
  const db: any = cloud.sdkDb
  const _ = db.command
  const out: any[] = []
  let after = ''
  for (;;) {
    const res = await db
      .collection(collection)
      .where(_.and([where, { _id: _.gt(after) }]))
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()
    out.push(...res.data)
    if (res.data.length < 1000) return out
    after = res.data[res.data.length - 1]._id
  }
}

export async function activityDoc(cloud: TestCloud, id: string): Promise<any> {
  const db: any = cloud.sdkDb
  return (await db.collection('activities').doc(id).get()).data
}

/**
 * What is wrong with an activity now (all 0 when sound): seats held by no confirmed registration
 * plus free seats while people wait (`orphaned`), kept counters and seatsLeft that differ from a
 * recount of its registrations (`differences`), pending journal entries, and second registrations
 * of a person (`duplicates`). Shared by the fault tests and the signup.crash bench.
 */
export async function seatAudit(cloud: Pick<LocalCloud, 'sdkDb'>, activityId: string) {
  const [act] = await allDocs(cloud, 'activities', { _id: activityId })
  const regs = await allDocs(cloud, 'registrations', { activityId })
  const counted = recount(regs)
  const capacity = act.signup.capacity as number
  const heldByNobody = Math.max(0, capacity - counted.confirmed - act.seatsLeft)
  const freeWhileWaiting = counted.waitlisted > 0 ? Math.max(0, act.seatsLeft) : 0
  let differences = act.seatsLeft === capacity - counted.confirmed ? 0 : 1
  for (const k of Object.keys(counted) as (keyof typeof counted)[]) if ((act.counters?.[k] ?? 0) !== counted[k]) differences++
  const people = new Set(regs.map((r) => r.personId))
  return {
    orphaned: heldByNobody + freeWhileWaiting,
    differences,
    pending: Object.keys(act.pending ?? {}).length,
    duplicates: regs.length - people.size,
    counted,
  }
}

const COLLECTIONS = ['weeks', 'activities', 'users', 'registrations', 'outbox']

/** All stored data, to compare before and after a refused call. */
export async function storedState(cloud: TestCloud): Promise<string> {
  const parts = await Promise.all(COLLECTIONS.map((c) => allDocs(cloud, c)))
  return JSON.stringify(parts)
}

/**
 * Runs a call that must be refused with `code` and proves it wrote nothing: no write request
 * reached the database and every stored document is as it was.
 */
export async function expectRefusedWithoutWrites(
  cloud: TestCloud,
  code: string,
  call: () => Promise<{ ok: boolean; code?: string }>,
): Promise<void> {
  const before = await storedState(cloud)
  cloud.db.resetStats()
  const res = await call()
  const stats = cloud.db.stats()
  expect(res).toMatchObject({ ok: false, code })
  expect(writesIn(stats.byAction)).toBe(0)
  expect(await storedState(cloud)).toBe(before)
}

export interface ReconcileRun {
  /** Every call's differences, in the order found. */
  differences: any[]
  /** The calls' `checked`, added up. */
  checked: { activities: number; districts: number; courses: number; books: number }
  /** Each call's progress, in order (the last one is done = total). */
  progress: { done: number; total: number }[]
  calls: number
}

/**
 * Drives stats.reconcile from the first call to the last (cursor null), as `openid`; fails on a
 * refused call, and after `maxCalls` calls (a cursor that never ends).
 */
export async function reconcileAll(
  cloud: TestCloud,
  weekId: string,
  openid: string,
  maxCalls = 10_000,
  repair = false,
): Promise<ReconcileRun> {
  const run: ReconcileRun = { differences: [], checked: { activities: 0, districts: 0, courses: 0, books: 0 }, progress: [], calls: 0 }
  let cursor: string | undefined
  do {
    if (run.calls >= maxCalls) throw new Error(`stats.reconcile did not end within ${maxCalls} calls`)
    const res = await cloud.call('stats', 'reconcile', { weekId, ...(cursor ? { cursor } : {}), ...(repair ? { repair } : {}) }, openid)
    if (!res.ok) throw new Error(`stats.reconcile as ${openid} failed: ${JSON.stringify(res)}`)
    run.calls++
    run.differences.push(...res.data.differences)
    for (const k of ['activities', 'districts', 'courses', 'books'] as const) run.checked[k] += res.data.checked[k]
    run.progress.push(res.data.progress)
    cursor = res.data.cursor ?? undefined
  } while (cursor)
  return run
}
