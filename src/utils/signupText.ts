// How sign-up reads to people: whether an activity can be signed up for now and why not, a
// registration's state in words (with an icon, never colour alone), notices, people. Pure functions.
import type { ActivityDetail } from '@shared/contracts/activity'
import type { Notice, Overlap, Registration } from '@shared/contracts/signup'
import { AGE_GROUPS, RELATIONS } from '@shared/domain/people'
import { AUDIENCES, labelOf } from '@shared/domain/vocabulary'
import { dayParts, instantText, timeRangeText } from './activityText'

export type AvailabilityKind = 'draft' | 'cancelled' | 'free' | 'not-open' | 'closed' | 'open' | 'full' | 'ended'

export interface Availability {
  kind: AvailabilityKind
  /** One line, in words: what the person can do now. */
  text: string
  /** Why, or what happens next (may be empty). */
  reason: string
  /** The 报名 button may be pressed. */
  canSignUp: boolean
}

/**
 * Whether a sign-up is possible now, from the activity alone (the server decides; this only explains):
 * cancelled, no sign-up needed, the window not open yet or closed, full (waitlist) or open.
 */
export function signupAvailability(
  a: Pick<ActivityDetail, 'status' | 'signupRequired' | 'seatsLeft' | 'signupOpensAt' | 'signupClosesAt' | 'endAt' | 'cancelReason'>,
  now: number,
): Availability {
  if (a.status === 'draft') return { kind: 'draft', text: '尚未发布', reason: '活动发布后才能报名。', canSignUp: false }
  if (a.status === 'cancelled') {
    return {
      kind: 'cancelled',
      text: '本活动已取消，无法报名',
      reason: a.cancelReason ? `取消原因：${a.cancelReason}` : '',
      canSignUp: false,
    }
  }
  if (now >= a.endAt) return { kind: 'ended', text: '活动已结束', reason: '', canSignUp: false }
  if (!a.signupRequired) return { kind: 'free', text: '无需报名', reason: '按时到场即可参加。', canSignUp: false }
  if (a.signupOpensAt !== null && now < a.signupOpensAt) {
    return { kind: 'not-open', text: '报名尚未开始', reason: `报名将于 ${instantText(a.signupOpensAt)} 开始。`, canSignUp: false }
  }
  if (a.signupClosesAt !== null && now >= a.signupClosesAt) {
    return { kind: 'closed', text: '报名已截止', reason: `报名已于 ${instantText(a.signupClosesAt)} 截止。`, canSignUp: false }
  }
  if (a.seatsLeft !== null && a.seatsLeft <= 0) {
    return {
      kind: 'full',
      text: '名额已满，可以加入候补',
      reason: '有人取消报名时，按候补的先后顺序自动递补，并会通知您。',
      canSignUp: true,
    }
  }
  return {
    kind: 'open',
    text: a.seatsLeft !== null ? `正在报名，剩余 ${a.seatsLeft} 个名额` : '正在报名',
    reason: a.signupClosesAt !== null ? `报名截止：${instantText(a.signupClosesAt)}` : '',
    canSignUp: true,
  }
}

export interface StatusWords {
  icon: string
  text: string
  tone: 'ok' | 'wait' | 'off'
}

/** 已报名 / 候补第N位 / 已取消 / 活动已取消, with an icon. */
export function registrationStatusText(
  r: Pick<Registration, 'status' | 'position'> & { checkedInAt?: number | null; activity: Pick<Registration['activity'], 'status'> },
): StatusWords {
  if (r.checkedInAt) return { icon: '✓', text: checkedInText(r.checkedInAt), tone: 'ok' }
  if (r.activity.status === 'cancelled') return { icon: '✕', text: '活动已取消', tone: 'off' }
  if (r.status === 'cancelled') return { icon: '✕', text: '已取消报名', tone: 'off' }
  if (r.status === 'waitlisted') return { icon: '◷', text: r.position ? `候补第 ${r.position} 位` : '候补中', tone: 'wait' }
  return { icon: '✓', text: '已报名', tone: 'ok' }
}

/** 已签到 12月2日 周三 14:25 */
export function checkedInText(at: number): string {
  return `已签到 ${instantText(at)}`
}

/** Who a registration or person is to the resident: 本人, or the relation. */
export function relationText(relation: string | null): string {
  return relation ? labelOf(RELATIONS, relation) : '本人'
}

export function ageGroupText(code: string): string {
  return labelOf(AGE_GROUPS, code)
}

export function audienceText(code: string): string {
  return labelOf(AUDIENCES, code)
}

/** 138****1021 */
export function maskPhone(phone: string | null | undefined): string {
  if (!phone) return ''
  return phone.length >= 11 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : phone
}

/** The overlap warning, one sentence per other activity. */
export function overlapText(personName: string, overlaps: Overlap[]): string {
  const list = overlaps.map(
    (o) => `「${o.title}」（${timeRangeText(o.startAt, o.endAt)}，${o.status === 'waitlisted' ? '候补中' : '已报名'}）`,
  )
  return `提醒：${personName}在同一时间还报名了${list.join('、')}。时间有冲突，仍可以继续报名。`
}

/** A notice in words: title line and detail line. */
export function noticeText(n: Notice): { icon: string; title: string; detail: string } {
  if (n.template === 'summary_due') {
    return {
      icon: '※',
      title: `总结表提醒：${n.unitName}`,
      detail: `${n.unitName}的总结表还没有提交，截止日期 ${dayParts(n.deadline).date}（还有 ${n.daysLeft} 天）。`,
    }
  }
  if (n.template === 'activity_cancelled') {
    return {
      icon: '✕',
      title: `活动已取消：${n.title}`,
      detail: `${n.personName}报名的这场活动（${instantText(n.startAt)}）已被主办方取消。${n.reason ? `原因：${n.reason}` : ''}`,
    }
  }
  if (n.template === 'activity_reminder') {
    return {
      icon: '◷',
      title: `活动提醒：${n.title}`,
      detail: `${n.personName}报名的活动将于 ${instantText(n.startAt)} 开始，请按时参加。`,
    }
  }
  if (n.template === 'activity_changed') {
    return { icon: '!', title: `活动变更：${n.title}`, detail: n.reason ?? instantText(n.startAt) }
  }
  return {
    icon: '✓',
    title: `候补成功：${n.title}`,
    detail: `${n.personName}已从候补转为报名成功，请按时参加（${instantText(n.startAt)}）。`,
  }
}

/** Where tapping a notice leads: a 总结表 reminder to the unit's 总结表 page; the others nowhere (null). */
export function noticeLink(n: Notice): string | null {
  if (n.template !== 'summary_due') return null
  const unit = n.level === 'city' ? `cityCode=${encodeURIComponent(n.unitCode)}` : `districtCode=${encodeURIComponent(n.unitCode)}`
  return `/organiser/summary/index?weekId=${encodeURIComponent(n.weekId)}&${unit}`
}
