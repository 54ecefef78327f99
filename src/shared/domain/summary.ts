// The 总结表 (summary table) every district hands in after the week: its rows in the template's
// order, which of them the data fills (and how), which a person types, and the text of each row
// from the figures. Pure: the cloud function gathers the figures, this file words them.
import { satisfactionRate, type Feedback } from './feedback'
import { HONOUR_LEVELS, NOMINATION_KINDS, NOMINATION_KIND_LABELS, type HonourLevel, type NominationKind } from './stars'
import { CONTENT_TYPES, labelOf } from './vocabulary'

/** How a row is filled: from the data, typed by a person, or the data with a typed addition. */
export type RowSource = 'data' | 'typed' | 'both'

export const SUMMARY_ROWS = [
  { key: 'district', group: '举办县区', label: '举办县区', source: 'data' },
  { key: 'hosts', group: '主办单位及协办单位', label: '主办单位及协办单位', source: 'both' },
  { key: 'fileDept', group: '组织领导', label: '下发活动文件的部门', source: 'typed' },
  { key: 'leaders', group: '组织领导', label: '出席活动（开幕式）的领导', source: 'typed' },
  { key: 'coordDept', group: '组织领导', label: '具体协调部门', source: 'typed' },
  { key: 'planDept', group: '组织领导', label: '制定活动方案部门', source: 'typed' },
  { key: 'activityCount', group: '活动参与情况', label: '全区参与活动的数量', source: 'data' },
  { key: 'participants', group: '活动参与情况', label: '参加活动人数', source: 'data' },
  { key: 'featured', group: '活动参与情况', label: '有特色的活动', source: 'both' },
  { key: 'theme', group: '活动主题与内容', label: '活动主题', source: 'both' },
  { key: 'content', group: '活动主题与内容', label: '活动内容', source: 'both' },
  { key: 'effect', group: '活动主题与内容', label: '活动成效', source: 'both' },
  { key: 'time', group: '活动主题与内容', label: '活动时间', source: 'data' },
  { key: 'scope', group: '活动的群众性', label: '活动范围（包括参与活动的街道、企事业单位等）', source: 'both' },
  { key: 'satisfaction', group: '活动的群众性', label: '群众满意度', source: 'data' },
  { key: 'selfAssessment', group: '活动的群众性', label: '自我评价', source: 'typed' },
  { key: 'publicityScope', group: '宣传报道', label: '宣传范围', source: 'both' },
  { key: 'textReports', group: '宣传报道', label: '文字报道', source: 'data' },
  { key: 'mediaReports', group: '宣传报道', label: '影像图片报道', source: 'data' },
  { key: 'other', group: '其他', label: '其他', source: 'typed' },
] as const satisfies readonly { key: string; group: string; label: string; source: RowSource }[]

export type SummaryRowKey = (typeof SUMMARY_ROWS)[number]['key']
export const SUMMARY_ROW_KEYS = SUMMARY_ROWS.map((r) => r.key) as unknown as [SummaryRowKey, ...SummaryRowKey[]]
/** Rows a person may type into (typed rows, and additions to data rows marked 'both'). */
export const TYPED_ROW_KEYS = SUMMARY_ROWS.filter((r) => r.source !== 'data').map((r) => r.key)

/** Everything the data knows about a district's week (or the roll-up of several districts). */
export interface SummaryFigures {
  districtNames: string[]
  theme: string
  startDate: string
  endDate: string
  /** Published activities (cancelled and drafts left out), by content type code. */
  activities: number
  activitiesByType: Record<string, number>
  /** Activities the organisers cancelled (reported, not counted). */
  cancelled: number
  /** Earliest start and latest end of those activities, as Shanghai days; null without activities. */
  firstDay: string | null
  lastDay: string | null
  /** Confirmed registrations; check-ins (人次); distinct people checked in; walk-in heads. */
  registered: number
  checkIns: number
  distinctPeople: number
  walkInHeadcount: number
  /** distinctPeople + walkInHeadcount. */
  participants: number
  /** 主办 (organizer) and 协办 (co-organizers) units of the activities. */
  hosts: string[]
  coHosts: string[]
  /** Streets / towns and communities / villages reached: venues' addresses and participants' communities. */
  streets: string[]
  communities: string[]
  /** Units that held or co-held an activity (hosts and co-hosts, distinct). */
  units: string[]
  feedback: Feedback
  /** Featured activities; in a roll-up each with the unit that featured it. */
  featured: { id: string; title: string; unit?: string }[]
  publicity: {
    text: { title: string; outlet: string; url: string | null }[]
    photos: number
    videos: { title: string; outlet: string; url: string | null }[]
    /** Photo and video records (a record may hold several photos). */
    mediaRecords: number
    outlets: string[]
  }
  courses: { courses: number; enrolled: number; lessonsCompleted: number; completed: number }
  reading: { books: number; logs: number; minutes: number; bookReaders: number }
  /**
   * Published (not hidden) 百姓学习之星 and 终身学习品牌项目 of the unit, each with its highest honour.
   * Absent in copies submitted before they existed (= none).
   */
  honours?: HonourCited[]
}

