// How 我的信息 reads: each stored thing as a label and its words, and what deleting will do. Pure.
import type { MyData, MyNomination, MyRegistration } from '@shared/contracts/privacy'
import { RATING_LEVELS } from '@shared/domain/feedback'
import { consentIsCurrent, PRIVACY_VERSION } from '@shared/domain/privacy'
import { NOMINATION_KIND_LABELS, NOMINATION_STATUS_LABELS, type NominationKind, type NominationStatus } from '@shared/domain/stars'
import { shanghaiClock } from '@shared/domain/time'
import { labelOf } from '@shared/domain/vocabulary'
import { dateCn } from '@/utils/courseText'
import { ageGroupText, audienceText, relationText } from '@/utils/signupText'

/** One line of a record: what it is and its value in words. */
export interface Line {
  label: string
  value: string
}

/** '2026年12月7日 10:30' (Shanghai). */
export function dateTimeCn(ms: number): string {
  return `${dateCn(ms)} ${shanghaiClock(ms)}`
}

/** The consent in words: which version of the guide was agreed to and when, or that none was. */
export function consentText(consent: MyData['consent']): { text: string; note: string } {
  if (!consent) return { text: '您还没有同意《用户隐私保护指引》', note: '第一次填写报名信息时会请您阅读并同意。' }
  return {
    text: `已于 ${dateTimeCn(consent.at)} 同意第 ${consent.version} 版《用户隐私保护指引》`,
    note: consentIsCurrent(consent) ? '' : `指引已更新为第 ${PRIVACY_VERSION} 版，下次填写信息时会请您重新阅读并同意。`,
  }
}

export function profileLines(p: NonNullable<MyData['profile']>): Line[] {
  return [
    { label: '姓名', value: p.name },
    { label: '手机号', value: p.phone },
    { label: '年龄段', value: ageGroupText(p.ageGroup) },
    { label: '街道/社区', value: p.community },
    { label: '人群类别', value: audienceText(p.audience) },
  ]
}

export function memberLines(m: MyData['family'][number]): Line[] {
  return [
    { label: '关系', value: relationText(m.relation) },
    { label: '手机号', value: m.phone ?? '没有填写' },
    { label: '年龄段', value: ageGroupText(m.ageGroup) },
    { label: '人群类别', value: m.audience ? audienceText(m.audience) : '没有填写' },
  ]
}

/** 已报名 / 候补中 / 已取消, with an icon (never colour alone). */
export function myStatusText(r: Pick<MyRegistration, 'status'>): string {
  if (r.status === 'confirmed') return '✓ 已报名'
  if (r.status === 'waitlisted') return '◷ 候补中'
  return '✕ 已取消'
}

/** What a registration stores about its person: whose, the form's fields (only those kept), sign-up and check-in. */
export function registrationLines(r: MyRegistration): Line[] {
  const lines: Line[] = [
    { label: '状态', value: myStatusText(r) },
    { label: '活动时间', value: dateTimeCn(r.startAt) },
    { label: '报名人', value: r.proxy ? `${r.personName}（${relationText(r.relation)}，代报名）` : `${r.personName}（本人）` },
  ]
  if (r.phone) lines.push({ label: '手机号', value: r.phone })
  if (r.ageGroup) lines.push({ label: '年龄段', value: ageGroupText(r.ageGroup) })
  if (r.community) lines.push({ label: '街道/社区', value: r.community })
  if (r.audience) lines.push({ label: '人群类别', value: audienceText(r.audience) })
  lines.push({ label: '报名时间', value: dateTimeCn(r.createdAt) })
  lines.push({ label: '签到', value: r.checkedInAt ? `✓ 已签到 ${dateTimeCn(r.checkedInAt)}` : '未签到' })
  return lines
}

export function enrolmentLines(e: MyData['enrolments'][number]): Line[] {
  const lines: Line[] = [
    { label: '学习人', value: e.learnerName },
    { label: '进度', value: `已学 ${e.lessonsDone} 课` },
  ]
  if (e.completedAt) lines.push({ label: '结业', value: `✓ ${dateCn(e.completedAt)}` })
  if (e.certificateNo) lines.push({ label: '证书编号', value: e.certificateNo })
  return lines
}

