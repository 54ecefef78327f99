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
