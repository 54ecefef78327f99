// The 总结表 as a workbook: 活动明细 (one row per activity, a 合计 row of SUM formulas), 总结表 (the
// rows with how each was computed) and, for a roll-up, 各县区. Numbers are numbers; every formula
// carries its result, so a reader that does not recalculate (a preview, a script) sees the figures.
import type { Summary } from '@shared/contracts/stats'
import { typeLabel } from '@shared/domain/summary'
import { SHANGHAI_OFFSET_MS } from '@shared/domain/time'
import ExcelJS from 'exceljs'

type Sheet = ExcelJS.Worksheet
type Column = { header: string; key: string; width: number; numFmt?: string; wrap?: boolean; center?: boolean }

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } }
const BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN }
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFF2F2F2' } }
const FONT = '宋体'

/** Excel has no time zones: a Date whose UTC fields are the Shanghai wall clock shows Shanghai time anywhere. */
const shanghaiWallClock = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS)

function sheet(wb: ExcelJS.Workbook, name: string, columns: Column[]): Sheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.columns = columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    style: {
      font: { name: FONT, size: 11 },
      numFmt: c.numFmt,
      alignment: { vertical: 'middle', wrapText: c.wrap, horizontal: c.center ? 'center' : undefined },
    },
  }))
  const header = ws.getRow(1)
  header.height = 22
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 11, bold: true }
    cell.fill = HEADER_FILL
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
  })
  return ws
}

function borders(ws: Sheet): void {
  ws.eachRow((row) => row.eachCell({ includeEmpty: true }, (cell) => (cell.border = BORDER)))
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
/** (满意 + 基本满意) / ratings, unrounded; null without ratings. */
const rateOf = (s: number, b: number, u: number) => (s + b + u === 0 ? null : (s + b) / (s + b + u))

const ACTIVITY_COLUMNS: Column[] = [
  { header: '序号', key: 'no', width: 6, center: true },
  { header: '县区', key: 'district', width: 10 },
  { header: '活动名称', key: 'title', width: 44, wrap: true },
  { header: '内容类型', key: 'type', width: 16 },
  { header: '开始时间', key: 'startAt', width: 17, numFmt: 'yyyy-mm-dd hh:mm' },
  { header: '场地', key: 'venue', width: 28, wrap: true },
  { header: '主办单位', key: 'organizer', width: 22, wrap: true },
  { header: '名额', key: 'capacity', width: 8 },
  { header: '报名人数', key: 'registered', width: 10 },
  { header: '签到人数', key: 'checkedIn', width: 10 },
  { header: '现场登记人数', key: 'walkIn', width: 12 },
  { header: '参加人数', key: 'participants', width: 10 },
  { header: '满意', key: 'satisfied', width: 8 },
  { header: '基本满意', key: 'basic', width: 10 },
  { header: '不满意', key: 'unsatisfied', width: 8 },
  { header: '满意率', key: 'rate', width: 9, numFmt: '0.0%' },
  { header: '有特色', key: 'featured', width: 8, center: true },
  { header: '宣传记录数', key: 'publicity', width: 11 },
]

/** Columns of 活动明细 summed in the 合计 row, with the figure each sums. */
const SUMMED: [key: string, value: (a: Summary['activities'][number]) => number][] = [
  ['capacity', (a) => a.capacity ?? 0],
  ['registered', (a) => a.registered],
  ['checkedIn', (a) => a.checkedIn],
  ['walkIn', (a) => a.walkInHeadcount],
  ['participants', (a) => a.participants],
  ['satisfied', (a) => a.feedback.satisfied],
  ['basic', (a) => a.feedback.basic],
  ['unsatisfied', (a) => a.feedback.unsatisfied],
  ['publicity', (a) => a.publicity],
]

function activitiesSheet(wb: ExcelJS.Workbook, summary: Summary): void {
  const ws = sheet(wb, '活动明细', ACTIVITY_COLUMNS)
  const acts = summary.activities
  acts.forEach((a, i) =>
    ws.addRow({
      no: i + 1,
      district: a.districtName,
      title: a.title,
      type: typeLabel(a.type),
      startAt: shanghaiWallClock(a.startAt),
      venue: a.venueName,
      organizer: a.organizer,
      capacity: a.capacity ?? null,
      registered: a.registered,
      checkedIn: a.checkedIn,
      walkIn: a.walkInHeadcount,
      participants: a.participants,
      satisfied: a.feedback.satisfied,
      basic: a.feedback.basic,
      unsatisfied: a.feedback.unsatisfied,
      rate: a.feedback.rate ?? null,
      featured: a.featured ? '是' : '否',
      publicity: a.publicity,
    }),
  )

  const first = 2
  const last = acts.length + 1
  const total = ws.addRow({ no: '合计' })
  const col = (key: string) => ws.getColumn(key).letter
  const range = (key: string) => `${col(key)}${first}:${col(key)}${last}`
  for (const [key, value] of SUMMED) {
    const result = sum(acts.map(value))
    total.getCell(key).value = acts.length ? { formula: `SUM(${range(key)})`, result } : 0
  }
  const [s, b, u] = ['satisfied', 'basic', 'unsatisfied'].map((k) => `${col(k)}${total.number}`)
  const rate = rateOf(
    sum(acts.map((a) => a.feedback.satisfied)),
    sum(acts.map((a) => a.feedback.basic)),
    sum(acts.map((a) => a.feedback.unsatisfied)),
  )
  total.getCell('rate').value = {
    formula: `IF(${s}+${b}+${u}=0,"",(${s}+${b})/(${s}+${b}+${u}))`,
    result: rate ?? '',
  }
  total.getCell('featured').value = acts.length
    ? { formula: `COUNTIF(${range('featured')},"是")`, result: acts.filter((a) => a.featured).length }
    : 0
  total.font = { name: FONT, size: 11, bold: true }
  total.getCell('no').alignment = { horizontal: 'center', vertical: 'middle' }

  borders(ws)
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ACTIVITY_COLUMNS.length } }
}

