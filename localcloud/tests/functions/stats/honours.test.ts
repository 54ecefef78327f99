// The week's figures of 百姓学习之星 and 终身学习品牌项目: the dashboard's counts by district (within its
// 3 database operations) and the 总结表's citation of the published ones, in a district and rolled up.
import { startTestCloud, type TestCloud } from '../../harness'
import { ADMIN, ORGANISER, createTestWeek, type TestWeek } from '../fixtures'
import { addNominations } from '../stars/publicSetup'

let cloud: TestCloud
let week: TestWeek
const at = new Date(Date.UTC(2026, 5, 1))

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  await addNominations(cloud, [
    { weekId: week.id, name: '草稿人', status: 'draft' },
    { weekId: week.id, name: '待审人', status: 'nominated' },
    { weekId: week.id, name: '未推荐人', status: 'declined' },
    { weekId: week.id, kind: 'project', name: '社区读书会', status: 'recommended' },
    { weekId: week.id, name: '已评选人', status: 'selected' },
    {
      weekId: week.id,
      name: '王秀兰',
      status: 'published',
      honours: [
        { level: 'province', by: '测试省教育厅', year: 2026, at },
        { level: 'city', by: '测试市教育局', year: 2026, at },
      ],
    },
    { weekId: week.id, name: '已隐藏人', status: 'published', hidden: true },
    { weekId: week.id, kind: 'project', name: '老年大学云课堂', districtCode: 'west', status: 'published' },
    {
      weekId: week.id,
      name: '李建国',
      districtCode: 'west',
      status: 'published',
      honours: [{ level: 'national', by: '教育部', year: 2024, at }],
    },
    { weekId: week.id, name: '赵明', districtCode: 'west', status: 'nominated' },
  ])
  // A recognition recorded from elsewhere: published without a nomination.
  const db: any = cloud.sdkDb
  await db
    .collection('nominations')
    .where({ name: '李建国' })
    .update({ data: { recorded: true } })
}, 60_000)
afterAll(async () => {
  await cloud.stop()
})

describe('the dashboard', () => {
  test('counts the stars and projects by how far they got, in total and per district', async () => {
    const res = await cloud.call('stats', 'dashboard', { weekId: week.id }, ADMIN)
    expect(res.ok).toBe(true)
    // east: 待审, 未推荐, 社区读书会, 已评选, 王秀兰, 已隐藏 (not the draft); west: 老年大学云课堂, 赵明
    // (李建国, recorded from elsewhere, counts as published only).
    expect(res.data.honours).toEqual({ nominated: 8, recommended: 5, selected: 4, published: 3 })
    expect(res.data.byDistrict.map((d) => [d.code, d.honours])).toEqual([
      ['east', { nominated: 6, recommended: 4, selected: 3, published: 1 }],
      ['west', { nominated: 2, recommended: 1, selected: 1, published: 2 }],
    ])
  })

  test("an organiser's dashboard counts their district only", async () => {
    const res = await cloud.call('stats', 'dashboard', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(res.ok).toBe(true)
    expect(res.data.honours).toEqual({ nominated: 6, recommended: 4, selected: 3, published: 1 })
  })

  test('still costs at most 3 database operations', async () => {
    cloud.db.resetStats()
    await cloud.call('stats', 'dashboard', { weekId: week.id }, ADMIN)
    expect(cloud.db.stats().total).toBeLessThanOrEqual(3)
  })
})

describe('the 总结表', () => {
  const rowOf = (rows: { key: string; computed: string | null }[], key: string) => rows.find((r) => r.key === key)?.computed

  test("a district's 有特色的活动 cites its published stars and projects, 宣传范围 the gallery", async () => {
    const res = await cloud.call('stats', 'summary', { weekId: week.id, districtCode: 'east' }, ORGANISER)
    expect(res.ok).toBe(true)
    expect(rowOf(res.data.rows, 'featured')).toBe('百姓学习之星：王秀兰（省级）')
    expect(rowOf(res.data.rows, 'publicityScope')).toBe('小程序“百姓学习之星和终身学习品牌项目”展示馆公开展示 1 项')
  })

  test('the roll-up of every district unites them, highest level first, stars before projects', async () => {
    cloud.db.resetStats()
    const res = await cloud.call('stats', 'summary', { weekId: week.id }, ADMIN)
    expect(res.ok).toBe(true)
    expect(rowOf(res.data.rows, 'featured')).toBe(
      '百姓学习之星：李建国（国家级）、王秀兰（省级）；终身学习品牌项目：老年大学云课堂（市级）',
    )
    expect(rowOf(res.data.rows, 'publicityScope')).toBe('小程序“百姓学习之星和终身学习品牌项目”展示馆公开展示 3 项')
    expect(cloud.db.stats().total).toBeLessThanOrEqual(3)
  })
})
