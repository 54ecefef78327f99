// The fixed vocabularies of the activity week, taken from the two bureau notices
// (Hainan: seven content types; Nanchang: eleven learning topics and the target audiences).
// Codes are stable identifiers stored in the database; labels are what people read.

export const CONTENT_TYPES = [
  { code: 'party_congress', label: '二十大精神宣讲' },
  { code: 'digital_learning', label: '线上线下学习' },
  { code: 'smart_senior', label: '智慧助老' },
  { code: 'reading', label: '全民阅读' },
  { code: 'achievements', label: '十年成果展示' },
  { code: 'open_resources', label: '开放学习资源' },
  { code: 'learning_stars', label: '学习之星与品牌项目' },
] as const

export const TOPICS = [
  { code: 'ethics', label: '思想道德' },
  { code: 'family_education', label: '家庭教育' },
  { code: 'science_culture', label: '科学文化' },
  { code: 'health', label: '养生保健' },
  { code: 'mental_health', label: '心理健康' },
  { code: 'vocational', label: '职业技能' },
  { code: 'law', label: '法律法规' },
  { code: 'finance', label: '家庭理财' },
  { code: 'leisure', label: '闲暇生活' },
  { code: 'intergenerational', label: '代际沟通' },
  { code: 'life_dignity', label: '生命尊严' },
] as const

export const AUDIENCES = [
  { code: 'employees', label: '企业职工' },
  { code: 'service_workers', label: '现代服务业员工' },
  { code: 'migrant_workers', label: '进城农民工' },
  { code: 'veterans', label: '退役军人' },
  { code: 'farmers', label: '高素质农民' },
  { code: 'residents', label: '城乡社区居民' },
  { code: 'seniors', label: '老年人群' },
  { code: 'youth', label: '青少年' },
  { code: 'educators', label: '成人继续教育工作者' },
] as const

export const ACTIVITY_MODES = [
  { code: 'offline', label: '线下' },
  { code: 'online', label: '线上' },
  { code: 'hybrid', label: '线上线下' },
] as const

type Codes<T extends readonly { code: string }[]> = T[number]['code']
export type ContentType = Codes<typeof CONTENT_TYPES>
export type Topic = Codes<typeof TOPICS>
export type Audience = Codes<typeof AUDIENCES>
export type ActivityMode = Codes<typeof ACTIVITY_MODES>

/** Tuple of codes, for z.enum(). */
export function codesOf<T extends readonly { code: string }[]>(list: T) {
  return list.map((item) => item.code) as unknown as [Codes<T>, ...Codes<T>[]]
}

/** Chinese label of a code, or the code itself when it is unknown. */
export function labelOf(list: readonly { code: string; label: string }[], code: string): string {
  return list.find((item) => item.code === code)?.label ?? code
}

/** The two kinds of course: phone skills for seniors and reading (content types of the same name). */
export const COURSE_KINDS = [
  { code: 'smart_senior', label: '智慧助老' },
  { code: 'reading', label: '全民阅读' },
] as const

/**
 * What a course teaches. 智慧助老 skills are the Hainan notice's list (二(三)); reading forms are
 * its 二(四). Each topic belongs to one kind.
 */
export const COURSE_TOPICS = [
  { code: 'smart_travel', label: '智慧出行', kind: 'smart_senior' },
  { code: 'smart_medical', label: '智慧医疗', kind: 'smart_senior' },
  { code: 'mobile_finance', label: '掌上金融', kind: 'smart_senior' },
  { code: 'mobile_shopping', label: '手机购物', kind: 'smart_senior' },
  { code: 'online_learning', label: '网上学习', kind: 'smart_senior' },
  { code: 'wechat_reading', label: '微信读书', kind: 'smart_senior' },
  { code: 'anti_fraud', label: '防诈骗', kind: 'smart_senior' },
  { code: 'healthy_ageing', label: '健康养老', kind: 'smart_senior' },
  { code: 'book_recommend', label: '好书推荐', kind: 'reading' },
  { code: 'recitation', label: '好书诵读', kind: 'reading' },
  { code: 'book_club', label: '书友会', kind: 'reading' },
  { code: 'reading_salon', label: '读书沙龙', kind: 'reading' },
  { code: 'digital_reading', label: '数字化阅读', kind: 'reading' },
] as const

export type CourseKind = Codes<typeof COURSE_KINDS>
export type CourseTopic = Codes<typeof COURSE_TOPICS>

export function topicKind(topic: string): CourseKind | null {
  return COURSE_TOPICS.find((t) => t.code === topic)?.kind ?? null
}