export function readingLines(r: MyData['reading'][number]): Line[] {
  const lines: Line[] = [
    { label: '姓名', value: r.name },
    { label: '读书', value: `打卡 ${r.totalLogs} 次，共 ${r.totalMinutes} 分钟` },
  ]
  if (r.boardName) lines.push({ label: '排行榜上的名字', value: r.boardName })
  return lines
}

/** 满意 / 基本满意 / 不满意 / 不评价 */
export function ratingChoiceText(choice: MyData['ratings'][number]['choice']): string {
  return choice === 'skipped' ? '不评价' : labelOf(RATING_LEVELS, choice)
}

/** 百姓学习之星 / 终身学习品牌项目 (an unknown kind as stored). */
export function nominationKindText(kind: string): string {
  return NOMINATION_KIND_LABELS[kind as NominationKind] ?? kind
}

/** The stars vocabulary's status words (草稿, 已推荐至县区, 县区已推荐, ...; an unknown status as stored). */
export function nominationStatusText(status: string): string {
  return NOMINATION_STATUS_LABELS[status as NominationStatus] ?? status
}

/** What a nomination the caller made stores: the kind, district, status, whose, the contact they gave. */
export function nominationLines(n: MyNomination): Line[] {
  return [
    { label: '类别', value: nominationKindText(n.kind) },
    { label: '县区', value: n.districtName },
    { label: '状态', value: nominationStatusText(n.status) },
    { label: '推荐方式', value: n.self ? '本人自荐' : '由您推荐' },
    { label: '联系人', value: n.contactName },
    { label: '联系电话', value: n.contactPhone },
    { label: '推荐时间', value: dateTimeCn(n.createdAt) },
  ]
}

/** The likes and votes the caller gave, and why each is kept. */
export function starLikesText(count: number): string {
  return count > 0
    ? `您为学习之星和品牌项目点赞、投票 ${count} 次（保存了哪天为哪一位点赞或投票，用于每人每天只计一次）。`
    : '没有点赞或投票记录。'
}

/** Whether 我的信息 holds nothing at all about the person (after a delete, or never used). */
export function isEmpty(d: MyData): boolean {
  return (
    !d.consent &&
    !d.profile &&
    d.family.length === 0 &&
    d.registrations.length === 0 &&
    d.enrolments.length === 0 &&
    d.reading.length === 0 &&
    d.readingLogs.length === 0 &&
    d.ratings.length === 0 &&
    d.nominations.length === 0 &&
    d.starLikes === 0 &&
    d.notices === 0
  )
}

/** What deleting does, one sentence each, in order; the cancellations first when there are any. */
export function eraseWarning(d: Pick<MyData, 'upcoming' | 'family' | 'roles' | 'nominations' | 'starLikes'>): string[] {
  const lines: string[] = []
  if (d.upcoming > 0) {
    lines.push(`您（和家人）还有 ${d.upcoming} 个尚未开始的报名，会先被取消，名额按顺序让给候补的人。`)
  }
  lines.push(
    d.family.length > 0
      ? `您的报名资料（姓名、手机号、年龄段、街道/社区、人群类别）和 ${d.family.length} 位家人的信息会被删除。`
      : '您的报名资料（姓名、手机号、年龄段、街道/社区、人群类别）会被删除。',
  )
  lines.push('报名、签到、课程学习、读书打卡和活动评价记录中的姓名、手机号等会被匿名化，不再能看出是您。')
  if (d.nominations.some((n) => n.self)) {
    lines.push('您自荐的学习之星会从展示栏撤下，其中的姓名、事迹和照片会被删除。')
  }
  if (d.nominations.some((n) => !n.self)) lines.push('您推荐他人时留下的姓名和手机号会被匿名化，推荐材料本身保留。')
  if (d.starLikes > 0) lines.push('您的点赞和投票记录会被删除，已计入的点赞数、票数不变。')
  lines.push('活动的报名人数、参加人数等统计数字保持不变。')
  if (d.roles.length > 0) lines.push('您的工作人员任命保留不变。')
  lines.push('删除后不能恢复。需要留存的话，请先点“导出我的信息”。')
  return lines
}