/** A published star or project as the 总结表 cites it. */
export interface HonourCited {
  kind: NominationKind
  name: string
  level: HonourLevel
}

/** Short level words for the 总结表's sentences. */
const HONOUR_LEVEL_SHORT: Record<HonourLevel, string> = { national: '国家级', province: '省级', city: '市级', district: '县区级' }

/** Highest level first, stars before projects, then by name; each (kind, name, level) once. */
export function sortHonours(honours: readonly HonourCited[]): HonourCited[] {
  const seen = new Set<string>()
  return honours
    .filter((h) => {
      const key = `${h.kind}|${h.name}|${h.level}`
      return !seen.has(key) && seen.add(key)
    })
    .sort(
      (a, b) =>
        NOMINATION_KINDS.indexOf(a.kind) - NOMINATION_KINDS.indexOf(b.kind) ||
        HONOUR_LEVELS.indexOf(a.level) - HONOUR_LEVELS.indexOf(b.level) ||
        a.name.localeCompare(b.name, 'zh'),
    )
}

/** 「百姓学习之星：王秀兰（市级）、…；终身学习品牌项目：…」, or '' without any. */
export function honoursText(honours: readonly HonourCited[] | undefined): string {
  const sorted = sortHonours(honours ?? [])
  return NOMINATION_KINDS.map((kind) => {
    const of = sorted.filter((h) => h.kind === kind)
    return of.length ? `${NOMINATION_KIND_LABELS[kind]}：${of.map((h) => `${h.name}（${HONOUR_LEVEL_SHORT[h.level]}）`).join('、')}` : ''
  })
    .filter(Boolean)
    .join('；')
}

export interface SummaryRow {
  key: SummaryRowKey
  group: string
  label: string
  source: RowSource
  /** What the data says (null for typed rows). */
  computed: string | null
  /** How the data row was computed, for the organiser checking it. */
  basis: string | null
  /** What a person typed (null when nothing). */
  typed: string | null
  /** A roll-up's text composed from its units' submissions (null for a district, or none submitted). */
  composed: string | null
  /** What the table shows: the computed text, then the typed text. */
  value: string
}

const list = (xs: string[], max = 12) => (xs.length <= max ? xs.join('、') : `${xs.slice(0, max).join('、')}等 ${xs.length} 个`)
const pct = (x: number) => `${(x * 100).toFixed(1)}%`

