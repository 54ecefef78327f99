// privacy.export: 我的信息 as a .docx the person keeps (answered as base64, a few tens of KB), with
// every list up to EXPORT_LIMIT and phone numbers masked. Reads as privacy.mine; no writes.
import { shanghaiDate } from '@shared/domain/time'
import type { ActionContext } from '../../_core/handler'
import { EXPORT_LIMIT, readMyData } from './mine'

export const EXPORT_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export async function exportMine(ctx: ActionContext) {
  const now = ctx.now()
  const data = await readMyData(ctx.db, ctx.openid, now, EXPORT_LIMIT)
  // Loaded on export only: docx adds to every cold start otherwise.
  const buf = await (await import('./exportDocx')).myDataDocx(data, now)
  return { fileName: `我的信息-${shanghaiDate(now)}.docx`, mime: EXPORT_MIME, bytes: buf.length, base64: buf.toString('base64') }
}
