import { REMINDERS, reminderDueAt, remindersPaidFor, type Reminder } from '@shared/domain/subscribe'

const WHEN: Record<Reminder, string> = { eve: '活动前一天 18:00', hour: '开始前 1 小时' }

/**
 * What the WeChat reminders of one registration are, after the person accepted (signup
 * subscribe.record's `subscribe.activity_reminder`): when each paid-for reminder comes, and whether
 * one more acceptance would add one (一次性订阅: each acceptance pays for one message).
 */
export function reminderPlanText(acc: { accepted: number; firstAt: number } | undefined, startAt: number, now: number): string {
  if (!acc || acc.accepted < 1) return '✓ 已开启活动变更通知。'
  const paid = remindersPaidFor(acc.accepted, acc.firstAt, startAt).filter((r) => reminderDueAt(r, startAt) > now)
  const ahead = REMINDERS.filter((r) => reminderDueAt(r, startAt) > now)
  if (paid.length === 0) return '✓ 已开启微信提醒。'
  const more = paid.length < ahead.length ? '再点一次按钮，可以多开启一次提醒（每开启一次收到一条）。' : ''
  return `✓ 已开启微信提醒，提醒时间：${paid.map((r) => WHEN[r]).join('、')}。${more}`
}
