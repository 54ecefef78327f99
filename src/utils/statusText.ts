// The badge words of a draft, published or cancelled activity, course or book list. Pure data.

/** In the organiser lists (活动管理, 课程管理, 书单管理). */
export const STATUS_WORDS = { draft: '✎ 草稿', published: '✓ 已发布', cancelled: '✕ 已取消' } as const

/** On an edit page, where the draft's badge also says that residents cannot see it. */
export const EDIT_STATUS_WORDS = { ...STATUS_WORDS, draft: '✎ 草稿（居民看不到）' } as const
