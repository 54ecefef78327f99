// stars.gallery and stars.entry: what residents and visitors (no identity) see: published, not
// hidden entries, newest first, filtered and paged; recommended ones only in the vote phase.
import { STAR_LIMITS } from '../../../../src/shared/domain/stars'
import { startTestCloud, type TestCloud } from '../../harness'
import { createTestWeek, dayFromToday, type TestWeek } from '../fixtures'
import { addNominations, setVote } from './publicSetup'

let cloud: TestCloud
let week: TestWeek
let ids: Record<string, string>

const at = (n: number) => new Date(Date.UTC(2026, 5, 1) + n * 60_000)

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  const [cityStar, provinceProject, westStar, older, draft, nominated, declined, hidden, selected, recommended] = await addNominations(
    cloud,
    [
      { weekId: week.id, name: '王秀兰', createdAt: at(9), likes: 3 },
      {
        weekId: week.id,
        kind: 'project',
        name: '社区读书会',
        createdAt: at(8),
        honours: [
          { level: 'province', by: '测试省教育厅', year: 2026, at: at(8) },
          { level: 'city', by: '测试市教育局', year: 2025, at: at(7) },
        ],
      },
      { weekId: week.id, name: '李建国', districtCode: 'west', createdAt: at(7) },
      { weekId: week.id, name: '张桂英', createdAt: at(6), honours: [{ level: 'national', by: '教育部', year: 2024, at: at(6) }] },
      { weekId: week.id, name: '草稿人', status: 'draft', createdAt: at(5) },
      { weekId: week.id, name: '已推荐人', status: 'nominated', createdAt: at(5) },
      { weekId: week.id, name: '未推荐人', status: 'declined', createdAt: at(4) },
      { weekId: week.id, name: '已隐藏人', hidden: true, createdAt: at(3) },
      { weekId: week.id, name: '已评选人', status: 'selected', createdAt: at(2) },
      { weekId: week.id, name: '投票人', status: 'recommended', createdAt: at(10) },
    ],
  )
  ids = { cityStar, provinceProject, westStar, older, draft, nominated, declined, hidden, selected, recommended }
  await cloud.call('stars', 'like', { id: cityStar }, 'dev-resident')
}, 60_000)
afterAll(async () => {
  await cloud.stop()
})

const names = (res: any) => (res.ok ? res.data.items.map((i: { name: string }) => i.name) : res)

