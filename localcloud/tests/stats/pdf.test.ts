// The PDF 总结表 (stats summary.export format 'pdf'), read back with poppler: its text in the table's
// order, the footer on every page, a roll-up's units, cases and 开幕式 materials, the embedded font
// subset, long texts carried across pages, and page 1 as a PNG to look at. Also: it renders from an
// esbuild bundle made with the function build's options, away from node_modules (pdfkit must never
// reach for its standard fonts' files).
import { build } from 'esbuild'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Summary } from '@shared/contracts/stats'
import { SUMMARY_ROWS } from '@shared/domain/summary'
import { shanghaiInstant } from '@shared/domain/time'
import { submissionStatusText } from '../../../cloudfunctions/stats/src/export/status'
import { summaryPdf } from '../../../cloudfunctions/stats/src/export/pdf'
import { functionBuildOptions } from '../../scripts/build-functions'
import { count, flat, layoutText, pngSize, requireOfficeTools, sh } from './exportTools'
import { cityRollupSummary, donghuSummary } from './summaryFixture'

const ROOT = path.resolve(__dirname, '..', '..', '..')
const SCREENSHOT = path.join(ROOT, '.artifacts', 'screenshots', 'summary-pdf-page1.png')
const WORK = mkdtempSync(path.join(os.tmpdir(), 'summary-pdf-'))
afterAll(() => rmSync(WORK, { recursive: true, force: true }))

async function writePdf(summary: Summary, name: string): Promise<string> {
  requireOfficeTools()
  const file = path.join(WORK, `${name}.pdf`)
  writeFileSync(file, await summaryPdf(summary))
  return file
}

const pages = (pdf: string) => Number(/^Pages:\s+(\d+)$/m.exec(sh('pdfinfo', [pdf]))?.[1])

/** Each page's text (pdftotext's form feed between pages), without whitespace. */
const pageTexts = (pdf: string) => layoutText(pdf).split('\f').slice(0, pages(pdf)).map(flat)

/** Every template row's label (its first 8 characters: longer ones wrap in their cell) in order. */
function expectLabelsInOrder(text: string): void {
  let at = 0
  for (const row of SUMMARY_ROWS) {
    const probe = row.label.slice(0, 8)
    const found = text.indexOf(probe, at)
    expect({ label: row.label, found: found >= 0 }).toEqual({ label: row.label, found: true })
    at = found + probe.length
  }
}

