// The 总结表 as a Word document laid out like the template attached to the bureau notice: a title,
// the reporting unit and deadline, where it stands with the level above, then one three-column table
// (group merged down its rows, row label, value), a roll-up's districts and units, the typical cases
// (a roll-up's with their units), the 开幕式 materials and the signature block. A4 portrait,
// 宋体 body and 黑体 title, named SimSun / SimHei: Word and WPS know both names, and LibreOffice
// substitutes a serif CJK face (Noto Serif CJK) for SimSun where it is not installed.
import type { Summary } from '@shared/contracts/stats'
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx'
import { OPENING_KIND_LABELS, dateTimeText, dayText, openingWhere, percentText, submissionStatusText, unitStatusCells } from './status'

// Geometry in twips (1/20 pt). A4 is 210 x 297 mm.
const PAGE = { width: 11906, height: 16838 }
const MARGIN = { top: 1418, bottom: 1418, left: 1304, right: 1304 }
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
/**
 * The template's three columns: group, row label, value (18 % / 24 % / 58 %: at 10.5 pt a 7-character
 * group and a 9-character label such as 下发活动文件的部门 each fit on one line).
 */
const COLUMNS = [Math.round(CONTENT_WIDTH * 0.18), Math.round(CONTENT_WIDTH * 0.24)]
COLUMNS.push(CONTENT_WIDTH - COLUMNS[0] - COLUMNS[1])

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' }
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimHei', cs: 'Times New Roman' }
/** Half-points: 11 pt body, 10.5 pt (五号) tables, 18 pt (小二) title. */
const SIZE = { body: 22, table: 21, title: 36, small: 18 }

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE }
const CELL_MARGINS = { top: 60, bottom: 60, left: 80, right: 80 }

function text(value: string, opts: { bold?: boolean; size?: number; color?: string } = {}): TextRun {
  return new TextRun({ text: value, bold: opts.bold, size: opts.size, color: opts.color })
}

/** One paragraph per line of `value` (an empty value still needs one paragraph in a cell). */
function lines(value: string, opts: { bold?: boolean; align?: 'left' | 'center' } = {}): Paragraph[] {
  const parts = value.split('\n')
  return parts.map(
    (line) =>
      new Paragraph({
        alignment: opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { before: 0, after: 0, line: 300 },
        children: line ? [text(line, { bold: opts.bold, size: SIZE.table })] : [],
      }),
  )
}

function cell(
  value: string,
  width: number,
  opts: { bold?: boolean; align?: 'left' | 'center'; rowSpan?: number; columnSpan?: number; shade?: boolean } = {},
): TableCell {
  return new TableCell({
    children: lines(value, opts),
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: CELL_MARGINS,
    rowSpan: opts.rowSpan,
    columnSpan: opts.columnSpan,
    shading: opts.shade ? { fill: 'F2F2F2', color: 'auto', type: 'clear' } : undefined,
  })
}

/** Up to this many characters of values, a group is kept on one page (a row: half as many). */
const KEEP_TOGETHER_CHARS = 600
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

/** Consecutive rows of the same group, in order. */
function groupsOf(rows: Summary['rows']): { group: string; rows: Summary['rows'] }[] {
  const out: { group: string; rows: Summary['rows'] }[] = []
  for (const row of rows) {
    const last = out[out.length - 1]
    if (last && last.group === row.group) last.rows.push(row)
    else out.push({ group: row.group, rows: [row] })
  }
  return out
}

/** The 总结表 itself: group (merged down its rows) | label | value; a lone row named like its group spans columns 1-2. */
function summaryTable(summary: Summary): Table {
  const rows: TableRow[] = []
  for (const g of groupsOf(summary.rows)) {
    g.rows.forEach((row, i) => {
      const children: TableCell[] = []
      // Short rows stay whole and a short group stays on one page; long typed texts may break
      // across pages rather than leave most of a page empty.
      const keepNext = i < g.rows.length - 1 && sum(g.rows.map((r) => r.value.length)) <= KEEP_TOGETHER_CHARS
      const cantSplit = row.value.length <= KEEP_TOGETHER_CHARS / 2
      if (g.rows.length === 1 && row.label === g.group) {
        children.push(cell(row.label, COLUMNS[0] + COLUMNS[1], { align: 'center', columnSpan: 2 }))
      } else {
        // docx writes the vMerge continuation cells of the rows below a rowSpan cell itself.
        if (i === 0) children.push(cell(g.group, COLUMNS[0], { align: 'center', rowSpan: g.rows.length }))
        children.push(cell(row.label, COLUMNS[1], { align: 'center' }))
      }
      children.push(cell(row.value, COLUMNS[2]))
      rows.push(new TableRow({ children, cantSplit, keepNext }))
    })
  }
  return new Table({
    rows,
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: COLUMNS,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  })
}

/** A table with a header row repeated on each page; columns sized by weight, cells centred unless `left`. */
function grid(headers: string[], weights: number[], rows: string[][], left: number[] = []): Table {
  const total = weights.reduce((a, b) => a + b, 0)
  const widths = weights.map((w) => Math.floor((CONTENT_WIDTH * w) / total))
  widths[0] += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0)
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) => cell(h, widths[i], { bold: true, align: 'center', shade: true })),
  })
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.map((v, i) => cell(v, widths[i], { align: left.includes(i) ? 'left' : 'center' })),
      }),
  )
  return new Table({
    rows: [header, ...body],
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  })
}

