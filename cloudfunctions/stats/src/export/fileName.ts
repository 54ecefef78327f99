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

type Named = Pick<Summary, 'weekName' | 'districtCode' | 'scopeName'> & Partial<Pick<Summary, 'unit' | 'units'>>

/**
 * Who the file is of: a district's or a city's name; the top of a week without cities `全部县区` (its
 * units are the districts), of a week with cities the top's own name (e.g. 江西省).
 */
function scopeOf(summary: Named): string {
  const unit = summary.unit
  if (!unit) return summary.districtCode === null ? '全部县区' : summary.scopeName
  if (unit.level !== 'top') return unit.name
  return (summary.units ?? []).some((u) => u.unit.level === 'city') ? unit.name : '全部县区'
}

/**
 * `2026年南昌市全民终身学习活动周总结表-东湖区.docx`; a city's roll-up `…总结表-南昌市.pdf`; the top of
 * a week without cities: `…总结表-全部县区.xlsx`.
 */
export function exportFileName(summary: Named, format: ExportFormat): string {
  const base = `${summary.weekName}总结表-${scopeOf(summary)}`.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim()
  return `${base}.${format}`
}
