// The local cloud storage over HTTP: GET /storage/<path> serves the seeded lesson pictures, and
// nothing outside the storage folder.
import { existsSync } from 'node:fs'
import { request } from 'node:http'
import path from 'node:path'
import { COLLECTIONS, type CourseDoc, type LessonDoc } from '../../../cloudfunctions/_core/collections'
import { storageDirOf } from '../../gateway/storage'
import { seedCourses, seedBookLists } from '../../seed/data'
import { startTestCloud, type TestCloud } from '../harness'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud.stop()
})

const get = (p: string) => fetch(`${cloud.gateway.url}${p}`)

/** A request whose path is sent as written (fetch would resolve the `..`). */
function rawGet(p: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: cloud.gateway.port, path: p, method: 'GET' }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', reject)
    req.end()
  })
}

test('a stored lesson picture answers 200 image/svg+xml with cache headers', async () => {
  const res = await get('/storage/lessons/nc2026-donghu-travel/l1-1.svg')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('image/svg+xml')
  expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/)
  expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[\s\S]*<\/svg>$/)
})

test('HEAD answers the headers without a body', async () => {
  const res = await fetch(`${cloud.gateway.url}/storage/covers/nc2026-donghu-travel.svg`, { method: 'HEAD' })
  expect(res.status).toBe(200)
  expect(Number(res.headers.get('content-length'))).toBeGreaterThan(100)
})

test('a missing file answers 404', async () => {
  expect((await get('/storage/lessons/nc2026-donghu-travel/l9-1.svg')).status).toBe(404)
})

test('a folder or a file of another type answers 404', async () => {
  expect((await get('/storage/lessons')).status).toBe(404)
  expect((await get('/storage/lessons/nc2026-donghu-travel/l1-1.txt')).status).toBe(404)
})

test('an encoded .. answers 400', async () => {
  expect((await get('/storage/..%2Flocalcloud-db.sqlite')).status).toBe(400)
  expect((await get('/storage/lessons%2F..%2F..%2Flocalcloud-db.sqlite')).status).toBe(400)
  expect((await get('/storage/%2e%2e%5clocalcloud-db.sqlite')).status).toBe(400)
})

test('a raw .. never reaches a file outside the storage folder', async () => {
  expect(existsSync(path.join(cloud.dataDir, 'localcloud-db.sqlite'))).toBe(true)
  expect(await rawGet('/storage/../localcloud-db.sqlite')).toBe(404)
  expect(await rawGet('/storage/lessons/../../localcloud-db.sqlite')).toBe(404)
})

test('a write method answers 405', async () => {
  const res = await fetch(`${cloud.gateway.url}/storage/lessons/nc2026-donghu-travel/l1-1.svg`, { method: 'PUT', body: 'x' })
  expect(res.status).toBe(405)
})

test('the seeded database holds every course, lesson, list and book, each picture stored', async () => {
  const courses = ((await cloud.sdkDb.collection(COLLECTIONS.courses).limit(1000).get()) as unknown as { data: CourseDoc[] }).data
  const lessons = ((await cloud.sdkDb.collection(COLLECTIONS.lessons).limit(1000).get()) as unknown as { data: LessonDoc[] }).data
  const lists = await cloud.sdkDb.collection(COLLECTIONS.bookLists).count()
  const books = await cloud.sdkDb.collection(COLLECTIONS.books).count()
  expect(courses.map((c) => c._id).sort()).toEqual(seedCourses.map((c) => c._id).sort())
  expect(lessons).toHaveLength(seedCourses.reduce((n, c) => n + c.lessons.length, 0))
  expect((lists as { total: number }).total).toBe(seedBookLists.length)
  expect((books as { total: number }).total).toBe(seedBookLists.reduce((n, l) => n + l.books.length, 0))
  const root = storageDirOf(cloud.dataDir)
  const refs = [...courses.map((c) => c.cover!), ...lessons.flatMap((l) => l.steps.map((s) => s.image!))]
  const missing = refs.filter((ref) => !existsSync(path.join(root, ...ref.replace('cloud://localcloud/', '').split('/'))))
  expect(missing).toEqual([])
})
