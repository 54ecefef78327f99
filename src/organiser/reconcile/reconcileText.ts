// The 数据核对 page's words: each difference of stats.reconcile in plain Chinese, and the progress
// line. Pure.
import type { ReconcileDifference } from '@shared/contracts/stats'
import { AUDIENCES, labelOf } from '@shared/domain/vocabulary'

const FIELDS: Record<string, string> = {
  'counters.confirmed': '报名人数',
  'counters.waitlisted': '候补人数',
  'counters.cancelled': '取消报名人数',
  'counters.proxy': '代报名人数',
  seatsLeft: '剩余名额',
  'attendance.checkedIn': '签到人次',
  'attendance.proxyCheckedIn': '代报名签到人次',
  'attendance.walkIns': '现场登记次数',
  'attendance.walkInHeadcount': '现场登记人数',
  'attendance.people': '签到的不同人数',
  'feedback.satisfied': '评价“满意”人数',
  'feedback.basic': '评价“基本满意”人数',
  'feedback.unsatisfied': '评价“不满意”人数',
  'feedback.skipped': '不评价人数',
  'feedback.comments': '留言条数',
  people: '签到的不同人数',
  'counters.enrolled': '报名学习人次',
  'counters.lessonsCompleted': '完成课时次数',
  'counters.completed': '结业人次',
  'counters.logs': '阅读打卡次数',
  'counters.minutes': '阅读时长（分钟）',
  'counters.readers': '阅读人数',
}

/** 'h2026120109' -> '12月1日 9时' (the Shanghai hour a byHour key names). */
function hourText(key: string): string {
  const m = /^h(\d{4})(\d{2})(\d{2})(\d{2})$/.exec(key)
  return m ? `${Number(m[2])}月${Number(m[3])}日 ${Number(m[4])}时` : key
}

/** The figure a difference is about, in words: '签到人次', '老年人群 参加人数', '12月1日 9时 到场人数'. */
export function fieldText(field: string): string {
  if (FIELDS[field]) return FIELDS[field]
  const [group, sub, ...rest] = field.split('.')
  if (group === 'attendance' && sub === 'byAudience') {
    const code = rest.join('.')
    return `${code === 'unspecified' ? '未填人群' : labelOf(AUDIENCES, code)} 参加人数`
  }
  if (group === 'attendance' && sub === 'byHour') return `${hourText(rest.join('.'))} 到场人数`
  if (group === 'attendance' && sub === 'byCommunity') return `“${rest.join('.')}” 签到人次`
  return field
}

const SCOPES: Record<ReconcileDifference['scope'], string> = { activity: '活动', district: '县区', course: '课程', book: '图书' }

export interface DifferenceView {
  key: string
  /** '活动《防诈骗讲座》', '县区 东湖区'. */
  subject: string
  figure: string
  stored: number
  recounted: number
  /** '记录的数字比实际多 1' / '少 2'. */
  gap: string
}

export function differenceView(d: ReconcileDifference): DifferenceView {
  const name = d.name || d.id
  const subject = d.scope === 'district' ? `${SCOPES[d.scope]} ${name}` : `${SCOPES[d.scope]}《${name}》`
  const delta = d.stored - d.recounted
  return {
    key: `${d.scope}|${d.id}|${d.field}`,
    subject,
    figure: fieldText(d.field),
    stored: d.stored,
    recounted: d.recounted,
    gap: delta > 0 ? `记录的数字比实际多 ${delta}` : `记录的数字比实际少 ${-delta}`,
  }
}

/** Percent done, 0-100, whole numbers; an empty scope is done. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 100
  return Math.min(100, Math.floor((done / total) * 100))
}

/** '已核对 120 / 500（24%）'. */
export function progressText(done: number, total: number): string {
  return `已核对 ${done} / ${total}（${percentOf(done, total)}%）`
}
