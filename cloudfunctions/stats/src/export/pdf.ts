// The 总结表 as a PDF, laid out like the .docx (docx.ts): the title, the reporting unit, date and
// deadline, then the three-column table (group merged down its rows, row label, value) closed by a
// 盖章 row, then the roll-up's districts and units, the typical cases and the 开幕式 materials. Every
// page has a footer: where the table stands with the level above, and page n / total.
//
// One embedded font (Noto Sans SC cut to GB2312, cloudfunctions/stats/assets), of which pdfkit writes
// only the glyphs used. pdfkit never loads its standard AFM fonts (`font: null`): they are files
// beside its sources that the bundle does not carry. Lines are wrapped here, not by pdfkit, so a long
// cell can be split between pages at a line and the table's header and group carried over.
import type { Summary } from '@shared/contracts/stats'
import { shanghaiDate } from '@shared/domain/time'
import PDFDocument from 'pdfkit'
import fontBytes from '../../assets/NotoSansSC-GB2312.otf'
import { OPENING_KIND_LABELS, dateTimeText, dayText, openingWhere, percentText, submissionStatusText, unitStatusCells } from './status'

type Doc = InstanceType<typeof PDFDocument>

const FONT = 'cjk'
// Points (1/72 in). A4 is 595.28 x 841.89; margins as the .docx's (25 mm top and bottom, 23 mm sides).
const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { top: 62, bottom: 70, left: 65, right: 65 }
const LEFT = MARGIN.left
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right
const BOTTOM = PAGE.height - MARGIN.bottom
const FOOTER_Y = PAGE.height - 44
/** 18 pt (小二) title, 10.5 pt (五号) table, 11 pt text, 9 pt small tables, 8 pt footer. */
const SIZE = { title: 18, heading: 12, body: 11, table: 10.5, grid: 9, small: 9, footer: 8 }
const LEADING = 1.5
const PAD = { x: 5, y: 4 }
const BORDER = 0.75
const SHADE = '#f2f2f2'
/** The .docx's columns: group, row label, value. */
const COLUMNS = [WIDTH * 0.18, WIDTH * 0.24]
COLUMNS.push(WIDTH - COLUMNS[0] - COLUMNS[1])
/** Height of the 盖章 row: room for a 42 mm stamp beside the unit's name. */
const STAMP_HEIGHT = 132

// ------------------------------------------------------------------ lines

