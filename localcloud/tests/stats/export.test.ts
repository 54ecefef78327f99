// The 总结表 exports (stats summary.export): the .docx is converted to PDF by LibreOffice and read back
// with poppler, the way a bureau will open it; the .xlsx is read back with exceljs.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { summarySchema, type Summary } from '@shared/contracts/stats'
import { SUMMARY_ROWS, typeLabel } from '@shared/domain/summary'
import { summaryDocx } from '../../../cloudfunctions/stats/src/export/docx'
import { EXPORT_MIME, exportFileName, exportMime } from '../../../cloudfunctions/stats/src/export/fileName'
import { summaryXlsx } from '../../../cloudfunctions/stats/src/export/xlsx'
import { INSTALL, count, flat, layoutText, pngSize, requireOfficeTools, sh } from './exportTools'
import { cityRollupSummary, donghuSummary, rollupSummary, DONGHU_TYPICAL_CASE } from './summaryFixture'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const SCREENSHOT = path.join(ROOT, '.artifacts', 'screenshots', 'summary-docx-page1.png')
const WORK = mkdtempSync(path.join(os.tmpdir(), 'summary-export-'))
afterAll(() => rmSync(WORK, { recursive: true, force: true }))

/** The .docx of a summary converted to PDF by LibreOffice headless (own profile: parallel runs do not collide). */
async function docxToPdf(summary: Summary, name: string): Promise<string> {
  requireOfficeTools()
  const docx = path.join(WORK, `${name}.docx`)
  writeFileSync(docx, await summaryDocx(summary))
  const profile = path.join(os.tmpdir(), `lo-profile-${randomBytes(6).toString('hex')}`)
  try {
    sh('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', WORK, docx])
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  const pdf = path.join(WORK, `${name}.pdf`)
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}`)
  return pdf
}

describe('summary fixtures', () => {
  it('are valid Summary values (summarySchema.parse) with the template rows in order', () => {
    for (const s of [donghuSummary, rollupSummary, cityRollupSummary]) {
      expect(() => summarySchema.parse(s)).not.toThrow()
      expect(s.rows.map((r) => r.label)).toEqual(SUMMARY_ROWS.map((r) => r.label))
    }
    expect(cityRollupSummary.submission).toMatchObject({ status: 'submitted', version: 2, late: true })
    expect(cityRollupSummary.units.map((u) => u.unit.name)).toEqual(['东湖区', '西湖区'])
    expect(rollupSummary.districts).toHaveLength(2)
    expect(rollupSummary.activities).toHaveLength(5)
    expect(donghuSummary.districts).toHaveLength(0)
  })
})

describe('summary .docx', () => {
  it('fails with the apt-get command when soffice or pdftoppm is missing (never skips)', () => {
    const emptyPath = mkdtempSync(path.join(WORK, 'no-tools-'))
    expect(() => requireOfficeTools({ ...process.env, PATH: emptyPath })).toThrow(INSTALL)
    expect(() => requireOfficeTools()).not.toThrow()
  })

  it('converts with LibreOffice to an A4 PDF showing every template row in order, merged groups, the figures and the typical case; page 1 is saved as a PNG', async () => {
    const pdf = await docxToPdf(donghuSummary, 'donghu')
    const text = flat(layoutText(pdf))

    expect(text).toContain('2026年南昌市全民终身学习活动周总结表')
    expect(text).toContain('填报单位：东湖区')
    expect(text).toContain('报送截止：2026年12月10日')

    // Every row label in the template's order (a label's first 8 characters: longer labels wrap in their cell).
    let at = 0
    for (const row of SUMMARY_ROWS) {
      const probe = row.label.slice(0, 8)
      const found = text.indexOf(probe, at)
      expect({ label: row.label, found: found >= 0 }).toEqual({ label: row.label, found: true })
      at = found + probe.length
    }
    // Each group is one cell merged down its rows: its name is printed once.
    for (const group of ['组织领导', '活动参与情况', '活动主题与内容', '活动的群众性', '宣传报道']) {
      expect({ group, times: count(text, group) }).toEqual({ group, times: 1 })
    }

    // The figures: activity count, participants, satisfaction (short pieces: values wrap in their cell).
    expect(text).toContain('3项（二十大精神宣讲1项')
    expect(text).toContain('187人（签到129人')
    expect(text).toContain('满意率97.3%（共112人评价')
    // Typed text of a row (after the computed text) and the typical case.
    expect(text).toContain('东湖区教育体育局（东教体字〔2026〕58号）')
    expect(text).toContain(DONGHU_TYPICAL_CASE.title)
    expect(text).toContain('填表人：')
    expect(text).toContain('单位（盖章）：')
    // One district: no 各县区情况 table.
    expect(text).not.toContain('各县区情况')

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
    rmSync(SCREENSHOT, { force: true })
    sh('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, SCREENSHOT.replace(/\.png$/, '')])
    expect(existsSync(SCREENSHOT)).toBe(true)
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(30_000)
    // A4 portrait at 60 dpi: 8.27 x 11.69 in = 496 x 702 px.
    const { width, height } = pngSize(SCREENSHOT)
    expect(Math.abs(width - 496)).toBeLessThanOrEqual(2)
    expect(Math.abs(height - 702)).toBeLessThanOrEqual(2)
  })

  it('roll-up: has the 各县区情况 table with each district, its figures and participants, and（未填写）for the missing typical case', async () => {
    const pdf = await docxToPdf(rollupSummary, 'rollup')
    const raw = layoutText(pdf)
    const text = flat(raw)
    expect(text).toContain('填报单位：南昌市')
    expect(text).toContain('各县区情况')
    expect(text.indexOf('各县区情况')).toBeGreaterThan(text.indexOf('影像图片报道'))
    // One line per district: 县区 活动数 报名 签到 现场登记 参加人数 满意率.
    expect(raw).toMatch(/^\s*东湖区\s+3\s+152\s+137\s+58\s+187\s+97\.3%\s*$/m)
    expect(raw).toMatch(/^\s*西湖区\s+2\s+488\s+447\s+21\s+452\s+96\.7%\s*$/m)
    expect(text).toContain('635人（签到556人')
    expect(text).toMatch(/典型案例（未填写）/)
  })

  it("a city's submitted copy: the status line, 各单位报送情况 with each unit's status, time and lateness, each unit's case under its name, the 开幕式 materials", async () => {
    const pdf = await docxToPdf(cityRollupSummary, 'city')
    const raw = layoutText(pdf)
    const text = flat(raw)
    expect(text).toContain('状态：提交版本第2次已提交2026年12月11日16:20（逾期）')
    expect(text).toContain('各单位报送情况')
    // LibreOffice spaces CJK from digits: 2026 年 12 月 8 日.
    expect(raw).toMatch(/^\s*东湖区\s+已确认\s+2026\s*年\s*12\s*月\s*8\s*日\s*09:30\s+按时\s+3\s+187\s+97\.3%\s*$/m)
    expect(raw).toMatch(/^\s*西湖区\s+已提交\s+2026\s*年\s*12\s*月\s*11\s*日\s*09:05\s+逾期\s+2\s+452\s+96\.7%\s*$/m)
    const [donghu, xihu] = cityRollupSummary.unitCases
    const at = text.indexOf(`【东湖区】${donghu.title}`)
    expect(at).toBeGreaterThan(text.indexOf('典型案例'))
    expect(text.indexOf(flat(donghu.text.split('\n')[0]))).toBeGreaterThan(at)
    expect(text.indexOf(`【西湖区】${xihu.title}`)).toBeGreaterThan(text.indexOf(flat(donghu.text.split('\n')[2])))
    expect(text).toContain('开幕式材料')
    // Titles wrap in their cells: their beginnings.
    for (const m of cityRollupSummary.opening) expect(text).toContain(flat(m.title).slice(0, 6))
    expect(text).toContain('照片2张')
    expect(text.indexOf('开幕式材料')).toBeLessThan(text.indexOf('填表人：'))
  })

  it('prints a 2000-character typed row in full, across pages', async () => {
    const sentence = '社区教育学院组织志愿者走进各街道开展智慧助老培训，帮助老人学会使用手机。'
    const lines: string[] = []
    for (let i = 1; lines.join('\n').length < 1980; i++) lines.push(`第${i}段：${sentence}`)
    const long = lines.join('\n').slice(0, 1990) + '全文到此结束'
    const rows = donghuSummary.rows.map((r) => (r.key === 'selfAssessment' ? { ...r, typed: long, value: long } : r))
    const pdf = await docxToPdf({ ...donghuSummary, rows }, 'long')
    const text = flat(layoutText(pdf))
    expect(text).toContain('全文到此结束')
    expect(text.indexOf('全文到此结束')).toBeLessThan(text.indexOf('宣传范围'))
    expect(count(text, '第1段：')).toBe(1)
    expect(count(text, `第${lines.length - 1}段：`)).toBe(1)
  })
})

describe('summary .xlsx', () => {
  async function load(summary: Summary, tz?: string): Promise<ExcelJS.Workbook> {
    const saved = process.env.TZ
    if (tz) process.env.TZ = tz
    let buf: Buffer
    try {
      buf = await summaryXlsx(summary)
    } finally {
      if (tz) {
        if (saved === undefined) delete process.env.TZ
        else process.env.TZ = saved
      }
    }
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buf as unknown as ArrayBuffer)
    return wb
  }

  const headerIndex = (ws: ExcelJS.Worksheet) => {
    const out: Record<string, number> = {}
    ws.getRow(1).eachCell((c, i) => (out[String(c.value)] = i))
    return out
  }

  it('活动明细 has a bold frozen header, one row per activity with the same numbers, Shanghai start times and a 合计 row of SUM formulas with their results', async () => {
    // Made on a host in New York: the start times must still be Shanghai's.
    const wb = await load(rollupSummary, 'America/New_York')
    const ws = wb.getWorksheet('活动明细')!
    const acts = rollupSummary.activities
    expect(ws.rowCount).toBe(acts.length + 2)
    const col = headerIndex(ws)
    expect(Object.keys(col)).toEqual([
      '序号',
      '县区',
      '活动名称',
      '内容类型',
      '开始时间',
      '场地',
      '主办单位',
      '名额',
      '报名人数',
      '签到人数',
      '现场登记人数',
      '参加人数',
      '满意',
      '基本满意',
      '不满意',
      '满意率',
      '有特色',
      '宣传记录数',
    ])
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })

    const expectedStart = ['2026-11-30 09:30', '2026-12-01 09:00', '2026-12-02 14:30', '2026-11-30 15:00', '2026-12-03 19:30']
    acts.forEach((a, i) => {
      const row = ws.getRow(i + 2)
      const v = (name: string) => row.getCell(col[name]).value
      expect(v('序号')).toBe(i + 1)
      expect(v('活动名称')).toBe(a.title)
      expect(v('县区')).toBe(a.districtName)
      expect(v('内容类型')).toBe(typeLabel(a.type))
      expect(v('名额')).toBe(a.capacity)
      expect(v('报名人数')).toBe(a.registered)
      expect(v('签到人数')).toBe(a.checkedIn)
      expect(v('现场登记人数')).toBe(a.walkInHeadcount)
      expect(v('参加人数')).toBe(a.participants)
      expect(v('满意')).toBe(a.feedback.satisfied)
      expect(v('有特色')).toBe(a.featured ? '是' : '否')
      expect(v('宣传记录数')).toBe(a.publicity)
      // 满意率 is a number shown as a percentage (empty without ratings).
      expect(v('满意率')).toBe(a.feedback.rate)
      expect(row.getCell(col['满意率']).numFmt).toBe('0.0%')
      // A date cell showing the Shanghai wall clock whatever the host's zone.
      const start = v('开始时间') as Date
      expect(start).toBeInstanceOf(Date)
      expect(start.toISOString().slice(0, 16).replace('T', ' ')).toBe(expectedStart[i])
      expect(row.getCell(col['开始时间']).numFmt).toBe('yyyy-mm-dd hh:mm')
    })
    expect(ws.getRow(4).getCell(col['名额']).value).toBeNull()
    expect(ws.getRow(4).getCell(col['满意率']).value).toBeNull()

    const total = ws.getRow(acts.length + 2)
    expect(total.getCell(1).value).toBe('合计')
    const sums: [string, number][] = [
      ['名额', 870],
      ['报名人数', 640],
      ['签到人数', 584],
      ['现场登记人数', 79],
      ['参加人数', 663],
      ['满意', 336],
      ['基本满意', 64],
      ['不满意', 13],
      ['宣传记录数', 6],
    ]
    for (const [name, expected] of sums) {
      const cell = total.getCell(col[name]).value as ExcelJS.CellFormulaValue
      const letter = ws.getColumn(col[name]).letter
      expect({ name, formula: cell.formula, result: cell.result }).toEqual({
        name,
        formula: `SUM(${letter}2:${letter}${acts.length + 1})`,
        result: expected,
      })
    }
    // The fixture's figures agree with the activity rows they are summed from.
    expect(rollupSummary.figures.registered).toBe(640)
    expect(rollupSummary.districts.reduce((n, d) => n + d.participants, 0)).toBe(663)
    const rate = total.getCell(col['满意率']).value as ExcelJS.CellFormulaValue
    expect(rate.result).toBeCloseTo(400 / 413, 10)
    expect((total.getCell(col['有特色']).value as ExcelJS.CellFormulaValue).result).toBe(3)
  })

  it('总结表 sheet has the template rows with their content and how each was computed; 各县区 only for the roll-up', async () => {
    const district = await load(donghuSummary)
    const rows = district.getWorksheet('总结表')!
    expect(rows.getRow(1).values).toEqual([undefined, '分组', '项目', '内容', '计算方法'])
    donghuSummary.rows.forEach((r, i) => {
      const row = rows.getRow(i + 2)
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value]).toEqual([r.group, r.label, r.value])
      expect(row.getCell(4).value).toBe(r.basis ?? '由填报单位填写')
    })
    expect(rows.getRow(donghuSummary.rows.length + 2).getCell(2).value).toBe(DONGHU_TYPICAL_CASE.title)
    expect(district.getWorksheet('各县区')).toBeUndefined()

    const rollup = await load(rollupSummary)
    const ds = rollup.getWorksheet('各县区')!
    const col = headerIndex(ds)
    expect(ds.getRow(2).getCell(col['县区']).value).toBe('东湖区')
    expect(ds.getRow(2).getCell(col['参加人数']).value).toBe(187)
    expect(ds.getRow(3).getCell(col['参加人数']).value).toBe(452)
    expect((ds.getRow(4).getCell(col['签到人次']).value as ExcelJS.CellFormulaValue).result).toBe(584)
    // Distinct people of the week, not the sum of the districts (4 people came in both).
    expect(ds.getRow(4).getCell(col['参加人数']).value).toBe(635)
  })
})

describe('a week without activities', () => {
  it('still exports: the .xlsx 合计 row holds zeros and an empty 满意率, the .docx is written', async () => {
    const empty: Summary = { ...donghuSummary, activities: [], typicalCase: null }
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await summaryXlsx(empty)) as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('活动明细')!
    expect(ws.rowCount).toBe(2)
    expect(ws.getRow(2).getCell(1).value).toBe('合计')
    expect(ws.getRow(2).getCell(9).value).toBe(0)
    const rate = ws.getRow(2).getCell(16).value as ExcelJS.CellFormulaValue
    expect(rate.formula).toMatch(/^IF\(/)
    // An empty cached text: exceljs writes no <v>, a reader shows an empty cell.
    expect([undefined, '']).toContain(rate.result)
    expect((await summaryDocx(empty)).length).toBeGreaterThan(5_000)
  })
})

describe('export file names', () => {
  it('name the week, 总结表 and the district (全部县区 for the roll-up) and carry the Office MIME types', () => {
    expect(exportFileName(donghuSummary, 'docx')).toBe('2026年南昌市全民终身学习活动周总结表-东湖区.docx')
    expect(exportFileName(donghuSummary, 'xlsx')).toBe('2026年南昌市全民终身学习活动周总结表-东湖区.xlsx')
    expect(exportFileName(rollupSummary, 'xlsx')).toBe('2026年南昌市全民终身学习活动周总结表-全部县区.xlsx')
    expect(exportFileName({ weekName: '2026年A/B周', districtCode: 'x', scopeName: '新区:一' }, 'docx')).toBe(
      '2026年A_B周总结表-新区_一.docx',
    )
    expect(exportMime('docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(exportMime('xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(exportMime('pdf')).toBe('application/pdf')
    expect(EXPORT_MIME).toEqual({ docx: exportMime('docx'), xlsx: exportMime('xlsx'), pdf: exportMime('pdf') })
  })

  it("a city's roll-up is named after the city; the top of a week with cities after the top, of one without 全部县区", () => {
    expect(exportFileName(donghuSummary, 'pdf')).toBe('2026年南昌市全民终身学习活动周总结表-东湖区.pdf')
    expect(exportFileName(cityRollupSummary, 'pdf')).toBe('2026年江西省全民终身学习活动周总结表-南昌市.pdf')
    expect(exportFileName(cityRollupSummary, 'docx')).toBe('2026年江西省全民终身学习活动周总结表-南昌市.docx')
    const province = {
      ...cityRollupSummary,
      scopeName: '江西省',
      unit: { level: 'top' as const, code: null, name: '江西省' },
      units: [{ ...cityRollupSummary.units[0], unit: cityRollupSummary.unit }],
    }
    expect(exportFileName(province, 'xlsx')).toBe('2026年江西省全民终身学习活动周总结表-江西省.xlsx')
    // The top of 南昌市's week (its units are districts): as before.
    expect(rollupSummary.unit.level).toBe('top')
    expect(exportFileName(rollupSummary, 'pdf')).toBe('2026年南昌市全民终身学习活动周总结表-全部县区.pdf')
  })

  it('the .docx and .xlsx buffers are zip packages (PK header) of a sensible size', async () => {
    const docx = await summaryDocx(rollupSummary)
    const xlsx = await summaryXlsx(rollupSummary)
    for (const b of [docx, xlsx]) {
      expect(Buffer.isBuffer(b)).toBe(true)
      expect(b.subarray(0, 2).toString('latin1')).toBe('PK')
      expect(b.length).toBeGreaterThan(5_000)
      expect(b.length).toBeLessThan(200_000)
    }
  })
})