describe('the gallery', () => {
  test('a visitor without identity sees the published, not hidden entries, newest first, likedToday false', async () => {
    const res = await cloud.call('stars', 'gallery', { weekId: week.id }, '')
    expect(names(res)).toEqual(['王秀兰', '社区读书会', '李建国', '张桂英'])
    expect(res.data.cursor).toBeNull()
    expect(res.data.items[0]).toEqual({
      id: ids.cityStar,
      weekId: week.id,
      kind: 'star',
      name: '王秀兰',
      unitName: '东区社区学校',
      districtName: '东区',
      level: 'city',
      year: 2026,
      voting: false,
      excerpt: expect.stringMatching(/^坚持学习二十年/),
      cover: 'cloud://env-test.7465-env-test/stars/a.jpg',
      likes: 4,
      likedToday: false,
    })
    expect(res.data.items[1]).toMatchObject({ kind: 'project', level: 'province', year: 2026 })
  })

  test('a resident sees what they liked today', async () => {
    const res = await cloud.call('stars', 'gallery', { weekId: week.id }, 'dev-resident')
    expect(res.data.items.map((i) => [i.name, i.likedToday])).toEqual([
      ['王秀兰', true],
      ['社区读书会', false],
      ['李建国', false],
      ['张桂英', false],
    ])
  })

  test('without a week it shows the latest published week', async () => {
    const res = await cloud.call('stars', 'gallery', {}, '')
    expect(res.ok).toBe(true)
    // The seeded weeks are older than the test week (two days from now).
    expect(names(res)).toEqual(['王秀兰', '社区读书会', '李建国', '张桂英'])
  })

  test('filters: kind, highest level, district and year', async () => {
    expect(names(await cloud.call('stars', 'gallery', { weekId: week.id, kind: 'project' }, ''))).toEqual(['社区读书会'])
    expect(names(await cloud.call('stars', 'gallery', { weekId: week.id, kind: 'star' }, ''))).toEqual(['王秀兰', '李建国', '张桂英'])
    expect(names(await cloud.call('stars', 'gallery', { weekId: week.id, level: 'national' }, ''))).toEqual(['张桂英'])
    expect(names(await cloud.call('stars', 'gallery', { weekId: week.id, level: 'city' }, ''))).toEqual(['王秀兰', '李建国'])
    expect(names(await cloud.call('stars', 'gallery', { weekId: week.id, districtCode: 'west' }, ''))).toEqual(['李建国'])
    expect(names(await cloud.call('stars', 'gallery', { weekId: week.id, year: 2024 }, ''))).toEqual(['张桂英'])
    expect(names(await cloud.call('stars', 'gallery', { weekId: week.id, year: 2025 }, ''))).toEqual([])
  })

  test('in the vote phase recommended entries show with voting true and no level', async () => {
    await setVote(cloud, week.id, { opensOn: dayFromToday(0), closesOn: dayFromToday(2) })
    try {
      const res = await cloud.call('stars', 'gallery', { weekId: week.id }, '')
      expect(names(res)).toEqual(['投票人', '王秀兰', '社区读书会', '李建国', '张桂英'])
      expect(res.data.items[0]).toMatchObject({ voting: true, level: null, year: Number(dayFromToday(2).slice(0, 4)) })
      // A level filter shows honours only.
      expect(names(await cloud.call('stars', 'gallery', { weekId: week.id, level: 'city' }, ''))).toEqual(['王秀兰', '李建国'])
      const entry = await cloud.call('stars', 'entry', { id: ids.recommended }, '')
      expect(entry).toMatchObject({ ok: true, data: { entry: { voting: true, voteOpen: true, votedToday: false, honours: [] } } })
    } finally {
      await setVote(cloud, week.id, null)
    }
    expect(await cloud.call('stars', 'entry', { id: ids.recommended }, '')).toMatchObject({ ok: false, code: 'ENTRY_NOT_FOUND' })
  })

  test('pages of STAR_LIMITS.pageSize with a cursor, no entry twice, none left out', async () => {
    const other = await createTestWeek(cloud)
    const total = STAR_LIMITS.pageSize * 2 + 3
    // Pairs with the same createdAt: the cursor orders them by id.
    await addNominations(
      cloud,
      Array.from({ length: total }, (_, i) => ({ weekId: other.id, name: `第${i}位`, createdAt: at(Math.floor(i / 2)) })),
    )
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const res = await cloud.call('stars', 'gallery', { weekId: other.id, ...(cursor ? { cursor } : {}) }, '')
      expect(res.ok).toBe(true)
      seen.push(...res.data.items.map((i) => i.id))
      cursor = res.data.cursor ?? undefined
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(new Set(seen).size).toBe(total)
    expect(await cloud.call('stars', 'gallery', { weekId: other.id, cursor: 'bm90LWEtY3Vyc29y' }, '')).toMatchObject({
      ok: false,
      code: 'BAD_CURSOR',
    })
  })
})

describe('one entry', () => {
  test('a visitor reads a published entry with its story, photos and honours, no contact', async () => {
    const res = await cloud.call('stars', 'entry', { id: ids.provinceProject }, '')
    expect(res).toMatchObject({
      ok: true,
      data: {
        entry: {
          name: '社区读书会',
          level: 'province',
          likedToday: false,
          votedToday: false,
          voteOpen: false,
          votes: 0,
          honours: [
            { level: 'province', by: '测试省教育厅', year: 2026 },
            { level: 'city', by: '测试市教育局', year: 2025 },
          ],
        },
      },
    })
    expect(JSON.stringify(res)).not.toMatch(/13800000000|dev-organiser|推荐人/)
  })

  test('a resident who liked it today sees likedToday', async () => {
    expect(await cloud.call('stars', 'entry', { id: ids.cityStar }, 'dev-resident')).toMatchObject({
      ok: true,
      data: { entry: { likedToday: true } },
    })
  })

  test.each(['draft', 'nominated', 'declined', 'hidden', 'selected', 'recommended'])(
    'a %s entry answers ENTRY_NOT_FOUND',
    async (which) => {
      expect(await cloud.call('stars', 'entry', { id: ids[which] }, '')).toMatchObject({ ok: false, code: 'ENTRY_NOT_FOUND' })
      expect(await cloud.call('stars', 'entry', { id: ids[which] }, 'dev-resident')).toMatchObject({ ok: false, code: 'ENTRY_NOT_FOUND' })
    },
  )

  test('a visitor is still refused the staff actions', async () => {
    expect(await cloud.call('stars', 'export', { weekId: week.id }, '')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })
})