function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** Each data row's text and how it was computed. */
export function computedRows(f: SummaryFigures): Partial<Record<SummaryRowKey, { text: string; basis: string }>> {
  const byType = CONTENT_TYPES.filter((t) => (f.activitiesByType[t.code] ?? 0) > 0).map(
    (t) => `${t.label} ${f.activitiesByType[t.code]} 项`,
  )
  const rate = satisfactionRate(f.feedback)
  const rated = f.feedback.satisfied + f.feedback.basic + f.feedback.unsatisfied
  const media = f.publicity
  const cited = sortHonours(f.honours ?? [])
  const honours = honoursText(cited)
  return {
    district: { text: f.districtNames.join('、'), basis: '活动周设置中的县区' },
    hosts: {
      text: f.hosts.length === 0 ? '（暂无活动）' : `主办：${list(f.hosts)}${f.coHosts.length ? `；协办：${list(f.coHosts)}` : ''}`,
      basis: '已发布活动的主办单位与协办单位（去重）',
    },
    activityCount: {
      text: `${f.activities} 项${byType.length ? `（${byType.join('，')}）` : ''}${f.cancelled ? `；另有 ${f.cancelled} 项已取消，未计入` : ''}`,
      basis: '已发布且未取消的活动数，按内容类型分列',
    },
    participants: {
      text: `${f.participants} 人（签到 ${f.distinctPeople} 人、现场登记 ${f.walkInHeadcount} 人；签到 ${f.checkIns} 人次；报名 ${f.registered} 人次）`,
      basis: '参加人数 = 签到的不同人数（同一人参加多场只计 1 人）+ 现场登记人数',
    },
    featured: {
      text:
        [f.featured.map((a) => `《${a.title}》${a.unit ? `（${a.unit}）` : ''}`).join('、'), honours].filter(Boolean).join('；') ||
        '（尚未标记有特色的活动）',
      basis: '组织者在活动中标记的有特色活动；已公布的百姓学习之星和终身学习品牌项目（最高荣誉级别）',
    },
    theme: { text: f.theme, basis: '活动周设置中的主题' },
    content: {
      text: byType.length ? `共开展 ${byType.join('、')}` : '（暂无活动）',
      basis: '已发布活动按内容类型统计',
    },
    effect: {
      text:
        `参与 ${f.participants} 人；` +
        `课程 ${f.courses.courses} 门，报名学习 ${f.courses.enrolled} 人次，完成课时 ${f.courses.lessonsCompleted} 次，结业 ${f.courses.completed} 人次；` +
        `推荐好书 ${f.reading.books} 本，阅读打卡 ${f.reading.logs} 次，累计阅读 ${f.reading.minutes} 分钟`,
      basis: '签到与现场登记、智慧助老和阅读课程的学习记录、阅读打卡记录',
    },
    time: {
      text:
        `${dayText(f.startDate)}至${dayText(f.endDate)}` +
        (f.firstDay && f.lastDay ? `（活动实际开展于${dayText(f.firstDay)}至${dayText(f.lastDay)}）` : ''),
      basis: '活动周日期；括号内为已发布活动最早开始与最晚结束的日期',
    },
    scope: {
      text:
        `覆盖街道（乡镇）${f.streets.length} 个${f.streets.length ? `：${list(f.streets)}` : ''}；` +
        `社区（村）${f.communities.length} 个${f.communities.length ? `：${list(f.communities)}` : ''}；` +
        `参与单位 ${f.units.length} 家${f.units.length ? `：${list(f.units)}` : ''}`,
      basis: '活动场地地址中的街道、乡镇、社区、村，签到者填写的街道/社区，主办与协办单位',
    },
    satisfaction: {
      text:
        rate === null
          ? '（尚无评价）'
          : `满意率 ${pct(rate)}（共 ${rated} 人评价：满意 ${f.feedback.satisfied}、基本满意 ${f.feedback.basic}、不满意 ${f.feedback.unsatisfied}）`,
      basis: '签到者活动后的评价；满意率 =（满意 + 基本满意）÷ 评价人数',
    },
    publicityScope: {
      text:
        [
          media.outlets.length ? `${media.outlets.length} 家媒体和平台：${list(media.outlets)}` : '',
          cited.length ? `小程序“百姓学习之星和终身学习品牌项目”展示馆公开展示 ${cited.length} 项` : '',
        ]
          .filter(Boolean)
          .join('；') || '（尚无宣传记录）',
      basis: '宣传记录中的发布媒体和平台（去重）；小程序展示馆中已公布的百姓学习之星和终身学习品牌项目',
    },
    textReports: {
      text: media.text.length
        ? `${media.text.length} 篇：${media.text
            .slice(0, 8)
            .map((t) => `${t.outlet}《${t.title}》`)
            .join('；')}${media.text.length > 8 ? '等' : ''}`
        : '（尚无文字报道）',
      basis: '宣传记录中的文字报道',
    },
    mediaReports: {
      text:
        media.photos || media.videos.length
          ? `图片 ${media.photos} 张，视频 ${media.videos.length} 条${
              media.videos.length
                ? `：${media.videos
                    .slice(0, 5)
                    .map((v) => `${v.outlet}《${v.title}》`)
                    .join('；')}`
                : ''
            }`
          : '（尚无影像图片报道）',
      basis: '宣传记录中的照片与视频',
    },
  }
}

/**
 * The rows in the template's order, each with its computed and typed text. A roll-up passes the
 * texts composed from its units' submissions: a row shows its typed text, or while nothing is typed
 * the composed one.
 */
export function summaryRows(
  f: SummaryFigures,
  typed: Partial<Record<string, string>>,
  composed: Partial<Record<string, string>> = {},
): SummaryRow[] {
  const computed = computedRows(f)
  return SUMMARY_ROWS.map((row) => {
    const c = row.source === 'typed' ? undefined : computed[row.key]
    const t = row.source === 'data' ? null : typed[row.key]?.trim() || null
    const k = row.source === 'data' ? null : composed[row.key]?.trim() || null
    const value = [c?.text, t ?? k].filter((x): x is string => !!x).join('\n')
    return {
      key: row.key,
      group: row.group,
      label: row.label,
      source: row.source,
      computed: c?.text ?? null,
      basis: c?.basis ?? null,
      typed: t,
      composed: k,
      value,
    }
  })
}

/** Content-type label, for the xlsx and the dashboard. */
export const typeLabel = (code: string) => labelOf(CONTENT_TYPES, code)

/** Streets / towns and communities / villages named in an address or a typed 街道/社区. */
export function placesIn(text: string | null | undefined): { streets: string[]; communities: string[] } {
  const streets = new Set<string>()
  const communities = new Set<string>()
  if (!text) return { streets: [], communities: [] }
  // Names end in 街道 / 镇 / 乡 (streets, towns) and 社区 / 村 (communities, villages); a name is
  // the run of Chinese characters before the ending, after any larger unit (市 / 区 / 县).
  const cleaned = text.replace(/[\s,，、;；()（）]/g, '|')
  for (const m of cleaned.matchAll(/([\u4e00-\u9fa5]{1,20}?)(街道|镇|乡)/g)) {
    const name = m[1].replace(/^.*[省市区县]/, '')
    if (name) streets.add(name + m[2])
  }
  for (const m of cleaned.matchAll(/([\u4e00-\u9fa5]{1,20}?)(社区|村)(?![委民])/g)) {
    const name = m[1].replace(/^.*(街道|[省市区县镇乡])/, '')
    if (name) communities.add(name + m[2])
  }
  return { streets: [...streets], communities: [...communities] }
}
