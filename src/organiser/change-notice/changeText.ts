// Words of the change-notice form (organiser/change-notice): the kinds, the day's count, the
// confirmation, the outcome and the refusals.
import { CHANGE_LIMITS, type ChangeKind } from '@shared/contracts/notify'
import type { CloudError } from '@/services/cloudError'

export const CHANGE_KINDS: readonly { code: ChangeKind; label: string }[] = [
  { code: 'time', label: '时间变更' },
  { code: 'venue', label: '地点变更' },
  { code: 'other', label: '其他变更' },
]

export const PLACEHOLDERS: Record<ChangeKind, string> = {
  time: '例如：改到12月9日下午两点开始',
  venue: '例如：改到社区学校二楼多功能厅',
  other: '例如：请带好老年证，提前十分钟到场',
}

/** 今天已发送 N/3 次 (and what is left). */
export function todayText(sent: number, limit: number): string {
  if (sent >= limit) return `今天已发送 ${sent}/${limit} 次，已达到每天的上限，请明天再发。`
  return `今天已发送 ${sent}/${limit} 次（每天最多 ${limit} 次）`
}

/** The confirmation: who will be told, and how. */
export function confirmText(registrants: number): string {
  return registrants > 0
    ? `将通知 ${registrants} 位报名者（含候补）。他们会在“我的”消息里看到，订阅了提醒的人还会收到微信通知。发出后不能撤回，确定发送吗？`
    : '现在还没有人报名，发出后没有人会收到。确定发送吗？'
}

/** The outcome of a send. */
export function successText(notified: number, today: number, limit: number = CHANGE_LIMITS.perDay): string {
  return `✓ 已通知 ${notified} 人，今天第 ${today} 次（每天最多 ${limit} 次）`
}

/** The message's own problem (before any call), or null. */
export function messageError(message: string): string | null {
  const n = message.trim().length
  if (n < CHANGE_LIMITS.messageMin) return `请写明变更内容，至少 ${CHANGE_LIMITS.messageMin} 个字`
  if (n > CHANGE_LIMITS.messageMax) return `变更内容最多 ${CHANGE_LIMITS.messageMax} 个字`
  return null
}

/** A refusal in words: the day's limit said plainly; the rest as the code's message. */
export function failureText(err: CloudError): string {
  if (err.code === 'TOO_MANY_ATTEMPTS') {
    const limit = typeof err.details?.limit === 'number' ? err.details.limit : CHANGE_LIMITS.perDay
    return `今天已经发送了 ${limit} 次变更通知，每个活动每天最多 ${limit} 次，请明天再发。`
  }
  if (err.code === 'VALIDATION_FAILED') return `变更内容需要 ${CHANGE_LIMITS.messageMin}–${CHANGE_LIMITS.messageMax} 个字，请修改后再发`
  return err.message
}
