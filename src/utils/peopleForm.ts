// Checking the people forms (the resident's profile, a family member) before anything is sent: the
// same zod schemas the cloud function uses, each failing field turned into one Chinese sentence.
import { familyMemberInputSchema, profileSchema, type FamilyMemberInput, type ProfileView } from '@shared/contracts/signup'
import { audienceByAge, type AgeGroup, type Relation } from '@shared/domain/people'
import type { Audience } from '@shared/domain/vocabulary'

/** 不确定/其他: counted by age in the 总结表 (老年人群 from 60, 城乡社区居民 below). */
export const UNSURE = 'unsure'

/** 人群类别 in everyday words; each is one of the 总结表's categories (AUDIENCES), or 不确定/其他. */
export const AUDIENCE_CHOICES: { code: Audience | typeof UNSURE; label: string }[] = [
  { code: 'residents', label: '社区居民' },
  { code: 'seniors', label: '老年人' },
  { code: 'employees', label: '企业职工' },
  { code: 'service_workers', label: '服务业员工' },
  { code: 'migrant_workers', label: '进城务工' },
  { code: 'farmers', label: '农民' },
  { code: 'veterans', label: '退役军人' },
  { code: 'youth', label: '学生/青少年' },
  { code: 'educators', label: '教育工作者' },
  { code: UNSURE, label: '不确定/其他' },
]

/**
 * The 街道/社区 box's example, from the activity's own place (never another city's): the town or
 * street and community in its address, else its district with blanks (如：海口市××街道××社区).
 */
export function communityExample(a: { districtName: string; address: string | null }): string {
  // A name is a run of characters without 省/市/区/县 (those end the larger units before it).
  const m = /([^省市区县\d\s]{1,6}(?:街道|镇|乡))([^省市区县\d\s]{1,6}?(?:社区|村))?/.exec(a.address ?? '')
  if (m) return `如：${m[1]}${m[2] ?? '××社区'}`
  return `如：${a.districtName.length <= 4 ? a.districtName : ''}××街道××社区`
}

export interface ProfileDraft {
  name: string
  phone: string
  ageGroup: AgeGroup | ''
  community: string
  audience: Audience | typeof UNSURE | ''
}

export const EMPTY_PROFILE: ProfileDraft = { name: '', phone: '', ageGroup: '', community: '', audience: '' }

export interface FamilyDraft {
  name: string
  phone: string
  ageGroup: AgeGroup | ''
  relation: Relation | ''
}

export const EMPTY_FAMILY: FamilyDraft = { name: '', phone: '', ageGroup: '', relation: '' }

const MESSAGES: Record<string, string> = {
  name: '请填写姓名（20个字以内）',
  phone: '请填写11位手机号码，例如 13812345678',
  ageGroup: '请选择年龄段',
  community: '请填写所在街道或社区（60个字以内）',
  audience: '请选择人群类别',
  relation: '请选择和您的关系',
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>

function errorsOf<K extends string>(issues: { path: PropertyKey[] }[]): FieldErrors<K> {
  const out: FieldErrors<K> = {}
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '') as K
    if (key && !out[key]) out[key] = MESSAGES[key] ?? '请检查这一项'
  }
  return out
}

/** The profile to send, or the errors by field. */
export function checkProfile(d: ProfileDraft): { profile: ProfileView } | { errors: FieldErrors<keyof ProfileDraft> } {
  // 不确定/其他 without an age group yet: only the age group is asked for.
  const audience = d.audience === UNSURE ? (d.ageGroup ? audienceByAge(d.ageGroup) : 'residents') : d.audience
  const parsed = profileSchema.safeParse({ ...d, audience, phone: d.phone.replace(/\s/g, '') })
  return parsed.success ? { profile: parsed.data } : { errors: errorsOf<keyof ProfileDraft>(parsed.error.issues) }
}

/** The family member to send (phone optional), or the errors by field. */
export function checkFamily(d: FamilyDraft): { member: FamilyMemberInput } | { errors: FieldErrors<keyof FamilyDraft> } {
  const phone = d.phone.replace(/\s/g, '')
  const parsed = familyMemberInputSchema.safeParse({
    name: d.name,
    phone: phone === '' ? null : phone,
    ageGroup: d.ageGroup,
    relation: d.relation,
  })
  return parsed.success ? { member: parsed.data } : { errors: errorsOf<keyof FamilyDraft>(parsed.error.issues) }
}

/** Server-side VALIDATION_FAILED paths (e.g. 'profile.phone') as form errors. */
export function errorsFromPaths<K extends string>(paths: string[] | undefined, prefix = ''): FieldErrors<K> {
  const out: FieldErrors<K> = {}
  for (const p of paths ?? []) {
    const key = (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p).split('.')[0] as K
    if (key && MESSAGES[key] && !out[key]) out[key] = MESSAGES[key]
  }
  return out
}
