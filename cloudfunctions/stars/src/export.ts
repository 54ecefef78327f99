// Staff: the nominations as .xlsx, one row per nomination (类别, 县区, 姓名/项目, 单位, 状态, 荣誉,
// 点赞, 投票), in the scope `list` uses: a district's organiser their districts, a city's admins their
// city's, the week's admins all. Answered as base64, like stats' summary.export.
import ExcelJS from 'exceljs'
import type { z } from 'zod'
import type { starsContract } from '@shared/contracts/stars'
import { HONOUR_LEVEL_LABELS, NOMINATION_KINDS, NOMINATION_KIND_LABELS, NOMINATION_STATUS_LABELS } from '@shared/domain/stars'
import { DomainError } from '@shared/errors'
import type { Database } from '../../_core/cloud'
import { COLLECTIONS, type NominationDoc, type WeekDoc } from '../../_core/collections'
import type { ActionContext } from '../../_core/handler'
import { readDocs } from '../../_core/read'
import { districtsRunBy } from '../../_core/roles'

type ExportInput = z.output<(typeof starsContract)['export']['input']>

const PAGE = 1000
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const FONT = '宋体'
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g

const COLUMNS = [
  { header: '类别', key: 'kind', width: 16 },
  { header: '县区', key: 'district', width: 12 },
  { header: '姓名/项目', key: 'name', width: 24 },
  { header: '单位', key: 'unit', width: 28 },
  { header: '状态', key: 'status', width: 16 },
  { header: '荣誉（级别/年份/授予）', key: 'honours', width: 40 },
  { header: '点赞', key: 'likes', width: 8 },
  { header: '投票', key: 'votes', width: 8 },
]

/** The districts the caller may export (null: all of the week); FORBIDDEN for anyone else or another district. */
async function scopeOf(ctx: ActionContext, input: ExportInput): Promise<string[] | null> {
  const own = await districtsRunBy(ctx.db, await ctx.caller(), input.weekId)
  if (own === null) return input.districtCode ? [input.districtCode] : null
  if (own.length === 0) throw new DomainError('FORBIDDEN')
  if (input.districtCode) {
    if (!own.includes(input.districtCode)) throw new DomainError('FORBIDDEN')
    return [input.districtCode]
  }
  return own
}

async function readAll(db: Database, where: Record<string, unknown>): Promise<NominationDoc[]> {
  const _ = db.command
  const out: NominationDoc[] = []
  let after = ''
  for (;;) {
    const page = await readDocs<NominationDoc>(
      db
        .collection(COLLECTIONS.nominations)
        .where({ ...where, _id: _.gt(after) })
        .field({ pending: false, history: false, story: false })
        .orderBy('_id', 'asc')
        .limit(PAGE),
    )
    out.push(...page)
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}

const honoursText = (doc: NominationDoc) => doc.honours.map((h) => `${HONOUR_LEVEL_LABELS[h.level]}/${h.year}/${h.by}`).join('；')
const statusText = (doc: NominationDoc) => `${NOMINATION_STATUS_LABELS[doc.status]}${doc.hidden ? '（已隐藏）' : ''}`

export async function exportList(ctx: ActionContext, input: ExportInput) {
  const { db } = ctx
  const _ = db.command
  const districts = await scopeOf(ctx, input)
  const where: Record<string, unknown> = { weekId: input.weekId }
  if (districts) where.districtCode = districts.length === 1 ? districts[0] : _.in(districts)
  if (input.cityCode) where.cityCode = input.cityCode
  if (input.kind) where.kind = input.kind
  if (input.status) where.status = input.status
  const [docs, [week]] = await Promise.all([
    readAll(db, where),
    readDocs<Pick<WeekDoc, 'name'>>(db.collection(COLLECTIONS.weeks).where({ _id: input.weekId }).field({ name: true }).limit(1)),
  ])
  // Stars first, then projects; by district, then in the order they were made.
  docs.sort(
    (a, b) =>
      NOMINATION_KINDS.indexOf(a.kind) - NOMINATION_KINDS.indexOf(b.kind) ||
      a.districtCode.localeCompare(b.districtCode) ||
      a._id.localeCompare(b._id),
  )

  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('推荐名单', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.columns = COLUMNS.map((c) => ({ ...c, style: { font: { name: FONT, size: 11 }, alignment: { vertical: 'middle', wrapText: true } } }))
  ws.getRow(1).font = { name: FONT, size: 11, bold: true }
  for (const d of docs) {
    ws.addRow({
      kind: NOMINATION_KIND_LABELS[d.kind],
      district: d.districtName,
      name: d.name,
      unit: d.unitName ?? '',
      status: statusText(d),
      honours: honoursText(d),
      likes: d.likes ?? 0,
      votes: d.votes ?? 0,
    })
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer())
  const fileName = `${week?.name ?? input.weekId}_百姓学习之星与终身学习品牌项目.xlsx`.replace(UNSAFE, '_')
  return { fileName, mime: XLSX_MIME, bytes: buf.length, base64: buf.toString('base64') }
}
