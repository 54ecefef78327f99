// Names and MIME types of the exported 总结表 files.
import type { Summary } from '@shared/contracts/stats'

export type ExportFormat = 'docx' | 'xlsx' | 'pdf'

export const EXPORT_MIME: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
}

export const exportMime = (format: ExportFormat): string => EXPORT_MIME[format]

/** Characters Windows, macOS or WeChat's file preview refuse in a file name. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern is for
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]/g

/**
 * `2026年南昌市全民终身学习活动周总结表-东湖区.docx`; an admin's roll-up of every district:
 * `…总结表-全部县区.xlsx`.
 */
export function exportFileName(summary: Pick<Summary, 'weekName' | 'districtCode' | 'scopeName'>, format: ExportFormat): string {
  const scope = summary.districtCode === null ? '全部县区' : summary.scopeName
  const base = `${summary.weekName}总结表-${scope}`.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim()
  return `${base}.${format}`
}
