// A visitor without identity (a page opened from 朋友圈, WeChat's single-page mode): the public reads
// answer (the week's editions, its activities, one activity, the courses, the book lists), drafts
// stay hidden, and everything else is UNAUTHENTICATED with nothing written.
import { startTestCloud, type TestCloud } from '../../harness'
import { createActivity, createTestWeek, writesIn, type TestWeek } from '../fixtures'

let cloud: TestCloud
let week: TestWeek
let published: string
let draft: string

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  published = await createActivity(cloud, week, { title: '公开的讲座' })
  draft = await createActivity(cloud, week, { title: '未发布的讲座', publish: false })
}, 60_000)
afterAll(() => cloud.stop())

const VISITOR = ''

test('a visitor reads the published weeks and the week’s activities, without the drafts', async () => {
  const weeks = await cloud.call('activity', 'weeks', {}, VISITOR)
  expect(weeks.ok && weeks.data.weeks.map((w) => w.id)).toContain(week.id)
  const list = await cloud.call('activity', 'list', { weekId: week.id }, VISITOR)
  expect(list.ok).toBe(true)
  const ids = list.ok ? list.data.items.map((a) => a.id) : []
  expect(ids).toContain(published)
  expect(ids).not.toContain(draft)
})

test('a visitor opens a published activity; a draft answers ACTIVITY_NOT_FOUND', async () => {
  expect(await cloud.call('activity', 'get', { id: published }, VISITOR)).toMatchObject({
    ok: true,
    data: { activity: { id: published, title: '公开的讲座' } },
  })
  expect(await cloud.call('activity', 'get', { id: draft }, VISITOR)).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOUND' })
})

test('a visitor reads the courses and the book lists (empty here), not refused', async () => {
  expect(await cloud.call('course', 'list', { weekId: week.id }, VISITOR)).toMatchObject({ ok: true, data: { courses: [] } })
  expect(await cloud.call('reading', 'lists', { weekId: week.id }, VISITOR)).toMatchObject({ ok: true, data: { lists: [] } })
})

test('a visitor cannot sign up, preview a sign-up, list their own, or manage: UNAUTHENTICATED, nothing written', async () => {
  cloud.db.resetStats()
  const calls = [
    cloud.call('signup', 'create', { activityId: published, personId: 'self' }, VISITOR),
    cloud.call('signup', 'preview', { activityId: published, personId: 'self' }, VISITOR),
    cloud.call('activity', 'mine', { weekId: week.id }, VISITOR),
    cloud.call('activity', 'publish', { id: draft }, VISITOR),
  ]
  for (const res of await Promise.all(calls)) expect(res).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  expect(writesIn(cloud.db.stats().byAction)).toBe(0)
})
