// The 宣传报道 form: what is typed, checked before sending (the same rules as the contract, in
// words), and how a record reads in the list. Pure.
import type { PublicityInput, PublicityItem } from '@shared/contracts/stats'

export type PublicityKind = PublicityItem['kind']

export const PUBLICITY_KINDS: { code: PublicityKind; label: string }[] = [
  { code: 'text', label: '文字报道' },
  { code: 'photo', label: '图片' },
  { code: 'video', label: '视频' },
]

/** The kind as text with a mark, never an icon alone. */
export const KIND_WORDS: Record<PublicityKind, string> = { text: '▤ 文字报道', photo: '▣ 图片', video: '▶ 视频' }

export const MAX_PHOTOS = 9

export interface PublicityDraft {
  kind: PublicityKind
  /** An activity id, or '' for the district's week as a whole. */
  activityId: string
  opening: boolean
  title: string
  outlet: string
  url: string
  fileIds: string[]
  /** 'YYYY-MM-DD' or ''. */
  publishedOn: string
}

export const emptyDraft = (today: string): PublicityDraft => ({
  kind: 'text',
  activityId: '',
  opening: false,
  title: '',
  outlet: '',
  url: '',
  fileIds: [],
  publishedOn: today,
})

export type DraftErrors = Partial<Record<'title' | 'outlet' | 'url' | 'photos', string>>

/** Needs a link: text reports and videos. */
export const needsLink = (kind: PublicityKind) => kind !== 'photo'

/** The errors of a draft in Chinese, and the input for publicity.add when there are none. */
export function checkDraft(d: PublicityDraft, weekId: string, districtCode: string): { errors: DraftErrors; input: PublicityInput | null } {
  const errors: DraftErrors = {}
  const title = d.title.trim()
  const outlet = d.outlet.trim()
  const url = d.url.trim()
  if (title.length < 2) errors.title = '请填写标题（2 到 80 个字）'
  else if (title.length > 80) errors.title = '标题最多 80 个字'
  if (!outlet) errors.outlet = '请填写发布的媒体或平台，例如：区融媒体中心'
  else if (outlet.length > 40) errors.outlet = '媒体或平台名称最多 40 个字'
  if (url) {
    if (!/^https?:\/\/\S+$/.test(url)) errors.url = '链接要以 http:// 或 https:// 开头，中间不能有空格'
    else if (url.length > 300) errors.url = '链接太长了（最多 300 个字符）'
  } else if (needsLink(d.kind)) {
    errors.url = d.kind === 'video' ? '视频请填写链接' : '文字报道请填写链接'
  }
  if (d.kind === 'photo' && d.fileIds.length === 0) errors.photos = '请至少上传一张照片'
  if (d.fileIds.length > MAX_PHOTOS) errors.photos = `最多 ${MAX_PHOTOS} 张照片`
  if (Object.keys(errors).length) return { errors, input: null }
  return {
    errors,
    input: {
      weekId,
      districtCode,
      activityId: d.activityId || null,
      opening: d.opening,
      kind: d.kind,
      title,
      outlet,
      url: url || null,
      fileIds: d.fileIds,
      publishedOn: d.publishedOn || null,
    },
  }
}

/** What a record is about: '开幕式', '《活动》', '全区活动周', or both. */
export function aboutText(item: Pick<PublicityItem, 'opening' | 'activityTitle' | 'activityId'>): string {
  const parts: string[] = []
  if (item.opening) parts.push('开幕式')
  if (item.activityId) parts.push(item.activityTitle ? `《${item.activityTitle}》` : '一项活动')
  return parts.length ? parts.join(' · ') : '全区活动周'
}

/** '2026年12月1日发布' or ''. */
export function publishedText(day: string | null): string {
  if (!day) return ''
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日发布`
}
