// How the 学习之星与品牌项目 list reads and what it asks: the unit listed, the places, honours and
// counts in words, a decline's reason checked. Pure.
import type { Honour, Nomination, Places } from '@shared/contracts/stars'
import {
  HONOUR_LEVEL_LABELS,
  NOMINATION_KIND_LABELS,
  NOMINATION_STATUS_LABELS,
  STAR_LIMITS,
  type NominationKind,
} from '@shared/domain/stars'
import { cityOfChoice, type DistrictChoice, type Scope } from '../components/scope'

/** The list's filters for a unit choice: a district, a city ('~code') or the whole week (''). */
export function listFilterOf(weekId: string, choice: DistrictChoice): { weekId: string; districtCode?: string; cityCode?: string } {
  const city = cityOfChoice(choice)
  if (city) return { weekId, cityCode: city }
  return choice ? { weekId, districtCode: choice } : { weekId }
}

/**
 * The selecting unit the caller acts as for a choice: the city listed, a city admin's own city, or
 * the top (null) for the week's admins.
 */
export function selectingCity(scope: Scope, choice: DistrictChoice): string | null {
  const city = cityOfChoice(choice)
  if (city) return city
  if (scope.admin) return null
  return scope.cities[0] ?? null
}

/** May set the places shown: a city's admins for their city, the week's admins for the top. */
export function mayEditPlaces(scope: Scope, places: Places | null): boolean {
  if (!places) return false
  if (places.cityCode === null) return scope.admin
  return scope.admin || scope.cities.includes(places.cityCode)
}

/** '已入选 2 / 名额 5'. */
export const placesText = (p: { places: number; used: number }) => `已入选 ${p.used} / 名额 ${p.places}`

/** Places are full for a kind (nothing more may be selected). */
export const placesFull = (places: Places | null, kind: NominationKind) => !!places && places[kind].used >= places[kind].places

/** '2026 市级（甲市教育局）', one per honour, highest first as stored. */
export function honourText(h: Honour): string {
  return `${h.year} ${HONOUR_LEVEL_LABELS[h.level]}（${h.by}）`
}

export const honoursText = (hs: readonly Honour[]) => hs.map(honourText).join('；')

/** The status as the chip shows it, with 已隐藏 beside it. */
export function statusText(n: Pick<Nomination, 'status' | 'hidden' | 'recorded'>): string {
  const base = n.recorded ? '已记录荣誉' : NOMINATION_STATUS_LABELS[n.status]
  return n.hidden ? `${base} · 已隐藏` : base
}

export const kindText = (k: NominationKind) => NOMINATION_KIND_LABELS[k]

/** '点赞 12 · 投票 3'. */
export const countsText = (n: Pick<Nomination, 'likes' | 'votes'>) => `点赞 ${n.likes} · 投票 ${n.votes}`

/** A decline's reason: STAR_LIMITS.reasonMin to reasonMax characters (trimmed); the message, or ''. */
export function reasonError(reason: string): string {
  const n = Array.from(reason.trim()).length
  if (n < STAR_LIMITS.reasonMin) return `请写明不予推荐的原因（至少 ${STAR_LIMITS.reasonMin} 个字）`
  if (n > STAR_LIMITS.reasonMax) return `原因最多 ${STAR_LIMITS.reasonMax} 个字`
  return ''
}

/** A places count typed in: a whole number 0..placesMax, else null. */
export function parsePlaces(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,3}$/.test(t)) return null
  const n = Number(t)
  return n <= STAR_LIMITS.placesMax ? n : null
}

/** A list with one nomination replaced by its new state (from an action's answer). */
export function replaced(items: readonly Nomination[], n: Nomination): Nomination[] {
  return items.map((x) => (x.id === n.id ? n : x))
}
