// 百姓学习之星 (a person) and 终身学习品牌项目 (a unit's project): nominated in a district, recommended or
// declined by it, selected by the level above within the places it set, published with their level,
// and shown to residents with likes (once per person per entry per Shanghai day). Pure rules, shared
// by the `stars` function and the pages.
import type { UnitLevel } from './reporting'

export const NOMINATION_KINDS = ['star', 'project'] as const
export type NominationKind = (typeof NOMINATION_KINDS)[number]
export const NOMINATION_KIND_LABELS: Record<NominationKind, string> = {
  star: '百姓学习之星',
  project: '终身学习品牌项目',
}

/**
 * draft (saved by its nominator) → nominated (handed to the district) → recommended / declined (by
 * the district, a decline with a reason) → selected (by the level above, within its places) →
 * published (in the gallery, with its level). A recognition recorded from elsewhere is published
 * from the start. `hidden` (an organiser's) is apart from the status.
 */
export const NOMINATION_STATUSES = ['draft', 'nominated', 'recommended', 'declined', 'selected', 'published'] as const
export type NominationStatus = (typeof NOMINATION_STATUSES)[number]
export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = {
  draft: '草稿',
  nominated: '已推荐至县区',
  recommended: '县区已推荐',
  declined: '未获推荐',
  selected: '已评选',
  published: '已公布',
}

/** The level of a selection or recognition, highest first. */
export const HONOUR_LEVELS = ['national', 'province', 'city', 'district'] as const
export type HonourLevel = (typeof HONOUR_LEVELS)[number]
export const HONOUR_LEVEL_LABELS: Record<HonourLevel, string> = {
  national: '国家级（教育部）',
  province: '省级',
  city: '市级',
  district: '县区级',
}

/** Who nominated: an organiser of the district, or the person (a unit for a project) themself. */
export const NOMINATOR_KINDS = ['organiser', 'self'] as const
export type NominatorKind = (typeof NOMINATOR_KINDS)[number]

export const STAR_LIMITS = {
  nameMin: 2,
  nameMax: 20,
  unitNameMax: 40,
  titleMax: 40,
  storyMin: 20,
  storyMax: 2000,
  photosMax: 9,
  reasonMin: 2,
  reasonMax: 200,
  /** Places a level may set per kind. */
  placesMax: 200,
  /** Recognitions are recorded for these years. */
  yearMin: 2000,
  yearMax: 2100,
  /** Gallery pages. */
  pageSize: 20,
} as const

/** The level a unit's selection carries: a city's is 市级; the week's top the week's own level. */
export function selectionLevel(unit: UnitLevel, weekLevel: 'province' | 'city' | 'district'): HonourLevel {
  if (unit === 'city') return 'city'
  if (unit === 'district') return 'district'
  return weekLevel
}

/** Only a draft is edited (by its nominator); after that the reviewers decide. */
export const canEdit = (s: NominationStatus) => s === 'draft'
export const canNominate = (s: NominationStatus) => s === 'draft'
/** The district recommends what was nominated; it declines what was nominated or recommended (before a selection). */
export const canRecommend = (s: NominationStatus) => s === 'nominated'
export const canDecline = (s: NominationStatus) => s === 'nominated' || s === 'recommended'
/** The level above selects what its districts recommended. */
export const canSelect = (s: NominationStatus) => s === 'recommended'
export const canPublish = (s: NominationStatus) => s === 'selected'

/** The id of a like: one per person per entry per Shanghai day. */
export const likeIdOf = (entryId: string, openid: string, day: string) => `${entryId}_${openid}_${day}`
/** The id of a vote: the same rule in the vote phase. */
export const voteIdOf = (entryId: string, openid: string, day: string) => `${entryId}_${openid}_${day}`

/** A vote phase is open on `day` (Shanghai) when it lies within its days. */
export function voteOpen(vote: { opensOn: string; closesOn: string } | null | undefined, day: string): boolean {
  return !!vote && day >= vote.opensOn && day <= vote.closesOn
}
