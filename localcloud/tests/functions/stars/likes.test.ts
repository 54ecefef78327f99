// stars.like and stars.vote: counted exactly once per person per entry per Shanghai day, under a
// rush, on the next day again, and under a call cut off at each of its database requests.
import { EventEmitter } from 'node:events'
import { shanghaiDayRange } from '../../../../src/shared/domain/time'
import { startTestCloud, type TestCloud } from '../../harness'
import { MODES, repairLater } from '../faultFixtures'
import { createTestWeek, dayFromToday, writesIn, type TestWeek } from '../fixtures'
import { addNominations, callAt, countsOf, setVote } from './publicSetup'

const HOUR = 3_600_000

let cloud: TestCloud
let week: TestWeek
const defaultMaxListeners = EventEmitter.defaultMaxListeners

beforeAll(async () => {
  EventEmitter.defaultMaxListeners = 0
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
}, 60_000)
afterAll(async () => {
  EventEmitter.defaultMaxListeners = defaultMaxListeners
  await cloud.stop()
})
afterEach(() => jest.restoreAllMocks())

const publishedEntry = async () => (await addNominations(cloud, [{ weekId: week.id }]))[0]

describe('likes', () => {
  test('500 different residents liking at once count 500 likes and leave 500 like records', async () => {
    const id = await publishedEntry()
    const people = Array.from({ length: 500 }, (_, i) => `rush-resident-${i}`)
    const answers = await Promise.all(people.map((p) => cloud.call('stars', 'like', { id }, p)))
    expect(answers.filter((a) => a.ok && a.data.counted)).toHaveLength(500)
    expect(await countsOf(cloud, id)).toEqual({ likes: 500, likeDocs: 500, votes: 0, voteDocs: 0, pending: 0 })
  }, 120_000)

  test('one resident tapping 20 times at once is counted once', async () => {
    const id = await publishedEntry()
    const answers = await Promise.all(Array.from({ length: 20 }, () => cloud.call('stars', 'like', { id }, 'tapper')))
    expect(answers.every((a) => a.ok && a.data.likedToday)).toBe(true)
    expect(answers.filter((a) => a.ok && a.data.counted)).toHaveLength(1)
    expect(await countsOf(cloud, id)).toMatchObject({ likes: 1, likeDocs: 1, pending: 0 })
  }, 60_000)

  test('a second like the same day answers counted false and writes nothing', async () => {
    const id = await publishedEntry()
    const first = await cloud.call('stars', 'like', { id }, 'dev-resident')
    expect(first).toMatchObject({ ok: true, data: { likes: 1, likedToday: true, counted: true } })
    cloud.db.resetStats()
    const again = await cloud.call('stars', 'like', { id }, 'dev-resident')
    expect(again).toMatchObject({ ok: true, data: { likes: 1, likedToday: true, counted: false } })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  })

  test('the next Shanghai day counts the same resident again', async () => {
    const id = await publishedEntry()
    const today = shanghaiDayRange(dayFromToday(0)).start
    expect(await callAt(today + 23 * HOUR, 'dev-resident', 'like', { id })).toMatchObject({ ok: true, data: { counted: true, likes: 1 } })
    expect(await callAt(today + 23 * HOUR + 59 * 60_000, 'dev-resident', 'like', { id })).toMatchObject({
      ok: true,
      data: { counted: false },
    })
    // 00:01 in Shanghai the next day.
    expect(await callAt(today + 24 * HOUR + 60_000, 'dev-resident', 'like', { id })).toMatchObject({
      ok: true,
      data: { counted: true, likes: 2 },
    })
    expect(await countsOf(cloud, id)).toMatchObject({ likes: 2, likeDocs: 2 })
  })

  test.each([
    ['a draft', { status: 'draft' as const }],
    ['a declined entry', { status: 'declined' as const }],
    ['a hidden entry', { hidden: true }],
    ['a selected, unpublished entry', { status: 'selected' as const }],
    ['a recommended entry outside the vote phase', { status: 'recommended' as const }],
  ])('%s cannot be liked: ENTRY_NOT_FOUND, nothing written', async (_name, seed) => {
    const [id] = await addNominations(cloud, [{ weekId: week.id, ...seed }])
    cloud.db.resetStats()
    expect(await cloud.call('stars', 'like', { id }, 'dev-resident')).toMatchObject({ ok: false, code: 'ENTRY_NOT_FOUND' })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    expect(await cloud.call('stars', 'like', { id: 'no-such-entry' }, 'dev-resident')).toMatchObject({ ok: false, code: 'ENTRY_NOT_FOUND' })
  })

  test('a visitor without identity cannot like', async () => {
    const id = await publishedEntry()
    expect(await cloud.call('stars', 'like', { id }, '')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
    expect(await countsOf(cloud, id)).toMatchObject({ likes: 0, likeDocs: 0 })
  })
})

describe('a like cut off at each of its database requests', () => {
  test.each(MODES)(
    '%s: a retry counts it once, and the repair leaves likes equal to like records',
    async (mode) => {
      const probe = await publishedEntry()
      const clean = await cloud.callWithFault('stars', 'like', { id: probe }, 'fault-probe', {})
      expect(clean.answer).toMatchObject({ ok: true, data: { counted: true } })
      const requests = clean.requests
      expect(requests).toBeGreaterThanOrEqual(4)
      for (let at = 1; at <= requests; at++) {
        const id = await publishedEntry()
        const who = `fault-${mode}-${at}`
        const cut = await cloud.callWithFault('stars', 'like', { id }, who, { at, mode })
        expect(cut.answer).toBeNull()
        const retry = await cloud.call('stars', 'like', { id }, who)
        expect(retry).toMatchObject({ ok: true, data: { likedToday: true } })
        const after = await countsOf(cloud, id)
        expect([at, after.likes, after.likeDocs]).toEqual([at, 1, 1])
      }
      // Cut off without a retry: the repair settles or reverts what was left.
      const left: string[] = []
      for (let at = 1; at <= requests; at++) {
        const id = await publishedEntry()
        left.push(id)
        await cloud.callWithFault('stars', 'like', { id }, `left-${mode}-${at}`, { at, mode })
      }
      await repairLater()
      for (const id of left) {
        const c = await countsOf(cloud, id)
        expect(c.pending).toBe(0)
        expect(c.likes).toBe(c.likeDocs)
      }
    },
    120_000,
  )
})

describe('votes', () => {
  const open = () => setVote(cloud, week.id, { opensOn: dayFromToday(-1), closesOn: dayFromToday(1) })

  test('a vote outside the vote phase answers VOTE_CLOSED and writes nothing', async () => {
    const [id] = await addNominations(cloud, [{ weekId: week.id, status: 'recommended' }])
    await setVote(cloud, week.id, { opensOn: dayFromToday(1), closesOn: dayFromToday(3) })
    cloud.db.resetStats()
    expect(await cloud.call('stars', 'vote', { id }, 'dev-resident')).toMatchObject({ ok: false, code: 'VOTE_CLOSED' })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
    await setVote(cloud, week.id, null)
    cloud.db.resetStats()
    expect(await cloud.call('stars', 'vote', { id }, 'dev-resident')).toMatchObject({ ok: false, code: 'VOTE_CLOSED' })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  })

  test('in the vote phase a recommended entry takes one vote per person per day', async () => {
    await open()
    const [id] = await addNominations(cloud, [{ weekId: week.id, status: 'recommended' }])
    const today = shanghaiDayRange(dayFromToday(0)).start
    expect(await callAt(today + HOUR, 'voter', 'vote', { id })).toMatchObject({
      ok: true,
      data: { votes: 1, votedToday: true, counted: true },
    })
    expect(await callAt(today + 2 * HOUR, 'voter', 'vote', { id })).toMatchObject({ ok: true, data: { votes: 1, counted: false } })
    expect(await callAt(today + 25 * HOUR, 'voter', 'vote', { id })).toMatchObject({ ok: true, data: { votes: 2, counted: true } })
    const rush = await Promise.all(Array.from({ length: 30 }, (_, i) => cloud.call('stars', 'vote', { id }, `voter-${i % 10}`)))
    expect(rush.filter((a) => a.ok && a.data.counted)).toHaveLength(10)
    expect(await countsOf(cloud, id)).toMatchObject({ votes: 12, voteDocs: 12, likes: 0, pending: 0 })
  })

  test('a published entry takes no votes (VOTE_CLOSED); a hidden or declined one is not found', async () => {
    await open()
    const [published, hidden, declined] = await addNominations(cloud, [
      { weekId: week.id },
      { weekId: week.id, status: 'recommended', hidden: true },
      { weekId: week.id, status: 'declined' },
    ])
    expect(await cloud.call('stars', 'vote', { id: published }, 'dev-resident')).toMatchObject({ ok: false, code: 'VOTE_CLOSED' })
    expect(await cloud.call('stars', 'vote', { id: hidden }, 'dev-resident')).toMatchObject({ ok: false, code: 'ENTRY_NOT_FOUND' })
    expect(await cloud.call('stars', 'vote', { id: declined }, 'dev-resident')).toMatchObject({ ok: false, code: 'ENTRY_NOT_FOUND' })
  })

  test.each(MODES)(
    'a vote cut off at each request (%s): a retry counts it once, the repair leaves votes equal to vote records',
    async (mode) => {
      await open()
      const [probe] = await addNominations(cloud, [{ weekId: week.id, status: 'recommended' }])
      const { requests } = await cloud.callWithFault('stars', 'vote', { id: probe }, 'vote-probe', {})
      const left: string[] = []
      for (let at = 1; at <= requests; at++) {
        const [retried, leftAlone] = await addNominations(cloud, [
          { weekId: week.id, status: 'recommended' },
          { weekId: week.id, status: 'recommended' },
        ])
        await cloud.callWithFault('stars', 'vote', { id: retried }, `vote-${mode}-${at}`, { at, mode })
        expect(await cloud.call('stars', 'vote', { id: retried }, `vote-${mode}-${at}`)).toMatchObject({
          ok: true,
          data: { votedToday: true },
        })
        expect(await countsOf(cloud, retried)).toMatchObject({ votes: 1, voteDocs: 1 })
        await cloud.callWithFault('stars', 'vote', { id: leftAlone }, `vote-left-${mode}-${at}`, { at, mode })
        left.push(leftAlone)
      }
      await repairLater()
      for (const id of left) {
        const c = await countsOf(cloud, id)
        expect([c.pending, c.votes]).toEqual([0, c.voteDocs])
      }
    },
    60_000,
  )

  test('in the vote phase a recommended entry can be liked too', async () => {
    await open()
    const [id] = await addNominations(cloud, [{ weekId: week.id, status: 'recommended' }])
    expect(await cloud.call('stars', 'like', { id }, 'dev-resident')).toMatchObject({ ok: true, data: { likes: 1, counted: true } })
  })
})