function rowsSheet(wb: ExcelJS.Workbook, summary: Summary): void {
  const ws = sheet(wb, '总结表', [
    { header: '分组', key: 'group', width: 16, wrap: true },
    { header: '项目', key: 'label', width: 26, wrap: true },
    { header: '内容', key: 'value', width: 70, wrap: true },
    { header: '计算方法', key: 'basis', width: 40, wrap: true },
  ])
  for (const row of summary.rows) {
    ws.addRow({ group: row.group, label: row.label, value: row.value, basis: row.basis ?? '由填报单位填写' })
  }
  const c = summary.typicalCase
  ws.addRow({
    group: '典型案例',
    label: c ? c.title : '',
    value: c ? c.text : '（未填写）',
    basis: '由填报单位填写',
  })
  borders(ws)
}

function districtsSheet(wb: ExcelJS.Workbook, summary: Summary): void {
  const columns: Column[] = [
    { header: '县区', key: 'name', width: 12 },
    { header: '活动数', key: 'activities', width: 8 },
    { header: '名额', key: 'capacity', width: 8 },
    { header: '报名人次', key: 'registered', width: 10 },
    { header: '候补人次', key: 'waitlisted', width: 10 },
    { header: '签到人次', key: 'checkedIn', width: 10 },
    { header: '现场登记人数', key: 'walkIn', width: 12 },
    { header: '参加人次', key: 'participants', width: 10 },
    { header: '参加人数', key: 'people', width: 10 },
    { header: '满意', key: 'satisfied', width: 8 },
    { header: '基本满意', key: 'basic', width: 10 },
    { header: '不满意', key: 'unsatisfied', width: 8 },
    { header: '满意率', key: 'rate', width: 9, numFmt: '0.0%' },
  ]
  const ws = sheet(wb, '各县区', columns)
  const ds = summary.districts
  for (const d of ds) {
    ws.addRow({
      name: d.name,
      activities: d.activities,
      capacity: d.capacity,
      registered: d.registered,
      waitlisted: d.waitlisted,
      checkedIn: d.checkedIn,
      walkIn: d.walkInHeadcount,
      participants: d.participants,
      people: d.people,
      satisfied: d.feedback.satisfied,
      basic: d.feedback.basic,
      unsatisfied: d.feedback.unsatisfied,
      rate: d.feedback.rate ?? null,
    })
  }
  const last = ds.length + 1
  const total = ws.addRow({ name: '合计' })
  const col = (key: string) => ws.getColumn(key).letter
  const summed: [string, (d: Summary['districts'][number]) => number][] = [
    ['activities', (d) => d.activities],
    ['capacity', (d) => d.capacity],
    ['registered', (d) => d.registered],
    ['waitlisted', (d) => d.waitlisted],
    ['checkedIn', (d) => d.checkedIn],
    ['walkIn', (d) => d.walkInHeadcount],
    ['participants', (d) => d.participants],
    ['satisfied', (d) => d.feedback.satisfied],
    ['basic', (d) => d.feedback.basic],
    ['unsatisfied', (d) => d.feedback.unsatisfied],
  ]
  for (const [key, value] of summed) {
    total.getCell(key).value = { formula: `SUM(${col(key)}2:${col(key)}${last})`, result: sum(ds.map(value)) }
  }
  // Distinct people do not add up across districts (a person may attend in two): the week's own figure.
  const people = total.getCell('people')
  people.value = summary.figures.participants
  people.note = '全部县区去重：同一人在多个县区参加只计 1 人，故不等于各县区之和'
  const [s, b, u] = ['satisfied', 'basic', 'unsatisfied'].map((k) => `${col(k)}${total.number}`)
  total.getCell('rate').value = {
    formula: `IF(${s}+${b}+${u}=0,"",(${s}+${b})/(${s}+${b}+${u}))`,
    result:
      rateOf(sum(ds.map((d) => d.feedback.satisfied)), sum(ds.map((d) => d.feedback.basic)), sum(ds.map((d) => d.feedback.unsatisfied))) ??
      '',
  }
  total.font = { name: FONT, size: 11, bold: true }
  borders(ws)
}

export async function summaryXlsx(summary: Summary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = summary.scopeName
  wb.title = `${summary.weekName}总结表`
  wb.created = new Date(summary.generatedAt)
  wb.modified = new Date(summary.generatedAt)
  activitiesSheet(wb, summary)
  rowsSheet(wb, summary)
  if (summary.districts.length > 0) districtsSheet(wb, summary)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