/** Characters a line must not start with (closing punctuation) or end with (opening). */
const NO_START = new Set([...'，。、；：？！）》」』”’％…—·〕】〉,.;:?!)]}%'])
const NO_END = new Set([...'（《「『“‘〔【〈([{'])
/** Runs that stay whole when they fit on a line: Latin words, numbers, links. */
const TOKEN = /[A-Za-z0-9@#$&*+\-=_.:/?~%'"]+|[ \t]+|[\s\S]/gu

interface Piece {
  text: string
  width: number
}

/**
 * `text` broken into lines of at most `width` points at `size`: CJK anywhere, Latin words and links
 * whole unless longer than a line, no line starting with closing punctuation or ending with opening
 * punctuation. Each '\n' starts a new line; an empty paragraph stays an empty line.
 */
function wrap(doc: Doc, text: string, width: number, size: number): string[] {
  doc.font(FONT).fontSize(size)
  const measure = (s: string) => doc.widthOfString(s)
  const out: string[] = []
  for (const paragraph of text.split('\n')) {
    let line: Piece[] = []
    let used = 0
    let broke = false
    const flush = () => {
      out.push(
        line
          .map((p) => p.text)
          .join('')
          .trimEnd(),
      )
      line = []
      used = 0
      broke = true
    }
    const queue = paragraph.match(TOKEN) ?? []
    for (let i = 0; i < queue.length; i++) {
      const token = queue[i]
      const w = measure(token)
      const blank = /^[ \t]+$/.test(token)
      if (blank && line.length === 0 && broke) continue
      if (used + w <= width) {
        line.push({ text: token, width: w })
        used += w
        continue
      }
      if (blank) {
        flush()
        continue
      }
      if (w > width && token.length > 1) {
        // A word longer than a line: by characters.
        queue.splice(i, 1, ...Array.from(token))
        i--
        continue
      }
      // Carry punctuation over with its neighbour rather than strand it.
      const carry: Piece[] = []
      if (NO_START.has(token[0]) && line.length > 1) carry.unshift(line.pop() as Piece)
      while (line.length > 1 && NO_END.has(line[line.length - 1].text.slice(-1))) carry.unshift(line.pop() as Piece)
      if (line.length === 0) {
        // Nothing to break before: an over-long single character stays alone on its line.
        line.push({ text: token, width: w })
        flush()
        continue
      }
      flush()
      line = carry
      used = carry.reduce((n, p) => n + p.width, 0)
      line.push({ text: token, width: w })
      used += w
    }
    if (line.length || !broke) flush()
  }
  return out
}

const lineHeight = (size: number) => size * LEADING

/** Draws one line whose box starts at `top`; bold is the regular face filled and stroked thinly. */
function drawLine(
  doc: Doc,
  text: string,
  x: number,
  top: number,
  size: number,
  opts: { width?: number; align?: 'left' | 'center' | 'right'; bold?: boolean; color?: string } = {},
): void {
  if (!text) return
  doc.font(FONT).fontSize(size)
  const w = doc.widthOfString(text)
  let left = x
  if (opts.width !== undefined && opts.align === 'center') left = x + (opts.width - w) / 2
  if (opts.width !== undefined && opts.align === 'right') left = x + opts.width - w
  // pdfkit puts the line's top (ascender) at y; centre the font's line in the leading.
  const y = top + (lineHeight(size) - doc.currentLineHeight()) / 2
  doc.save()
  doc.fillColor(opts.color ?? '#000000')
  if (opts.bold) {
    doc
      .lineWidth(size * 0.035)
      .strokeColor(opts.color ?? '#000000')
      .text(text, left, y, { lineBreak: false, fill: true, stroke: true })
  } else {
    doc.text(text, left, y, { lineBreak: false })
  }
  doc.restore()
}

function drawLines(
  doc: Doc,
  lines: string[],
  x: number,
  top: number,
  size: number,
  opts: { width?: number; align?: 'left' | 'center' | 'right'; bold?: boolean } = {},
): void {
  lines.forEach((l, i) => drawLine(doc, l, x, top + i * lineHeight(size), size, opts))
}

function cellBox(doc: Doc, x: number, y: number, w: number, h: number, shade = false): void {
  doc.save().lineWidth(BORDER).strokeColor('#000000')
  if (shade) doc.rect(x, y, w, h).fillAndStroke(SHADE, '#000000')
  else doc.rect(x, y, w, h).stroke()
  doc.restore()
}

/** A cell's text, centred vertically in a box of height h (top-aligned when it fills the box). */
function cellText(
  doc: Doc,
  lines: string[],
  x: number,
  y: number,
  w: number,
  h: number,
  size: number,
  opts: { align?: 'left' | 'center'; bold?: boolean } = {},
): void {
  const textHeight = lines.length * lineHeight(size)
  const top = y + Math.max(PAD.y, (h - textHeight) / 2)
  drawLines(doc, lines, x + PAD.x, top, size, { width: w - 2 * PAD.x, align: opts.align ?? 'left', bold: opts.bold })
}

// ------------------------------------------------------------------ the page flow

class Flow {
  y = MARGIN.top
  /** Called after each page break made here (a table draws its header again). */
  onBreak: (() => void) | null = null
  constructor(readonly doc: Doc) {}

  get room(): number {
    return BOTTOM - this.y
  }

  newPage(): void {
    this.doc.addPage()
    this.y = MARGIN.top
    this.onBreak?.()
  }

  /** A new page unless `height` still fits on this one. */
  need(height: number): void {
    if (height > this.room) this.newPage()
  }

  /** Prose lines (first-line indents are the text's own ideographic spaces), page by page. */
  paragraph(text: string, size = SIZE.body, opts: { align?: 'left' | 'center'; bold?: boolean; indent?: boolean } = {}): void {
    const body = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => (opts.indent ? `\u3000\u3000${l}` : l))
      .join('\n')
    for (const line of wrap(this.doc, body, WIDTH, size)) {
      this.need(lineHeight(size))
      drawLine(this.doc, line, LEFT, this.y, size, { width: WIDTH, align: opts.align ?? 'left', bold: opts.bold })
      this.y += lineHeight(size)
    }
  }

  gap(points: number): void {
    this.y = Math.min(this.y + points, BOTTOM)
  }

  /** A section heading kept with at least `keep` points of what follows it. */
  heading(text: string, keep = 60): void {
    this.gap(14)
    this.need(lineHeight(SIZE.heading) + 6 + keep)
    drawLine(this.doc, text, LEFT, this.y, SIZE.heading, { bold: true })
    this.y += lineHeight(SIZE.heading) + 6
  }
}

