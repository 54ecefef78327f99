// Fills an empty local cloud with the seeded week, through the real wx-server-sdk, so the stored
// documents have exactly the shape the cloud functions write and read.
import { ZERO_COUNTERS } from '../../src/shared/domain/counters'
import { DEFAULT_SIGNUP_FIELDS } from '../../src/shared/domain/people'
import { shanghaiInstant } from '../../src/shared/domain/time'
import { COLLECTIONS, type ActivityDoc, type UserDoc, type WeekDoc } from '../../cloudfunctions/_core/collections'
import { seedActivities, seedPeople, seedWeeks } from './data'
import type { SeedActivity, SeedPerson, SeedWeek } from './data/types'
import type { LocalDb } from '../gateway/sdk-client'
import { countDocs } from '../../cloudfunctions/_core/read'

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
          fields: [...DEFAULT_SIGNUP_FIELDS],
        }
      : null,
    seatsLeft: a.signup ? a.signup.capacity : null,
    counters: { ...ZERO_COUNTERS },
    description: a.description,
    status: a.status,
    cancelReason: a.status === 'cancelled' ? '因街区临时施工封闭，本场活动取消' : null,
    createdAt: now,
    updatedAt: now,
  }
}

export function userDoc(p: SeedPerson, now: Date): UserDoc {
  return { _id: p._id, profile: p.profile, family: [], roles: p.roles, createdAt: now, updatedAt: now }
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

export async function seedAll(db: LocalDb, now = new Date()): Promise<{ weeks: number; activities: number; users: number }> {
  await ensureCollections(db)
  const weeksById = new Map(seedWeeks.map((w) => [w._id, w]))
  const activities = seedActivities.map((a) => {
    const week = weeksById.get(a.weekId)
    if (!week) throw new Error(`activity ${a._id}: unknown week ${a.weekId}`)
    return activityDoc(a, week, now)
  })
  await insertAll(db, COLLECTIONS.weeks, seedWeeks.map((w) => weekDoc(w, now)))
  await insertAll(db, COLLECTIONS.activities, activities)
  await insertAll(db, COLLECTIONS.users, seedPeople.map((p) => userDoc(p, now)))
  return { weeks: seedWeeks.length, activities: activities.length, users: seedPeople.length }
}

export async function seedIfEmpty(db: LocalDb): Promise<boolean> {
  if (!(await isEmpty(db))) return false
  await seedAll(db)
  return true
}
