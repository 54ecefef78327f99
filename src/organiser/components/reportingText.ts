// Words of reporting up (the 总结表 handed in to the level above), for the summary and submission
// pages. Pure.
import type { SubmissionEvent, SubmissionState, UnitRow } from '@shared/contracts/stats'
import { REPORTING_LIMITS, SUBMISSION_STATUS_LABELS, draftLocked, type SubmissionStatus } from '@shared/domain/reporting'
import { instantText } from '@/utils/activityText'

export const statusLabel = (status: SubmissionStatus) => SUBMISSION_STATUS_LABELS[status]

const ACTION_WORDS: Record<SubmissionEvent['action'], string> = { submit: '提交', return: '退回', confirm: '确认' }

/** '12月9日 周三 10:05 提交 · 东湖区 组织者（逾期）', and a return's reason on its own. */
export function eventText(e: SubmissionEvent): { head: string; reason: string | null } {
  return {
    head: `${instantText(e.at)} ${ACTION_WORDS[e.action]} · ${e.by}${e.late ? '（逾期）' : ''}`,
    reason: e.action === 'return' && e.reason ? `退回原因：${e.reason}` : null,
  }
}

/** '已提交 12月9日 周三 10:05' or '' before the first. */
export function submittedText(at: number | null): string {
  return at === null ? '' : `提交于 ${instantText(at)}`
}

/** Why the typed fields cannot be edited now, or null when they can. */
export function lockedNote(s: Pick<SubmissionState, 'status' | 'parent'>): string | null {
  if (!draftLocked(s.status)) return null
  const to = s.parent?.name ?? '上级'
  return s.status === 'confirmed' ? `已由${to}确认，内容已锁定，不能再修改。` : `已提交给${to}，等待审核；${to}退回修改后才能再编辑。`
}

/** What submitting does, said before it is done. */
export function submitConfirmText(parentName: string): string {
  return `提交后会保存一份当前总结表的副本（数据、填写内容、典型案例、宣传和开幕式材料）上报给${parentName}；在${parentName}退回修改之前，总结表不能再编辑。`
}

/** A return's reason checked as the server will: 2 to 200 characters. */
export function reasonError(reason: string): string | null {
  const n = reason.trim().length
  if (n < REPORTING_LIMITS.reasonMin) return `请写明退回原因（至少 ${REPORTING_LIMITS.reasonMin} 个字）`
  if (n > REPORTING_LIMITS.reasonMax) return `退回原因最多 ${REPORTING_LIMITS.reasonMax} 个字`
  return null
}

/** A unit row's figures in words. */
export function unitFiguresText(u: Pick<UnitRow, 'activities' | 'participants'>): string {
  return `活动 ${u.activities} 项 · 参与 ${u.participants} 人次`
}

/**
 * The deadline reminders one's acceptances still pay for (summary_due: one message each; they come
 * 3 days and 1 day before the deadline), after a tap of 截止前微信提醒我.
 */
export function deadlineReminderText(left: number): string {
  if (left >= 2) return `✓ 已开启微信提醒：接下来 ${left} 次截止提醒会发到微信（截止前 3 天和前 1 天各一次）。`
  return '✓ 已开启微信提醒：下一次截止提醒会发到微信。再点一次，可以多收一次提醒（每开启一次收到一条）。'
}