// ------------------------------------------------------------------ the 总结表 table

type Row = Summary['rows'][number]

function groupsOf(rows: Row[]): { group: string; rows: Row[] }[] {
  const out: { group: string; rows: Row[] }[] = []
  for (const row of rows) {
    const last = out[out.length - 1]
    if (last && last.group === row.group) last.rows.push(row)
    else out.push({ group: row.group, rows: [row] })
  }
  return out
}

const TABLE_LINE = lineHeight(SIZE.table)
/** A cell is split between pages only when at least this many of its lines fit on the first. */
const MIN_SPLIT_LINES = 3

function tableHeader(flow: Flow): void {
  const { doc } = flow
  const h = TABLE_LINE + 2 * PAD.y
  cellBox(doc, LEFT, flow.y, COLUMNS[0] + COLUMNS[1], h, true)
  cellBox(doc, LEFT + COLUMNS[0] + COLUMNS[1], flow.y, COLUMNS[2], h, true)
  cellText(doc, ['项　　目'], LEFT, flow.y, COLUMNS[0] + COLUMNS[1], h, SIZE.table, { align: 'center', bold: true })
  cellText(doc, ['内　　容'], LEFT + COLUMNS[0] + COLUMNS[1], flow.y, COLUMNS[2], h, SIZE.table, { align: 'center', bold: true })
  flow.y += h
}

/**
 * The table: a header row (again on every page it runs onto), then each group: its name in a cell
 * merged down its rows on each page (`（续）` where it carries over), each row's label and value.
 * A short group moves whole to the next page rather than split; a long value is split at a line.
 */
