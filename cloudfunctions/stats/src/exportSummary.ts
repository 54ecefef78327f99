// summary.export: the 总结表 as a .docx laid out like the official table, a .pdf of the same with
// its 盖章 area and status footer, or an .xlsx with one row per activity; answered as base64 (a
// district's file is a few tens of KB).
import { summarySchema } from '@shared/contracts/stats'
import type { ActionContext } from '../../_core/handler'
import { exportFileName, exportMime, type ExportFormat } from './export/fileName'
import { loadScope } from './scope'
import { readSubmission } from './submission'
import { buildSummary } from './summary'

export async function exportSummary(
  ctx: ActionContext,
  input: { weekId: string; districtCode?: string; cityCode?: string; format: ExportFormat; submitted?: boolean },
) {
  const summary = input.submitted
    ? await readSubmission(ctx, input)
    : await buildSummary(ctx, await loadScope(ctx, input, { withDraft: true, units: true }))
  // The file is laid out from the same contract-shaped summary the page shows.
  const data = summarySchema.parse(summary)
  // Loaded on first export only: docx, pdfkit and exceljs add ~90 ms to every cold start otherwise.
  const buf =
    input.format === 'docx'
      ? await (await import('./export/docx')).summaryDocx(data)
      : input.format === 'pdf'
        ? await (await import('./export/pdf')).summaryPdf(data)
        : await (await import('./export/xlsx')).summaryXlsx(data)
  return { fileName: exportFileName(data, input.format), mime: exportMime(input.format), bytes: buf.length, base64: buf.toString('base64') }
}
