// Words the exported 总结表 files share: Chinese dates and times (Shanghai) and where the table
// stands with the level above (the .pdf's footer, the .docx's status line).
import type { Summary } from '@shared/contracts/stats'
import { SUBMISSION_STATUS_LABELS } from '@shared/domain/reporting'
import { shanghaiClock, shanghaiDate } from '@shared/domain/time'

/** '2026-12-09' → '2026年12月9日'. */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** An instant as Shanghai's calendar and clock show it: '2026年12月9日 16:20'. */
export const dateTimeText = (ms: number): string => `${dayText(shanghaiDate(ms))} ${shanghaiClock(ms)}`

/** '2026年12月9日 16:20', with '（逾期）' when it was after the deadline day. */
const submittedText = (at: number, late: boolean) => `${dateTimeText(at)}${late ? '（逾期）' : ''}`

/**
 * Where this 总结表 stands, in one line: `已提交 2026年12月9日 16:20（逾期）`; a live table that was
 * never handed in `草稿（未提交） 生成于 …`; a submitted copy (frozen) starts `提交版本 第 N 次`.
 */
export function submissionStatusText(summary: Pick<Summary, 'submission' | 'frozen' | 'generatedAt'>): string {
  const s = summary.submission
  const at = s.submittedAt
  let state: string
  if (s.status === 'draft' || at === null) state = '草稿（未提交）'
  else if (s.status === 'submitted') state = `${SUBMISSION_STATUS_LABELS.submitted} ${submittedText(at, s.late)}`
  else if (s.status === 'confirmed') state = `${SUBMISSION_STATUS_LABELS.confirmed}（${submittedText(at, s.late)} 提交）`
  else if (summary.frozen) state = `${SUBMISSION_STATUS_LABELS.returned}（${submittedText(at, s.late)} 提交）`
  else state = `${SUBMISSION_STATUS_LABELS.returned}（待重新提交）`
  if (summary.frozen) return `提交版本 第 ${s.version} 次 ${state}`
  return `${state} 生成于 ${dateTimeText(summary.generatedAt)}`
}

/** A unit's line in the table of the level above: its status word, submitted time and lateness. */
export function unitStatusCells(row: Summary['units'][number]): { status: string; submittedAt: string; late: string } {
  return {
    status: SUBMISSION_STATUS_LABELS[row.status],
    submittedAt: row.submittedAt === null ? '—' : dateTimeText(row.submittedAt),
    late: row.submittedAt === null ? '—' : row.late ? '逾期' : '按时',
  }
}

export const percentText = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`)

export const OPENING_KIND_LABELS: Record<Summary['opening'][number]['kind'], string> = { text: '文字报道', photo: '图片', video: '视频' }

/** Where an 开幕式 material can be seen: its link, else how many photos it has. */
export const openingWhere = (m: Summary['opening'][number]) => m.url ?? (m.fileIds.length ? `照片 ${m.fileIds.length} 张（见小程序）` : '—')
