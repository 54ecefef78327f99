// How the 学习之星 / 品牌项目 showcase reads to people: the level tag, likes, the gallery's query and
// filters, the share paths. Pure (no Taro), so the pages and their tests share one wording.
import { OPEN_IN_APP } from './timeline'
import type { GalleryItem } from '@shared/contracts/stars'
import {
  HONOUR_LEVELS,
  HONOUR_LEVEL_LABELS,
  NOMINATION_KINDS,
  NOMINATION_KIND_LABELS,
  STAR_LIMITS,
  type HonourLevel,
  type NominationKind,
} from '@shared/domain/stars'

export const GALLERY_PAGE = '/learn/stars/index'
export const ENTRY_PAGE = '/learn/star/index'
export const NOMINATE_PAGE = '/learn/nominate/index'

/** Taro.eventCenter's event after a like on the entry page: (id, likes); the gallery updates its card. */
export const LIKED_EVENT = 'stars:liked'

/** The tag on a card: '投票中' for an entry in the vote phase, else its level's label. */
export function levelTag(item: Pick<GalleryItem, 'level' | 'voting'>): string {
  if (item.voting) return '投票中'
  return item.level ? HONOUR_LEVEL_LABELS[item.level] : ''
}

/** '128 人点赞', or an invitation at 0. */
export function likesText(likes: number): string {
  return likes > 0 ? `${likes} 人点赞` : '还没有人点赞'
}

/** '36 票'. */
export function votesText(votes: number): string {
  return `${votes} 票`
}

/** The like button's words: a visitor (朋友圈 single-page mode) cannot like; once a day otherwise. */
export function likeButtonText(s: { visitor: boolean; likedToday: boolean; busy: boolean }): string {
  if (s.visitor) return `${OPEN_IN_APP}后点赞`
  if (s.likedToday) return '✓ 今天已点赞'
  return s.busy ? '正在点赞…' : '👍 点赞'
}

/** The vote button's words, as the like's. */
export function voteButtonText(s: { visitor: boolean; votedToday: boolean; busy: boolean }): string {
  if (s.visitor) return `${OPEN_IN_APP}后投票`
  if (s.votedToday) return '✓ 今天已投票'
  return s.busy ? '正在投票…' : '投一票'
}

export interface GalleryFilters {
  kind: NominationKind | ''
  level: HonourLevel | ''
  districtCode: string
  year: number | 0
}

export const NO_GALLERY_FILTERS: GalleryFilters = { kind: '', level: '', districtCode: '', year: 0 }

export const KIND_OPTIONS = NOMINATION_KINDS.map((code) => ({ code, label: NOMINATION_KIND_LABELS[code] }))
export const LEVEL_OPTIONS = HONOUR_LEVELS.map((code) => ({ code, label: HONOUR_LEVEL_LABELS[code] }))

/** The gallery's input for a week, its filters and the cursor of the page after. */
export function galleryInput(weekId: string | null, f: GalleryFilters, cursor?: string) {
  return {
    ...(weekId ? { weekId } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.level ? { level: f.level } : {}),
    ...(f.districtCode ? { districtCode: f.districtCode } : {}),
    ...(f.year ? { year: f.year } : {}),
    ...(cursor ? { cursor } : {}),
  }
}

/** The years to filter by: the week's year and the four before it (recognitions of earlier years), newest first. */
export function yearOptions(weekStartDate: string | null, now: number): number[] {
  const parsed = weekStartDate ? Number(weekStartDate.slice(0, 4)) : NaN
  const top = Number.isInteger(parsed) ? parsed : new Date(now).getUTCFullYear()
  const years: number[] = []
  for (let y = top; y > top - 5 && y >= STAR_LIMITS.yearMin; y--) years.push(y)
  return years
}

/** The entry page's path (a chat card opens it). */
export function entryPath(id: string): string {
  return `${ENTRY_PAGE}?id=${encodeURIComponent(id)}`
}

/** The 朋友圈 share's query (the timeline opens the page itself with it). */
export function entryQuery(id: string): string {
  return `id=${encodeURIComponent(id)}`
}

/** An id from the page's query: decoded, '' when it is not one. */
export function idParam(value: unknown): string {
  if (typeof value !== 'string' || !value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return ''
  }
}
