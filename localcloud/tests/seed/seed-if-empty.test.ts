// Seeding on start: an empty local cloud gets everything; one seeded before courses existed gets the
// courses, book lists and pictures added; a seeded one is left alone.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../../../cloudfunctions/_core/collections'
import { storageDirOf } from '../../gateway/storage'
import { seedBookLists, seedCourses, seedWeeks } from '../../seed/data'
import { seedIfEmpty, weekDoc } from '../../seed/seed'
import { startTestCloud, type TestCloud } from '../harness'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await startTestCloud('never')
})
afterEach(async () => {
  await cloud.stop()
})

const total = async (name: string) => ((await cloud.sdkDb.collection(name).count()) as { total: number }).total
const cover = () => path.join(storageDirOf(cloud.dataDir), 'covers', `${seedCourses[0]._id}.svg`)

test('an empty local cloud is seeded with weeks, courses, book lists and pictures', async () => {
  expect(await seedIfEmpty(cloud.sdkDb, cloud.dataDir)).toBe(true)
  expect(await total(COLLECTIONS.weeks)).toBe(seedWeeks.length)
  expect(await total(COLLECTIONS.courses)).toBe(seedCourses.length)
  expect(await total(COLLECTIONS.bookLists)).toBe(seedBookLists.length)
  expect(existsSync(cover())).toBe(true)
})

test('a local cloud seeded before courses existed gets the courses and book lists added once', async () => {
  await cloud.sdkDb.createCollection(COLLECTIONS.weeks)
  await cloud.sdkDb.collection(COLLECTIONS.weeks).add({ data: weekDoc(seedWeeks[0], new Date()) })
  expect(await seedIfEmpty(cloud.sdkDb, cloud.dataDir)).toBe(true)
  expect(await total(COLLECTIONS.weeks)).toBe(1)
  expect(await total(COLLECTIONS.courses)).toBe(seedCourses.length)
  expect(await total(COLLECTIONS.books)).toBe(seedBookLists.reduce((n, l) => n + l.books.length, 0))
  expect(existsSync(cover())).toBe(true)
  expect(await seedIfEmpty(cloud.sdkDb, cloud.dataDir)).toBe(false)
  expect(await total(COLLECTIONS.courses)).toBe(seedCourses.length)
})

test('as npm start seeds it (liveWeek) a month after the seeded weeks, the weeks are moved around that day', async () => {
  const now = new Date('2027-01-06T02:00:00Z')
  expect(await seedIfEmpty(cloud.sdkDb, cloud.dataDir, { liveWeek: true, now })).toBe(true)
  const stored = (await cloud.sdkDb.collection(COLLECTIONS.weeks).get()) as unknown as { data: { _id: string; startDate: string }[] }
  expect(Object.fromEntries(stored.data.map((w) => [w._id, w.startDate]))).toEqual({ nc2026: '2027-01-04', hn2026: '2027-01-11' })
})