function summaryTable(flow: Flow, summary: Summary): void {
  const { doc } = flow
  const inner = (w: number) => w - 2 * PAD.x
  flow.need(TABLE_LINE * 4 + 2 * PAD.y)
  tableHeader(flow)
  /** Where rows start on a page the table runs onto, below its header. */
  let pageTop = flow.y
  flow.onBreak = () => {
    tableHeader(flow)
    pageTop = flow.y
  }

  for (const g of groupsOf(summary.rows)) {
    const lone = g.rows.length === 1 && g.rows[0].label === g.group
    const labelWidth = lone ? COLUMNS[0] + COLUMNS[1] : COLUMNS[1]
    const labelX = lone ? LEFT : LEFT + COLUMNS[0]
    const cells = g.rows.map((row) => ({
      label: wrap(doc, row.label, inner(labelWidth), SIZE.table),
      value: wrap(doc, row.value, inner(COLUMNS[2]), SIZE.table),
    }))
    const heightOf = (c: { label: string[]; value: string[] }) => Math.max(c.label.length, c.value.length, 1) * TABLE_LINE + 2 * PAD.y
    const groupLines = (text: string) => wrap(doc, text, inner(COLUMNS[0]), SIZE.table)
    const total = Math.max(
      cells.reduce((n, c) => n + heightOf(c), 0),
      groupLines(g.group).length * TABLE_LINE + 2 * PAD.y,
    )
    // A group that fits on a page but not in what is left of this one starts the next (as the
    // .docx keeps a short group together).
    if (total > flow.room && total <= (BOTTOM - MARGIN.top) * 0.45) flow.newPage()

    let segmentTop = flow.y
    let continued = false
    const closeSegment = () => {
      if (lone || flow.y <= segmentTop) return
      const h = flow.y - segmentTop
      cellBox(doc, LEFT, segmentTop, COLUMNS[0], h)
      cellText(doc, groupLines(continued ? `${g.group}（续）` : g.group), LEFT, segmentTop, COLUMNS[0], h, SIZE.table, { align: 'center' })
    }
    const breakPage = () => {
      closeSegment()
      continued = continued || flow.y > segmentTop
      flow.newPage()
      segmentTop = flow.y
    }

    cells.forEach((c, i) => {
      let value = c.value
      let label = c.label
      for (;;) {
        const h = heightOf({ label, value })
        if (h <= flow.room) {
          drawRow(label, value, h)
          break
        }
        const fit = Math.floor((flow.room - 2 * PAD.y) / TABLE_LINE)
        const splittable = fit >= Math.max(MIN_SPLIT_LINES, label.length) && value.length - fit >= MIN_SPLIT_LINES
        // At the top of a page and still too tall: split wherever it must.
        const atTop = flow.y <= pageTop + 0.01
        if (splittable || (atTop && fit >= 1)) {
          drawRow(label, value.slice(0, fit), flow.room)
          value = value.slice(fit)
          label = wrap(doc, `${g.rows[i].label}（续）`, inner(labelWidth), SIZE.table)
        }
        breakPage()
      }
    })
    closeSegment()

    function drawRow(label: string[], value: string[], h: number): void {
      cellBox(doc, labelX, flow.y, labelWidth, h)
      cellText(doc, label, labelX, flow.y, labelWidth, h, SIZE.table, { align: 'center' })
      cellBox(doc, LEFT + COLUMNS[0] + COLUMNS[1], flow.y, COLUMNS[2], h)
      cellText(doc, value, LEFT + COLUMNS[0] + COLUMNS[1], flow.y, COLUMNS[2], h, SIZE.table)
      flow.y += h
    }
  }

  stampRow(flow, summary)
  flow.onBreak = null
}

/** The table's last row: 填报单位（盖章）with room for the stamp, 负责人签字 and 日期. */
function stampRow(flow: Flow, summary: Summary): void {
  const { doc } = flow
  flow.need(STAMP_HEIGHT)
  const top = flow.y
  cellBox(doc, LEFT, top, WIDTH, STAMP_HEIGHT)
  const x = LEFT + 12
  drawLine(doc, `填报单位（盖章）：${summary.scopeName}`, x, top + 14, SIZE.body)
  const bottomLine = top + STAMP_HEIGHT - 14 - lineHeight(SIZE.body)
  drawLine(doc, '负责人签字：', x, bottomLine, SIZE.body)
  drawLine(doc, '日期：　　　　年　　月　　日', LEFT + WIDTH / 2 + 20, bottomLine, SIZE.body)
  doc.font(FONT).fontSize(SIZE.body)
  const lineStart = x + doc.widthOfString('负责人签字：')
  doc
    .save()
    .lineWidth(0.5)
    .moveTo(lineStart, bottomLine + lineHeight(SIZE.body) - 2)
    .lineTo(lineStart + 110, bottomLine + lineHeight(SIZE.body) - 2)
    .stroke()
    .restore()
  flow.y = top + STAMP_HEIGHT
}

// ------------------------------------------------------------------ small tables

interface GridColumn {
  title: string
  /** Share of the width. */
  weight: number
  align?: 'left' | 'center'
  /** Its cells are web links: clickable where they start with http(s)://. */
  link?: boolean
}

