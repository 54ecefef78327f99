// stars.export: the nominations as .xlsx in the caller's scope, read back with exceljs.
import ExcelJS from 'exceljs'
import { startTestCloud, type TestCloud } from '../../harness'
import { ADMIN, ORGANISER, OTHER_ORGANISER, createTestWeek, writesIn, type TestWeek } from '../fixtures'
import { addNominations } from './publicSetup'

let cloud: TestCloud
let week: TestWeek

beforeAll(async () => {
  cloud = await startTestCloud()
  week = await createTestWeek(cloud)
  const at = new Date(Date.UTC(2026, 5, 1))
  await addNominations(cloud, [
    {
      weekId: week.id,
      name: '王秀兰',
      likes: 12,
      votes: 3,
      honours: [
        { level: 'province', by: '测试省教育厅', year: 2026, at },
        { level: 'city', by: '测试市教育局', year: 2026, at },
      ],
    },
    { weekId: week.id, kind: 'project', name: '社区读书会', unitName: '东区社区学校', status: 'recommended', votes: 7 },
    { weekId: week.id, name: '赵明', status: 'declined', unitName: null },
    { weekId: week.id, name: '李建国', districtCode: 'west', status: 'published', hidden: true, likes: 2 },
  ])
}, 60_000)
afterAll(async () => {
  await cloud.stop()
})

async function rowsOf(openid: string, input: { districtCode?: string; kind?: 'star' | 'project' } = {}) {
  const res = await cloud.call('stars', 'export', { weekId: week.id, ...input }, openid)
  if (!res.ok) throw new Error(JSON.stringify(res))
  expect(res.data.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  expect(res.data.fileName).toMatch(/\.xlsx$/)
  const buf = Buffer.from(res.data.base64, 'base64')
  expect(buf.length).toBe(res.data.bytes)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer)
  const ws = wb.worksheets[0]
  const rows: unknown[][] = []
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

const HEADER = ['类别', '县区', '姓名/项目', '单位', '状态', '荣誉（级别/年份/授予）', '点赞', '投票']

describe('the export', () => {
  test('the week admin gets one row per nomination of the week', async () => {
    expect(await rowsOf(ADMIN)).toEqual([
      HEADER,
      ['百姓学习之星', '东区', '王秀兰', '东区社区学校', '已公布', '省级/2026/测试省教育厅；市级/2026/测试市教育局', 12, 3],
      ['百姓学习之星', '东区', '赵明', '', '未获推荐', '', 0, 0],
      ['百姓学习之星', '西区', '李建国', '东区社区学校', '已公布（已隐藏）', '市级/2026/测试市教育局', 2, 0],
      ['终身学习品牌项目', '东区', '社区读书会', '东区社区学校', '县区已推荐', '', 0, 7],
    ])
  })

  test('a district organiser gets their district only; the kind filter applies', async () => {
    expect((await rowsOf(ORGANISER)).map((r) => r[2])).toEqual(['姓名/项目', '王秀兰', '赵明', '社区读书会'])
    expect((await rowsOf(OTHER_ORGANISER)).map((r) => r[2])).toEqual(['姓名/项目', '李建国'])
    expect((await rowsOf(ADMIN, { kind: 'project' })).map((r) => r[2])).toEqual(['姓名/项目', '社区读书会'])
  })

  test('a resident, or an organiser asking for another district, is refused with FORBIDDEN and nothing written', async () => {
    cloud.db.resetStats()
    expect(await cloud.call('stars', 'export', { weekId: week.id }, 'dev-resident')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await cloud.call('stars', 'export', { weekId: week.id, districtCode: 'west' }, ORGANISER)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    })
    expect(writesIn(cloud.db.stats().byAction)).toBe(0)
  })
})
