// The 学习之星 / 品牌项目 nomination form: what is typed, checked with the contract's own schema
// (nominationInputSchema, STAR_LIMITS) before sending, with the failures in words at their field. Pure.
import { nominationInputSchema, type Nomination, type NominationInput } from '@shared/contracts/stars'
import { STAR_LIMITS, type HonourLevel, type NominationKind } from '@shared/domain/stars'

export interface StarDraft {
  kind: NominationKind
  districtCode: string
  name: string
  unitName: string
  story: string
  photos: string[]
  videoUrl: string
  contactName: string
  contactPhone: string
  nomineeConsent: boolean
}

/** A recognition recorded from elsewhere (记录已获荣誉): its level, year and who gave it. */
export interface HonourDraft {
  level: HonourLevel
  year: string
  by: string
}

export type StarField =
  | 'kind'
  | 'districtCode'
  | 'name'
  | 'unitName'
  | 'story'
  | 'photos'
  | 'videoUrl'
  | 'contactName'
  | 'contactPhone'
  | 'nomineeConsent'
  | 'level'
  | 'year'
  | 'by'

export type StarErrors = Partial<Record<StarField, string>>

export const emptyStarDraft = (districtCode: string): StarDraft => ({
  kind: 'star',
  districtCode,
  name: '',
  unitName: '',
  story: '',
  photos: [],
  videoUrl: '',
  contactName: '',
  contactPhone: '',
  nomineeConsent: false,
})

/** A saved nomination back in the form (the contact is the nominator's). */
export function draftOf(n: Nomination): StarDraft {
  return {
    kind: n.kind,
    districtCode: n.districtCode,
    name: n.name,
    unitName: n.unitName ?? '',
    story: n.story,
    photos: n.photos,
    videoUrl: n.videoUrl ?? '',
    contactName: n.nominator.name,
    contactPhone: n.nominator.phone,
    nomineeConsent: n.nomineeConsentAt !== null,
  }
}

/** The name field's label: a star is a person, a project has its own name. */
export const nameLabel = (kind: NominationKind) => (kind === 'star' ? '姓名' : '项目名称')
export const unitLabel = (kind: NominationKind) => (kind === 'star' ? '工作单位或所在社区' : '申报单位')

/** Characters as a person counts them (an emoji is one). */
export const charCount = (text: string) => Array.from(text).length

/** '356 / 2000 字', with how many are still needed for a nomination. */
export function storyCountText(story: string): string {
  const n = charCount(story.trim())
  const base = `${n} / ${STAR_LIMITS.storyMax} 字`
  if (n > STAR_LIMITS.storyMax) return `${base}，超出 ${n - STAR_LIMITS.storyMax} 字`
  if (n < STAR_LIMITS.storyMin) return `${base}，提交推荐至少 ${STAR_LIMITS.storyMin} 字`
  return base
}

const WORDS: Record<StarField, (kind: NominationKind) => string> = {
  kind: () => '请选择推荐类别',
  districtCode: () => '请选择县区',
  name: (k) => `${nameLabel(k)}请填写 ${STAR_LIMITS.nameMin} 到 ${STAR_LIMITS.nameMax} 个字`,
  unitName: (k) => `${unitLabel(k)}最多 ${STAR_LIMITS.unitNameMax} 个字`,
  story: () => `事迹介绍最多 ${STAR_LIMITS.storyMax} 字，不能含特殊控制字符`,
  photos: () => `照片最多 ${STAR_LIMITS.photosMax} 张`,
  videoUrl: () => '视频链接要以 http:// 或 https:// 开头，中间不能有空格',
  contactName: () => '请填写推荐联系人姓名（2 到 20 个字）',
  contactPhone: () => '请填写联系电话（7 到 20 位数字）',
  nomineeConsent: () => '请先取得被推荐人本人同意，并勾选确认',
  level: () => '请选择荣誉级别',
  year: () => `请填写 ${STAR_LIMITS.yearMin} 到 ${STAR_LIMITS.yearMax} 之间的年份`,
  by: () => '请填写授予单位（2 到 40 个字），例如：教育部',
}

/** The message shown at a field. */
export const fieldMessage = (field: StarField, kind: NominationKind) => WORDS[field](kind)

const FIELDS = new Set<string>(Object.keys(WORDS))

/** VALIDATION_FAILED paths ('story', 'input.photos.3') as the form's fields, with their words. */
export function errorsFromPaths(paths: readonly string[] | undefined, kind: NominationKind): StarErrors {
  const out: StarErrors = {}
  for (const raw of paths ?? []) {
    const field = raw.split('.').find((p) => FIELDS.has(p)) as StarField | undefined
    if (field) out[field] = fieldMessage(field, kind)
  }
  return out
}

/** The story's length for a nomination (not for a draft): at least STAR_LIMITS.storyMin characters. */
export function storyTooShort(story: string): boolean {
  return charCount(story.trim()) < STAR_LIMITS.storyMin
}

/**
 * The draft as the `save` input, checked by the contract's schema; a star handed on (`submitting`)
 * also needs the nominee's consent and a story of STAR_LIMITS.storyMin characters, as the server does.
 */
export function checkStarDraft(
  d: StarDraft,
  weekId: string,
  id: string | undefined,
  submitting: boolean,
): { errors: StarErrors; input: NominationInput | null } {
  const candidate = {
    ...(id ? { id } : {}),
    weekId,
    kind: d.kind,
    districtCode: d.districtCode,
    name: d.name,
    unitName: d.unitName.trim() ? d.unitName : null,
    story: d.story,
    photos: d.photos,
    videoUrl: d.videoUrl.trim() ? d.videoUrl.trim() : null,
    contactName: d.contactName,
    contactPhone: d.contactPhone.trim(),
    nomineeConsent: d.kind === 'star' ? d.nomineeConsent : false,
  }
  const parsed = nominationInputSchema.safeParse(candidate)
  const errors = parsed.success
    ? {}
    : errorsFromPaths(
        parsed.error.issues.map((i) => i.path.join('.')),
        d.kind,
      )
  if (!d.districtCode) errors.districtCode = fieldMessage('districtCode', d.kind)
  if (submitting) {
    if (storyTooShort(d.story)) errors.story = `事迹介绍至少 ${STAR_LIMITS.storyMin} 字才能提交推荐`
    if (d.kind === 'star' && !d.nomineeConsent) errors.nomineeConsent = fieldMessage('nomineeConsent', d.kind)
  }
  if (Object.keys(errors).length || !parsed.success) return { errors, input: null }
  return { errors, input: candidate }
}

/** The honour fields of a recorded recognition, checked; the year as a number. */
export function checkHonour(h: HonourDraft): { errors: StarErrors; honour: { level: HonourLevel; year: number; by: string } | null } {
  const errors: StarErrors = {}
  const year = /^\d{4}$/.test(h.year.trim()) ? Number(h.year.trim()) : NaN
  if (!(year >= STAR_LIMITS.yearMin && year <= STAR_LIMITS.yearMax)) errors.year = fieldMessage('year', 'star')
  const by = h.by.trim()
  if (charCount(by) < 2 || charCount(by) > 40) errors.by = fieldMessage('by', 'star')
  if (Object.keys(errors).length) return { errors, honour: null }
  return { errors, honour: { level: h.level, year, by } }
}