/** A bordered table with a shaded header row, drawn again on each page it runs onto; rows stay whole. */
function grid(flow: Flow, columns: GridColumn[], rows: string[][]): void {
  const { doc } = flow
  const total = columns.reduce((n, c) => n + c.weight, 0)
  const widths = columns.map((c) => (WIDTH * c.weight) / total)
  const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((n, w) => n + w, 0))
  const line = lineHeight(SIZE.grid)
  const wrapRow = (cells: string[]) => cells.map((c, i) => wrap(doc, c, widths[i] - 2 * PAD.x, SIZE.grid))
  const heightOf = (lines: string[][]) => Math.max(...lines.map((l) => l.length), 1) * line + 2 * PAD.y
  const head = wrapRow(columns.map((c) => c.title))
  const drawRow = (lines: string[][], header: boolean, cells: string[] = []) => {
    const h = heightOf(lines)
    lines.forEach((l, i) => {
      cellBox(doc, xs[i], flow.y, widths[i], h, header)
      cellText(doc, l, xs[i], flow.y, widths[i], h, SIZE.grid, { align: header ? 'center' : (columns[i].align ?? 'center'), bold: header })
      if (!header && columns[i].link && /^https?:\/\//.test(cells[i] ?? '')) doc.link(xs[i], flow.y, widths[i], h, cells[i])
    })
    flow.y += h
  }
  const body = rows.map(wrapRow)
  flow.need(heightOf(head) + (body.length ? heightOf(body[0]) : 0))
  drawRow(head, true)
  const saved = flow.onBreak
  flow.onBreak = () => drawRow(head, true)
  body.forEach((lines, r) => {
    flow.need(heightOf(lines))
    drawRow(lines, false, rows[r])
  })
  flow.onBreak = saved
}

function note(flow: Flow, text: string): void {
  flow.gap(4)
  for (const line of wrap(flow.doc, text, WIDTH, SIZE.small)) {
    flow.need(lineHeight(SIZE.small))
    drawLine(flow.doc, line, LEFT, flow.y, SIZE.small, { color: '#333333' })
    flow.y += lineHeight(SIZE.small)
  }
}

// ------------------------------------------------------------------ sections

function districtSection(flow: Flow, summary: Summary): void {
  if (summary.districts.length === 0) return
  flow.heading('各县区情况')
  grid(
    flow,
    [
      { title: '县区', weight: 20 },
      { title: '活动数', weight: 12 },
      { title: '报名人次', weight: 14 },
      { title: '签到人次', weight: 14 },
      { title: '现场登记', weight: 13 },
      { title: '参加人数', weight: 13 },
      { title: '满意率', weight: 14 },
    ],
    summary.districts.map((d) =>
      [d.name, d.activities, d.registered, d.checkedIn, d.walkInHeadcount, d.people, percentText(d.feedback.rate)].map(String),
    ),
  )
  note(flow, '签到、报名按人次计；参加人数 = 签到的不同人数（同一人参加多场只计 1 人）+ 现场登记人数。')
}

function unitSection(flow: Flow, summary: Summary): void {
  if (summary.units.length === 0) return
  flow.heading('各单位报送情况')
  grid(
    flow,
    [
      { title: '单位', weight: 17 },
      { title: '状态', weight: 15 },
      { title: '提交时间', weight: 22 },
      { title: '是否逾期', weight: 11 },
      { title: '活动数', weight: 10 },
      { title: '参加人数', weight: 12 },
      { title: '满意率', weight: 13 },
    ],
    summary.units.map((u) => {
      const s = unitStatusCells(u)
      return [u.unit.name, s.status, s.submittedAt, s.late, String(u.activities), String(u.participants), percentText(u.satisfaction)]
    }),
  )
  if (summary.units.some((u) => u.source === 'live')) note(flow, '未提交单位的活动数、参加人数和满意率为导出时的实时统计。')
}