describe('summary .pdf', () => {
  it('is an A4 table with the title, unit, dates, every template row in order with the figures, the 盖章 area and the typical case; page 1 is saved as a PNG', async () => {
    const pdf = await writePdf(donghuSummary, 'donghu')
    expect(sh('pdfinfo', [pdf])).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m)
    const text = flat(layoutText(pdf))

    expect(text).toContain('2026年南昌市全民终身学习活动周总结表')
    expect(text).toContain('填报单位：东湖区')
    expect(text).toContain('填报日期：2026年12月8日')
    expect(text).toContain('报送截止：2026年12月10日')
    expectLabelsInOrder(text)
    // Each group is one cell merged down its rows: its name is printed once (nothing carried over).
    for (const group of ['组织领导', '活动参与情况', '活动主题与内容', '活动的群众性', '宣传报道']) {
      expect({ group, times: count(text, group) }).toEqual({ group, times: 1 })
    }
    expect(text).not.toContain('（续）')

    expect(text).toContain('3项（二十大精神宣讲1项')
    expect(text).toContain('187人（签到129人')
    expect(text).toContain('满意率97.3%（共112人评价')
    expect(text).toContain('东湖区教育体育局（东教体字〔2026〕58号）')

    // The 盖章 row closes the table, before the typical case.
    expect(text.indexOf('填报单位（盖章）：东湖区')).toBeGreaterThan(text.indexOf('活动周期间向居民发放'))
    expect(text).toContain('负责人签字：')
    expect(text).toContain('日期：年月日')
    expect(text.indexOf('典型案例')).toBeGreaterThan(text.indexOf('负责人签字：'))
    expect(text).toContain(donghuSummary.typicalCase!.title)
    expect(text).toContain(flat(donghuSummary.typicalCase!.text.split('\n')[2]))
    // One district: no tables of districts or units.
    expect(text).not.toContain('各县区情况')
    expect(text).not.toContain('各单位报送情况')

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true })
    rmSync(SCREENSHOT, { force: true })
    sh('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, SCREENSHOT.replace(/\.png$/, '')])
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(30_000)
    // A4 portrait at 80 dpi: 8.27 x 11.69 in = 661 x 935 px.
    const { width, height } = pngSize(SCREENSHOT)
    expect(Math.abs(width - 661)).toBeLessThanOrEqual(2)
    expect(Math.abs(height - 935)).toBeLessThanOrEqual(2)
  })

  it('embeds one font, a subset of Noto Sans SC (no standard PDF font), and stays small', async () => {
    const pdf = await writePdf(donghuSummary, 'fonts')
    const fonts = sh('pdffonts', [pdf]).trim().split('\n').slice(2)
    expect(fonts).toHaveLength(1)
    // name type encoding emb sub uni object ID
    expect(fonts[0]).toMatch(/^[A-Z]{6}\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes\s/)
    expect(statSync(pdf).size).toBeLessThan(400_000)
  })

  it("a draft's footer on every page: 草稿（未提交）, when it was made, page n / total", async () => {
    const pdf = await writePdf(donghuSummary, 'draft')
    const texts = pageTexts(pdf)
    expect(texts.length).toBeGreaterThanOrEqual(2)
    texts.forEach((t, i) => {
      expect(t).toContain('草稿（未提交）生成于2026年12月8日10:15')
      expect(t).toContain(`第${i + 1}页/共${texts.length}页`)
    })
  })

  it("a city's submitted copy: 提交版本 第 2 次 已提交 … （逾期） on every page, its units with status, time and lateness, each unit's case under its name, the 开幕式 materials", async () => {
    const pdf = await writePdf(cityRollupSummary, 'city')
    const raw = layoutText(pdf)
    const text = flat(raw)
    const texts = pageTexts(pdf)
    expect(texts.length).toBeGreaterThanOrEqual(2)
    texts.forEach((t, i) => {
      expect(t).toContain('提交版本第2次已提交2026年12月11日16:20（逾期）')
      expect(t).toContain(`第${i + 1}页/共${texts.length}页`)
    })
    expect(text).toContain('填报单位：南昌市')
    expect(text).toContain('填报日期：2026年12月11日')
    expectLabelsInOrder(text)
    expect(text).toContain('635人（签到556人')
    // A roll-up row shows the texts composed from its units while nothing is typed.
    expect(text).toContain('西湖区：宣讲覆盖12个社区')

    expect(text.indexOf('各县区情况')).toBeGreaterThan(text.indexOf('填报单位（盖章）：南昌市'))
    expect(raw).toMatch(/^\s*东湖区\s+3\s+152\s+137\s+58\s+187\s+97\.3%\s*$/m)
    expect(text.indexOf('各单位报送情况')).toBeGreaterThan(text.indexOf('各县区情况'))
    expect(raw).toMatch(/^\s*东湖区\s+已确认\s+2026年12月8日 09:30\s+按时\s+3\s+187\s+97\.3%\s*$/m)
    expect(raw).toMatch(/^\s*西湖区\s+已提交\s+2026年12月11日 09:05\s+逾期\s+2\s+452\s+96\.7%\s*$/m)

    const [donghu, xihu] = cityRollupSummary.unitCases
    const donghuAt = text.indexOf(`【东湖区】${donghu.title}`)
    const xihuAt = text.indexOf(`【西湖区】${xihu.title}`)
    expect(donghuAt).toBeGreaterThan(text.indexOf('典型案例'))
    for (const line of donghu.text.split('\n')) {
      expect(text.indexOf(flat(line))).toBeGreaterThan(donghuAt)
      expect(text.indexOf(flat(line))).toBeLessThan(xihuAt)
    }
    for (const line of xihu.text.split('\n')) expect(text.indexOf(flat(line))).toBeGreaterThan(xihuAt)
    expect(text).not.toContain('（未填写）')

    // Each material a row: unit, kind, title, outlet, day, link (cells in drawing order, -raw, as they wrap).
    const cells = flat(sh('pdftotext', ['-raw', pdf, '-']))
    const opening = cells.indexOf('开幕式材料')
    expect(opening).toBeGreaterThan(cells.indexOf(`【西湖区】${xihu.title}`))
    const kinds = { text: '文字报道', photo: '图片', video: '视频' }
    let at = opening
    for (const m of cityRollupSummary.opening) {
      const line = flat([m.unitName, kinds[m.kind], m.title, m.outlet, m.publishedOn ?? '—', m.url ?? '照片 2 张（见小程序）'].join(''))
      const found = cells.indexOf(line, at)
      expect({ line, found: found > at }).toEqual({ line, found: true })
      at = found
    }
    // The links are clickable: URI link annotations (dictionaries, never in a compressed stream).
    const bytes = readFileSync(pdf).toString('latin1')
    for (const m of cityRollupSummary.opening) if (m.url) expect(bytes).toContain(`/URI (${m.url})`)
  })

  it('the status line tells a draft, a submitted, a confirmed and a returned table apart, live or as submitted', () => {
    const base = cityRollupSummary
    const live = { ...base, frozen: false }
    expect(submissionStatusText(base)).toBe('提交版本 第 2 次 已提交 2026年12月11日 16:20（逾期）')
    expect(submissionStatusText(live)).toBe('已提交 2026年12月11日 16:20（逾期） 生成于 2026年12月11日 16:20')
    const confirmed = { ...base, submission: { ...base.submission, status: 'confirmed' as const, late: false } }
    expect(submissionStatusText(confirmed)).toBe('提交版本 第 2 次 已确认（2026年12月11日 16:20 提交）')
    const returned = { ...live, submission: { ...base.submission, status: 'returned' as const } }
    expect(submissionStatusText(returned)).toBe('已退回修改（待重新提交） 生成于 2026年12月11日 16:20')
    expect(submissionStatusText({ ...returned, frozen: true })).toBe('提交版本 第 2 次 已退回修改（2026年12月11日 16:20（逾期） 提交）')
    expect(submissionStatusText({ ...donghuSummary, generatedAt: shanghaiInstant('2026-12-09', '08:05') })).toBe(
      '草稿（未提交） 生成于 2026年12月9日 08:05',
    )
  })

  it("carries a 3000-character typed row and a 3000-character typical case across pages in full, the row's label and group marked （续） and the header repeated", async () => {
    const sentence = '社区教育学院组织志愿者走进各街道开展智慧助老培训，帮助老人学会使用手机。'
    const paragraphs = (end: string) => {
      const lines: string[] = []
      for (let i = 1; lines.join('\n').length < 3000; i++) lines.push(`第${i}段：${sentence}`)
      const text = lines.join('\n').slice(0, 3000 - end.length) + end
      return { lines, text }
    }
    const row = paragraphs('全文到此结束')
    const story = paragraphs('案例到此结束')
    expect(row.text.length).toBe(3000)
    const rows = donghuSummary.rows.map((r) => (r.key === 'selfAssessment' ? { ...r, typed: row.text, value: row.text } : r))
    const typicalCase = { ...donghuSummary.typicalCase!, text: story.text }
    const pdf = await writePdf({ ...donghuSummary, rows, typicalCase }, 'long')
    const texts = pageTexts(pdf)
    const text = texts.join('')
    expect(texts.length).toBeGreaterThanOrEqual(4)

    // The row: every paragraph once, in order, finished before the next row.
    let at = 0
    for (let i = 1; i < row.lines.length; i++) {
      const found = text.indexOf(`第${i}段：`, at)
      expect({ paragraph: i, found: found >= 0 }).toEqual({ paragraph: i, found: true })
      at = found
    }
    expect(text.indexOf('全文到此结束')).toBeGreaterThan(at)
    expect(text.indexOf('全文到此结束')).toBeLessThan(text.indexOf('宣传范围'))
    const tableEnd = text.indexOf('全文到此结束')
    // The table's header row on each page it runs onto.
    const lastTablePage = texts.findIndex((t) => t.includes('全文到此结束'))
    expect(lastTablePage).toBeGreaterThanOrEqual(2)
    for (let i = 1; i <= lastTablePage; i++)
      expect({ page: i + 1, header: texts[i].startsWith('项目内容') }).toEqual({ page: i + 1, header: true })
    expect(text.indexOf(typicalCase.title)).toBeGreaterThan(tableEnd)

    // Split at a line, never mid-character: in drawing order (-raw), the texts are whole once the
    // page breaks between their lines (footer, header, the row's label and group carried over) are taken out.
    const raw = flat(sh('pdftotext', ['-raw', pdf, '-']))
    expect(raw).toContain('自我评价（续）')
    expect(raw).toContain('活动的群众性（续）')
    const pageBreaks = /草稿（未提交）生成于.*?第\d+页\/共\d+页|项目内容|活动的群众性（续）|自我评价（续）/g
    const rowText = raw.slice(raw.indexOf('第1段：'), raw.indexOf('全文到此结束') + '全文到此结束'.length)
    expect(rowText.replace(pageBreaks, '')).toBe(flat(row.text))
    const caseStart = raw.indexOf(typicalCase.title) + typicalCase.title.length
    const caseText = raw.slice(caseStart, raw.indexOf('案例到此结束') + '案例到此结束'.length)
    expect(caseText.replace(pageBreaks, '')).toBe(flat(story.text))
  })

  it('still exports when a text has characters the font lacks (an emoji, a rare 汉字): the rest of the text is kept', async () => {
    const other = '活动😀圆满结束，䶮字不在字库中。'
    const rows = donghuSummary.rows.map((r) => (r.key === 'other' ? { ...r, typed: other, value: other } : r))
    const pdf = await writePdf({ ...donghuSummary, rows }, 'glyphs')
    const text = flat(layoutText(pdf))
    expect(text).toContain('圆满结束，')
    expect(text).toContain('字不在字库中。')
  })

  it("renders from an esbuild bundle made with the stats function's build options, away from node_modules", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'summary-pdf-bundle-'))
    try {
      const entry = path.join(dir, 'entry.ts')
      writeFileSync(entry, `export { summaryPdf } from ${JSON.stringify(path.join(ROOT, 'cloudfunctions/stats/src/export/pdf'))}\n`)
      const outfile = path.join(dir, 'bundle.js')
      await build({ ...functionBuildOptions('stats'), entryPoints: [entry], outfile, logLevel: 'silent' })
      expect(existsSync(outfile)).toBe(true)
      const bundled = require(outfile) as { summaryPdf: (s: Summary) => Promise<Buffer> }
      const pdf = path.join(dir, 'bundled.pdf')
      writeFileSync(pdf, await bundled.summaryPdf(cityRollupSummary))
      expect(flat(sh('pdftotext', [pdf, '-']))).toContain('提交版本第2次已提交2026年12月11日16:20（逾期）')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
