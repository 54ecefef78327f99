// Vocabularies of the people side of sign-up: age groups, how a family member relates to the
// resident who signs them up (代报名), and the form fields an activity may ask for.
// Codes are stored; labels are what people read.

export const AGE_GROUPS = [
  { code: 'under18', label: '18岁以下' },
  { code: '18-39', label: '18-39岁' },
  { code: '40-59', label: '40-59岁' },
  { code: '60-69', label: '60-69岁' },
  { code: '70+', label: '70岁及以上' },
] as const

export const RELATIONS = [
  { code: 'parent', label: '父母' },
  { code: 'grandparent', label: '祖父母/外祖父母' },
  { code: 'spouse', label: '配偶' },
  { code: 'child', label: '子女' },
  { code: 'relative', label: '其他亲属' },
  { code: 'friend', label: '邻居/朋友' },
] as const

/** What a sign-up form may ask. `name` is always asked (it is on the ticket). */
export const SIGNUP_FIELDS = [
  { code: 'name', label: '姓名' },
  { code: 'phone', label: '手机号' },
  { code: 'ageGroup', label: '年龄段' },
  { code: 'community', label: '街道/社区' },
  { code: 'audience', label: '人群类别' },
] as const

type Codes<T extends readonly { code: string }[]> = T[number]['code']
export type AgeGroup = Codes<typeof AGE_GROUPS>
export type Relation = Codes<typeof RELATIONS>
export type SignupField = Codes<typeof SIGNUP_FIELDS>

/**
 * The form fields of an activity that does not say otherwise (and of the seeded activities): the
 * name and phone for the ticket and the door, and what the 总结表 counts: 街道/社区 (活动范围) and
 * 人群类别 (参与人群).
 */
export const DEFAULT_SIGNUP_FIELDS: SignupField[] = ['name', 'phone', 'community', 'audience']

/** Family members a resident may keep for 代报名. */
export const FAMILY_LIMIT = 10

export const SENIOR_AGE_GROUPS: readonly AgeGroup[] = ['60-69', '70+']

/**
 * The 人群类别 of someone who did not say (a family member without one, a resident who chose
 * 不确定/其他): 老年人群 from 60, 城乡社区居民 below, so the 总结表 counts them in a category.
 */
export function audienceByAge(ageGroup: AgeGroup): 'seniors' | 'residents' {
  return SENIOR_AGE_GROUPS.includes(ageGroup) ? 'seniors' : 'residents'
}
