// The self-nomination form (我要自荐): its draft, the checks said in words before anything is sent,
// and the save input. Pure, tested beside it.
import type { NominationInput } from '@shared/contracts/stars'
import { STAR_LIMITS, type NominationKind } from '@shared/domain/stars'

export const NOMINATE_CONSENT_REASON = '自荐需要填写您的姓名、事迹和联系电话，需先同意《隐私保护指引》'

export interface NominateDraft {
  kind: NominationKind | ''
  districtCode: string
  name: string
  unitName: string
  story: string
  contactName: string
  contactPhone: string
}

export type NominateErrors = Partial<Record<keyof NominateDraft, string>>

export const emptyNominateDraft = (): NominateDraft => ({
  kind: 'star',
  districtCode: '',
  name: '',
  unitName: '',
  story: '',
  contactName: '',
  contactPhone: '',
})

const PHONE_RE = /^[0-9+\-\s()]{7,20}$/

/** What is missing or wrong, field by field, in words; {} when it may be sent. */
export function checkNominateDraft(d: NominateDraft): NominateErrors {
  const e: NominateErrors = {}
  const name = d.name.trim()
  const story = d.story.trim()
  if (!d.kind) e.kind = '请选择自荐类别'
  if (!d.districtCode) e.districtCode = '请选择所在县区'
  if (name.length < STAR_LIMITS.nameMin || name.length > STAR_LIMITS.nameMax)
    e.name =
      d.kind === 'project'
        ? `项目名称为 ${STAR_LIMITS.nameMin}–${STAR_LIMITS.nameMax} 个字`
        : `姓名为 ${STAR_LIMITS.nameMin}–${STAR_LIMITS.nameMax} 个字`
  if (d.kind === 'project' && !d.unitName.trim()) e.unitName = '请填写项目所属单位'
  if (d.unitName.trim().length > STAR_LIMITS.unitNameMax) e.unitName = `单位最多 ${STAR_LIMITS.unitNameMax} 个字`
  if (story.length < STAR_LIMITS.storyMin) e.story = `事迹至少写 ${STAR_LIMITS.storyMin} 个字，现在 ${story.length} 个字`
  else if (story.length > STAR_LIMITS.storyMax) e.story = `事迹最多 ${STAR_LIMITS.storyMax} 个字`
  const contact = d.contactName.trim()
  if (contact.length < 2 || contact.length > 20) e.contactName = '联系人姓名为 2–20 个字'
  if (!PHONE_RE.test(d.contactPhone.trim())) e.contactPhone = '请填写正确的联系电话'
  return e
}

/** The save input: the person nominates themself (or their unit's project), so the nominee agrees. */
export function nominateInput(weekId: string, d: NominateDraft, photos: string[], id: string | null): NominationInput {
  const unitName = d.unitName.trim()
  return {
    ...(id ? { id } : {}),
    weekId,
    kind: d.kind || 'star',
    districtCode: d.districtCode,
    name: d.name.trim(),
    unitName: unitName || null,
    story: d.story.trim(),
    photos,
    videoUrl: null,
    contactName: d.contactName.trim(),
    contactPhone: d.contactPhone.trim(),
    nomineeConsent: true,
  }
}