/** The roll-up's districts, one row each. 参加人数 is the district's distinct people plus walk-ins, as in its own 总结表. */
function districtTable(summary: Summary): Table {
  return grid(
    ['县区', '活动数', '报名人次', '签到人次', '现场登记', '参加人数', '满意率'],
    [20, 12, 14, 14, 13, 13, 14],
    summary.districts.map((d) =>
      [d.name, d.activities, d.registered, d.checkedIn, d.walkInHeadcount, d.people, percentText(d.feedback.rate)].map(String),
    ),
  )
}

/** A roll-up's units: where each one's 总结表 stands and its key figures. */
function unitTable(summary: Summary): Table {
  return grid(
    ['单位', '状态', '提交时间', '是否逾期', '活动数', '参加人数', '满意率'],
    [14, 13, 29, 11, 10, 12, 11],
    summary.units.map((u) => {
      const s = unitStatusCells(u)
      return [u.unit.name, s.status, s.submittedAt, s.late, String(u.activities), String(u.participants), percentText(u.satisfaction)]
    }),
  )
}

/** The 开幕式 materials: unit, kind, title, outlet, day and link. */
function openingTable(summary: Summary): Table {
  return grid(
    ['单位', '类型', '标题', '发布媒体', '发布日期', '链接'],
    [12, 11, 27, 16, 13, 23],
    summary.opening.map((m) => [m.unitName, OPENING_KIND_LABELS[m.kind], m.title, m.outlet, m.publishedOn ?? '—', openingWhere(m)]),
    [2, 5],
  )
}

const heading = (value: string) =>
  new Paragraph({ spacing: { before: 360, after: 120 }, children: [text(value, { bold: true, size: 24 })] })

const note = (value: string) => new Paragraph({ spacing: { before: 80, after: 0 }, children: [text(value, { size: SIZE.small })] })

function caseBody(value: string): Paragraph[] {
  const body = value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map(
      (line) =>
        new Paragraph({
          indent: { firstLine: 2 * SIZE.body * 10 },
          spacing: { after: 60, line: 360 },
          alignment: AlignmentType.JUSTIFIED,
          children: [text(line)],
        }),
    )
  return body.length ? body : [new Paragraph({ children: [text('（未填写）')] })]
}

/** The unit's own typical case, then (a roll-up) each of its units' cases headed by the unit's name. */
function typicalCase(summary: Summary): Paragraph[] {
  const c = summary.typicalCase
  if (!c && summary.unitCases.length === 0) return [heading('典型案例'), new Paragraph({ children: [text('（未填写）')] })]
  const out = [heading('典型案例')]
  if (c) {
    out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [text(c.title, { bold: true })] }))
    out.push(...caseBody(c.text))
  }
  for (const u of summary.unitCases) {
    out.push(
      new Paragraph({
        spacing: { before: 200, after: 100 },
        keepNext: true,
        children: [text(`【${u.unitName}】${u.title}`, { bold: true })],
      }),
    )
    out.push(...caseBody(u.text))
  }
  return out
}

function signature(): Paragraph[] {
  const tabs = [{ type: TabStopType.LEFT, position: Math.round(CONTENT_WIDTH / 2) }]
  const blank = '________________'
  return [
    new Paragraph({
      spacing: { before: 480, after: 240 },
      tabStops: tabs,
      children: [text(`填表人：${blank}`), text(`\t联系电话：${blank}`)],
    }),
    new Paragraph({
      spacing: { after: 240 },
      tabStops: tabs,
      children: [text(`单位（盖章）：${blank}`), text(`\t日期：${blank}`)],
    }),
  ]
}

export async function summaryDocx(summary: Summary): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: `${summary.weekName}总结表`, bold: true, size: SIZE.title, font: TITLE_FONT })],
    }),
    new Paragraph({
      spacing: { after: 120 },
      tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
      children: [text(`填报单位：${summary.scopeName}`), text(`\t报送截止：${dayText(summary.deadline)}`)],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [text(`状态：${submissionStatusText(summary)}`, { size: SIZE.small })] }),
    summaryTable(summary),
    note('详细的活动情况总结、活动照片、活动录像请另附。'),
  ]
  if (summary.districts.length > 0) {
    children.push(heading('各县区情况'), districtTable(summary))
    children.push(note('签到、报名按人次计；参加人数 = 签到的不同人数（同一人参加多场只计 1 人）+ 现场登记人数。'))
  }
  if (summary.units.length > 0) {
    children.push(heading('各单位报送情况'), unitTable(summary))
    if (summary.units.some((u) => u.source === 'live')) children.push(note('未提交单位的活动数、参加人数和满意率为导出时的实时统计。'))
  }
  children.push(...typicalCase(summary))
  if (summary.opening.length > 0) children.push(heading('开幕式材料'), openingTable(summary))
  children.push(...signature())
  children.push(note(`本表数据由系统于 ${dateTimeText(summary.generatedAt)}（北京时间）生成。`))

  const doc = new Document({
    title: `${summary.weekName}总结表`,
    creator: summary.scopeName,
    styles: {
      default: {
        document: {
          run: { font: BODY_FONT, size: SIZE.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: { line: 300 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: MARGIN,
          },
        },
        children,
      },
    ],
  })
  return Packer.toBuffer(doc)
}