function caseSection(flow: Flow, summary: Summary): void {
  flow.heading('典型案例', 80)
  const c = summary.typicalCase
  if (!c && summary.unitCases.length === 0) {
    flow.paragraph('（未填写）')
    return
  }
  if (c) {
    flow.paragraph(c.title, SIZE.body, { align: 'center', bold: true })
    flow.gap(4)
    flow.paragraph(c.text || '（未填写）', SIZE.body, { indent: true })
  }
  for (const u of summary.unitCases) {
    flow.gap(10)
    flow.need(lineHeight(SIZE.body) * 4)
    flow.paragraph(`【${u.unitName}】${u.title}`, SIZE.body, { bold: true })
    flow.gap(2)
    flow.paragraph(u.text || '（未填写）', SIZE.body, { indent: true })
  }
}

function openingSection(flow: Flow, summary: Summary): void {
  if (summary.opening.length === 0) return
  flow.heading('开幕式材料')
  grid(
    flow,
    [
      { title: '单位', weight: 12 },
      { title: '类型', weight: 11 },
      { title: '标题', weight: 27, align: 'left' },
      { title: '发布媒体', weight: 16 },
      { title: '发布日期', weight: 13 },
      { title: '链接', weight: 23, align: 'left', link: true },
    ],
    summary.opening.map((m) => [m.unitName, OPENING_KIND_LABELS[m.kind], m.title, m.outlet, m.publishedOn ?? '—', openingWhere(m)]),
  )
}

/** Footers on every page, once the page count is known. */
function footers(doc: Doc, summary: Summary): void {
  const status = submissionStatusText(summary)
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    // Drawing below the bottom margin must not make pdfkit start a page.
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor('#888888')
      .moveTo(LEFT, FOOTER_Y - 4)
      .lineTo(LEFT + WIDTH, FOOTER_Y - 4)
      .stroke()
      .restore()
    drawLine(doc, status, LEFT, FOOTER_Y, SIZE.footer, { color: '#333333' })
    drawLine(doc, `第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, LEFT, FOOTER_Y, SIZE.footer, {
      width: WIDTH,
      align: 'right',
      color: '#333333',
    })
    doc.page.margins.bottom = bottom
  }
}

/** The day the table was handed in (its latest submission), else the day it was made. */
const reportDay = (summary: Summary) =>
  dayText(shanghaiDate((summary.submission.status !== 'draft' && summary.submission.submittedAt) || summary.generatedAt))

export async function summaryPdf(summary: Summary): Promise<Buffer> {
  const title = `${summary.weekName}总结表`
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    // No standard font at all (@types/pdfkit types this option as a string only).
    font: null as unknown as string,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: title, Author: summary.scopeName, Subject: submissionStatusText(summary), Creator: '全民终身学习活动周小程序' },
  })
  doc.registerFont(FONT, Buffer.from(fontBytes.buffer, fontBytes.byteOffset, fontBytes.byteLength))
  doc.font(FONT)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const flow = new Flow(doc)
  for (const line of wrap(doc, title, WIDTH, SIZE.title)) {
    drawLine(doc, line, LEFT, flow.y, SIZE.title, { width: WIDTH, align: 'center', bold: true })
    flow.y += lineHeight(SIZE.title)
  }
  flow.gap(12)
  drawLine(doc, `填报单位：${summary.scopeName}`, LEFT, flow.y, SIZE.body)
  drawLine(doc, `填报日期：${reportDay(summary)}\u3000报送截止：${dayText(summary.deadline)}`, LEFT, flow.y, SIZE.body, {
    width: WIDTH,
    align: 'right',
  })
  flow.y += lineHeight(SIZE.body) + 6

  summaryTable(flow, summary)
  note(flow, '详细的活动情况总结、活动照片、活动录像请另附。')
  districtSection(flow, summary)
  unitSection(flow, summary)
  caseSection(flow, summary)
  openingSection(flow, summary)
  flow.gap(14)
  note(flow, `本表数据由系统于 ${dateTimeText(summary.generatedAt)}（北京时间）生成。`)

  footers(doc, summary)
  doc.end()
  return done
}
