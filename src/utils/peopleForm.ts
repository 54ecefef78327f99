// Checking the people forms (the resident's profile, a family member) before anything is sent: the
// same zod schemas the cloud function uses, each failing field turned into one Chinese sentence.
import { familyMemberInputSchema, profileSchema, type FamilyMemberInput, type ProfileView } from '@shared/contracts/signup'
import type { AgeGroup, Relation } from '@shared/domain/people'
import type { Audience } from '@shared/domain/vocabulary'

export interface ProfileDraft {
  name: string
  phone: string
  ageGroup: AgeGroup | ''
  community: string
  audience: Audience | ''
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
  const parsed = profileSchema.safeParse({ ...d, phone: d.phone.replace(/\s/g, '') })
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
