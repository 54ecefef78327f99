import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { GalleryItem } from '@shared/contracts/stars'
import { PageShell } from '@/components/PageShell'
// form first: it brings the Chip's and the states' styles in the order every chunk uses (mini-css-extract wants one).
import '@/components/form'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { usePagedList } from '@/hooks/usePagedList'
import { listWeeks } from '@/services/activity'
import { starsApi } from '@/services/stars'
import { readString } from '@/utils/storage'
import {
  GALLERY_PAGE,
  NOMINATE_PAGE,
  NO_GALLERY_FILTERS,
  entryPath,
  galleryInput,
  LIKED_EVENT,
  yearOptions,
  type GalleryFilters as Filters,
} from '@/utils/starsText'
import { GalleryFilters } from './GalleryFilters'
import { StarCard } from './StarCard'
import { isVisitor } from '@/utils/visitor'
import './index.scss'

/** The week the home page shows (pages/index keeps it under this key). */
const HOME_WEEK_KEY = 'home.weekId'

/**
 * 学习之星 · 品牌项目 (推介宣传): the published 百姓学习之星 and 终身学习品牌项目 of the week's region
 * (and, in a vote phase, the recommended ones marked 投票中), filtered by 类别, 级别, 县区 and 年份.
 * The next page comes at the bottom of the list (and with 加载更多). 我要自荐 when the week allows it.
 */
export default function StarsGallery() {
  const [visitor] = useState(isVisitor)
  // A visitor (朋友圈) has no identity: the weeks need one, the gallery does not.
  const weeks = useAsync(() => (visitor ? Promise.resolve([]) : listWeeks().then((r) => r.weeks)), [visitor])
  const weekList = weeks.status === 'ready' ? weeks.data : []
  const week = weekList.find((w) => w.id === readString(HOME_WEEK_KEY)) ?? weekList[0] ?? null
  const [filters, setFilters] = useState<Filters>(NO_GALLERY_FILTERS)
  const years = useMemo(() => yearOptions(week?.startDate ?? null, Date.now()), [week])

  const weekId = week?.id ?? null
  const key = weeks.status === 'loading' ? null : JSON.stringify(galleryInput(weekId, filters))
  const list = usePagedList<GalleryItem>(
    key,
    (cursor) => starsApi.gallery(galleryInput(weekId, filters, cursor)).then((r) => ({ items: r.items, nextCursor: r.cursor })),
    (x) => x.id,
  )
  const settings = useAsync(() => (weekId && !visitor ? starsApi.settings({ weekId }) : Promise.resolve(null)), [weekId, visitor])
  const selfNomination = settings.status === 'ready' && !!settings.data?.selfNomination

  // A like on the entry page shows on its card when the resident comes back (the list and its
  // scroll position are kept).
  const { replace } = list
  const itemsRef = useRef(list.items)
  itemsRef.current = list.items
  useEffect(() => {
    const onLiked = (id: string, likes: number) => {
      const item = itemsRef.current.find((x) => x.id === id)
      if (item) replace({ ...item, likes, likedToday: true })
    }
    Taro.eventCenter.on(LIKED_EVENT, onLiked)
    return () => void Taro.eventCenter.off(LIKED_EVENT, onLiked)
  }, [replace])
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => void list.loadMore())
  useShareAppMessage(() => ({ title: '百姓学习之星 · 终身学习品牌项目', path: GALLERY_PAGE }))
  useShareTimeline(() => ({ title: '百姓学习之星 · 终身学习品牌项目' }))

  const change = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }))
  const open = (id: string) => void Taro.navigateTo({ url: entryPath(id) })
  const narrowed = Object.values(filters).some(Boolean)
  const loading = list.status === 'loading' || list.status === 'idle'

  return (
    <PageShell className="stars" testid="stars-page">
      <View className="page-head">
        <Text className="page-head__title">学习之星 · 品牌项目</Text>
        <Text className="page-head__text">看看身边的百姓学习之星和终身学习品牌项目，为他们点个赞。</Text>
      </View>

      {selfNomination ? (
        <View
          className="stars-nominate"
          data-testid="stars-nominate"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: NOMINATE_PAGE })}
        >
          <Text className="stars-nominate__title">我要自荐 ›</Text>
          <Text className="stars-nominate__text">本届活动周接受自荐，也可以看看我的自荐进展</Text>
        </View>
      ) : null}

      <GalleryFilters value={filters} onChange={change} districts={week?.districts ?? []} years={years} />

      <View className="stars-list" data-testid="stars-list" data-status={list.status} data-count={String(list.items.length)}>
        {loading ? <Loading text="正在加载学习之星…" /> : null}
        {list.status === 'error' && list.error ? (
          <ErrorState message={list.error.message} code={list.error.code} onRetry={() => void list.reload()} />
        ) : null}
        {list.status === 'ready' && list.items.length === 0 ? (
          <Empty
            title="还没有公布的学习之星和品牌项目"
            hint={narrowed ? '换个条件看看，或清除筛选。' : '评选结果公布后会显示在这里，请过几天再来看看。'}
          >
            {narrowed ? (
              <View
                className="btn btn--secondary"
                data-testid="stars-clear"
                ariaRole="button"
                onClick={() => setFilters(NO_GALLERY_FILTERS)}
              >
                <Text>清除筛选</Text>
              </View>
            ) : null}
          </Empty>
        ) : null}
        {list.status === 'ready' ? list.items.map((item) => <StarCard key={item.id} item={item} onOpen={open} />) : null}
        {list.status === 'ready' ? <Footer list={list} /> : null}
      </View>
    </PageShell>
  )
}

function Footer({ list }: { list: ReturnType<typeof usePagedList<GalleryItem>> }) {
  if (list.more === 'loading') return <Loading text="正在加载更多…" />
  if (list.more === 'error' && list.moreError) {
    return (
      <View className="stars-list__footer" data-testid="load-more-error" data-code={list.moreError.code}>
        <Text className="stars-list__footer-text">{list.moreError.message}</Text>
        <View
          className="btn btn--secondary btn--block"
          data-testid="load-more-retry"
          ariaRole="button"
          onClick={() => void list.loadMore()}
        >
          <Text>重试</Text>
        </View>
      </View>
    )
  }
  if (list.nextCursor) {
    return (
      <View className="stars-list__footer">
        <View className="btn btn--secondary btn--block" data-testid="load-more" ariaRole="button" onClick={() => void list.loadMore()}>
          <Text>加载更多</Text>
        </View>
      </View>
    )
  }
  if (list.items.length === 0) return null
  return (
    <View className="stars-list__footer">
      <Text className="stars-list__footer-text">已经到底了，共 {list.items.length} 个</Text>
    </View>
  )
}
