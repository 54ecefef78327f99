// The resident reads of the `activity` function (src/weeks.ts, list.ts, get.ts), bundled as uploaded, through the real
// wx-server-sdk against the local cloud.
import { seedActivities, seedWeeks } from '../../../seed/data'
import { canStillJoin, hasEnded } from '../../../../src/shared/domain/signupRules'
import { startTestCloud, type InputOf, type TestCloud } from '../../harness'
import { allDocs } from '../fixtures'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud()
})
afterAll(async () => {
  await cloud.stop()
})

const visible = (weekId: string) => seedActivities.filter((a) => a.weekId === weekId && a.status !== 'draft')

async function listAll(input: InputOf<'activity', 'list'>) {
  const items: any[] = []
  let cursor: string | undefined
  for (let page = 0; page < 100; page++) {
    const res = await cloud.call('activity', 'list', { ...input, ...(cursor ? { cursor } : {}) })
    expect(res.ok).toBe(true)
    items.push(...res.data.items)
    cursor = res.data.nextCursor ?? undefined
    if (!cursor) break
  }
  return items
}

describe('activity.weeks', () => {
  test('lists the published weeks earliest first with their districts', async () => {
    const res = await cloud.call('activity', 'weeks', {})
    expect(res.ok).toBe(true)
    const expected = [...seedWeeks].sort((a, b) => a.startDate.localeCompare(b.startDate))
    expect(res.data.weeks.map((w) => w.id)).toEqual(expected.map((w) => w._id))
    const nc = res.data.weeks.find((w) => w.id === 'nc2026')
    expect(nc!.districts.map((d) => d.name)).toContain('东湖区')
    expect(nc!.summaryDeadline).toBe('2026-12-10')
  })
})

describe('activity.list', () => {
  test('a day filter returns exactly that Shanghai day, by start time, without drafts', async () => {
    const items = await listAll({ weekId: 'nc2026', date: '2026-12-01', limit: 50 })
    const expected = visible('nc2026').filter((a) => a.day === '2026-12-01')
    expect(expected.length).toBeGreaterThan(0)
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((a) => a._id).sort())
    const starts = items.map((i) => i.startAt)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
  })

  test('district and type filters combine', async () => {
    const sample = visible('nc2026').find((a) => a.districtCode === 'donghu')!
    const items = await listAll({ weekId: 'nc2026', districtCode: 'donghu', type: sample.type })
    const expected = visible('nc2026').filter((a) => a.districtCode === 'donghu' && a.type === sample.type)
    expect(items.map((i) => i.id).sort()).toEqual(expected.map((a) => a._id).sort())
    expect(items.every((i) => i.districtName === '东湖区')).toBe(true)
  })

  test('cursor paging walks the whole week once, each page one database read', async () => {
    cloud.db.resetStats()
    const items = await listAll({ weekId: 'nc2026', limit: 7 })
    const stats = cloud.db.stats()
    const expected = visible('nc2026')
    expect(items).toHaveLength(expected.length)
    expect(new Set(items.map((i) => i.id)).size).toBe(expected.length)
    // limit + 1 is fetched to know whether a next page exists, so pages = ceil(n / 7) reads.
    expect(stats.total).toBe(Math.ceil(expected.length / 7))
    expect(stats.byAction['database.getDocument']).toBe(stats.total)
  })

  test('drafts never appear and cancelled activities show as cancelled', async () => {
    const items = await listAll({ weekId: 'nc2026' })
    const draft = seedActivities.find((a) => a.status === 'draft')!
    expect(items.some((i) => i.id === draft._id)).toBe(false)
    const cancelled = seedActivities.find((a) => a.weekId === 'nc2026' && a.status === 'cancelled')!
    expect(items.find((i) => i.id === cancelled._id)?.status).toBe('cancelled')
  })

  test('seats left equal capacity before anyone signs up, and are null without sign-up', async () => {
    const items = await listAll({ weekId: 'nc2026' })
    for (const item of items) {
      if (item.signupRequired) expect(item.seatsLeft).toBe(item.capacity)
      else expect([item.seatsLeft, item.capacity]).toEqual([null, null])
    }
  })

  test("只看还能参加的 lists exactly what canStillJoin allows at the call's clock: no ended or started classes", async () => {
    const now = Date.UTC(2026, 11, 3, 2) // 12月3日 10:00 Shanghai, mid-week
    const ms = (d: unknown) => new Date(d as string).getTime()
    const docs = (await allDocs(cloud, 'activities', { weekId: 'nc2026' })).filter((d) => d.status !== 'draft')
    const target = (d: any) => ({
      status: d.status,
      startAt: ms(d.startAt),
      endAt: ms(d.endAt),
      signup: d.signup ? { opensAt: ms(d.signup.opensAt), closesAt: ms(d.signup.closesAt) } : null,
      seatsLeft: d.seatsLeft ?? null,
    })
    const expected = docs.filter((d) => canStillJoin(target(d), now)).map((d) => d._id)
    expect(expected.length).toBeGreaterThan(0)
    // The week has ended activities with seats left that the old filter listed.
    expect(docs.some((d) => d.status === 'published' && hasEnded(target(d), now) && (d.signup === null || d.seatsLeft > 0))).toBe(true)
    const spy = jest.spyOn(Date, 'now').mockReturnValue(now)
    try {
      const items = await listAll({ weekId: 'nc2026', hasSeats: true, limit: 50 })
      expect(items.map((i) => i.id).sort()).toEqual(expected.sort())
      expect(items.every((i) => i.endAt > now)).toBe(true)
    } finally {
      spy.mockRestore()
    }
  })

  test('an impossible date is refused with VALIDATION_FAILED naming the field', async () => {
    const res = await cloud.call('activity', 'list', { weekId: 'nc2026', date: '2026-02-30' })
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: ['date'] })
  })

  test('a page size over 50 is refused with VALIDATION_FAILED', async () => {
    const res = await cloud.call('activity', 'list', { weekId: 'nc2026', limit: 500 })
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: ['limit'] })
  })

  test('a forged cursor is refused with BAD_CURSOR', async () => {
    const res = await cloud.call('activity', 'list', { weekId: 'nc2026', cursor: 'bm90LWEtY3Vyc29y' })
    expect(res).toMatchObject({ ok: false, code: 'BAD_CURSOR' })
  })

  test('a week without activities answers an empty page', async () => {
    const res = await cloud.call('activity', 'list', { weekId: 'no-such-week' })
    expect(res).toEqual({ ok: true, data: { items: [], nextCursor: null } })
  })
})

describe('activity.get', () => {
  test('returns the detail with venue, organiser and sign-up window', async () => {
    const seed = visible('nc2026').find((a) => a.venue && a.signup && a.status === 'published')!
    const res = await cloud.call('activity', 'get', { id: seed._id })
    expect(res.ok).toBe(true)
    expect(res.data.activity).toMatchObject({
      id: seed._id,
      title: seed.title,
      organizer: seed.organizer,
      address: seed.venue!.address,
      capacity: seed.signup!.capacity,
    })
    expect(res.data.activity.signupClosesAt).toBeLessThan(res.data.activity.startAt)
  })

  test('a draft is not found by residents', async () => {
    const draft = seedActivities.find((a) => a.status === 'draft')!
    const res = await cloud.call('activity', 'get', { id: draft._id })
    expect(res).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOUND' })
  })

  test('an unknown id answers ACTIVITY_NOT_FOUND', async () => {
    const res = await cloud.call('activity', 'get', { id: 'nope' })
    expect(res).toMatchObject({ ok: false, code: 'ACTIVITY_NOT_FOUND' })
  })
})
