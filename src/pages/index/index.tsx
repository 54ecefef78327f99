import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import type { Week } from '@shared/contracts/activity'
import { openingDay } from '@shared/domain/time'
import { CareToggle } from '@/components/care'
import { NextTicket } from '@/components/NextTicket'
import { Chip } from '@/components/Chip'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { listWeeks } from '@/services/activity'
import { readString, writeString } from '@/utils/storage'
import { weekChipLabel } from '@/utils/weekChip'
import { OPEN_IN_APP } from '@/utils/timeline'
import { isVisitor } from '@/utils/visitor'
import { ActivityCard } from './ActivityCard'
import { DayTabs } from './DayTabs'
import { Filters, NO_FILTERS, type FilterValues } from './Filters'
import { SearchBar } from './SearchBar'
import { useActivityList, type ListQuery } from './useActivityList'
import { WeekBanner } from './WeekBanner'
import './index.scss'

const WEEK_KEY = 'home.weekId'

/**
 * The week's home: week choice, theme banner, day tabs, filters and the activity list.
 * More activities come with the 加载更多 button only (no load on scroll): an explicit action is
 * easier to follow for seniors, and the list never changes under a finger or a test's click.
 */
export default function Home() {
  const weeks = useAsync(() => listWeeks().then((r) => r.weeks), [])
  const [chosenWeekId, setChosenWeekId] = useState(() => readString(WEEK_KEY))
  // null: not chosen yet, the week opens on today (while it runs) or its first day; '' = 全部.
  const [chosenDay, setDay] = useState<string | null>(null)
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS)
  const [keyword, setKeyword] = useState('')
  // Each time home is shown (a tab page stays alive): today's ticket may have come or gone.
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))

  const weekList: Week[] = weeks.status === 'ready' ? weeks.data : []
  // The remembered week if it still exists, else the first.
  const week = weekList.find((w) => w.id === chosenWeekId) ?? weekList[0]
  const day = chosenDay ?? (week ? openingDay(week.startDate, week.endDate, Date.now()) : '')

  const query = useMemo<ListQuery | null>(
    () =>
      week
        ? {
            weekId: week.id,
            ...(day ? { date: day } : {}),
            ...(filters.district ? { districtCode: filters.district } : {}),
            ...(filters.type ? { type: filters.type } : {}),
            ...(filters.audience ? { audience: filters.audience } : {}),
            ...(filters.mode ? { mode: filters.mode } : {}),
            ...(filters.hasSeats ? { hasSeats: true } : {}),
            ...(keyword ? { keyword } : {}),
          }
        : null,
    [week, day, filters, keyword],
  )
  const list = useActivityList(query)

  useEffect(() => {
    if (week) writeString(WEEK_KEY, week.id)
  }, [week])

  const chooseWeek = (id: string) => {
    if (id === week?.id) return
    setChosenWeekId(id)
    setDay(null)
    setFilters(NO_FILTERS)
    setKeyword('')
  }
  const narrowed = !!(day || keyword || Object.values(filters).some(Boolean))

  usePullDownRefresh(() => {
    const done = () => Taro.stopPullDownRefresh()
    if (weeks.status === 'error') weeks.reload()
    void list.reload().finally(done)
  })

  useShareAppMessage(() => ({
    title: week ? `${week.name}：${week.theme}` : '全民终身学习活动周',
    path: '/pages/index/index',
  }))
  useShareTimeline(() => ({ title: week ? `${week.name}：${week.theme}` : '全民终身学习活动周' }))
  // A visitor from 朋友圈 (single-page mode) browses the list; opening an activity needs the mini-program.
  const [visitor] = useState(isVisitor)

  const openActivity = (id: string) => {
    if (visitor) {
      void Taro.showToast({ title: `${OPEN_IN_APP}后查看`, icon: 'none' })
      return
    }
    void Taro.navigateTo({ url: `/pages/activity/index?id=${encodeURIComponent(id)}` })
  }

  return (
    <PageShell className="home" testid="home-page">
      <View className="home-top">
        <View className="home-top__weeks" data-testid="week-selector">
          {weekList.length > 1
            ? weekList.map((w) => (
                <Chip key={w.id} selected={w.id === week?.id} onTap={() => chooseWeek(w.id)} testid={`week-option-${w.id}`} value={w.id}>
                  {weekChipLabel(w, weekList)}
                </Chip>
              ))
            : null}
          {weekList.length === 1 && week ? <Text className="home-top__region">{week.region}</Text> : null}
        </View>
        <CareToggle />
      </View>

      {weeks.status === 'loading' ? <Loading text="正在加载活动周…" /> : null}
      {weeks.status === 'error' ? <ErrorState message={weeks.error.message} code={weeks.error.code} onRetry={weeks.reload} /> : null}
      {weeks.status === 'ready' && !week ? <Empty title="暂无活动周" hint="活动周发布后会在这里显示。" /> : null}

      {week ? (
        <View>
          <WeekBanner week={week} />
          {visitor ? (
            <Text className="section home-visitor" data-testid="visitor-note">
              点屏幕下方的“前往小程序”，可以查看活动详情、报名和领取入场码。
            </Text>
          ) : (
            <NextTicket refresh={shown} today />
          )}

          <View className="section home-find" ariaLabel="找活动">
            <SearchBar value={keyword} onSearch={setKeyword} />
            <Filters
              week={week}
              value={filters}
              onChange={(patch) => setFilters((cur) => ({ ...cur, ...patch }))}
              keyword={keyword}
              onClear={() => {
                setFilters(NO_FILTERS)
                setKeyword('')
              }}
            />
            <DayTabs startDate={week.startDate} endDate={week.endDate} value={day} onChange={setDay} />
          </View>

          <View className="home-list" data-testid="activity-list" data-status={list.status}>
            {list.status === 'loading' || list.status === 'idle' ? <Loading text="正在加载活动…" /> : null}
            {list.status === 'error' && list.error ? (
              <ErrorState message={list.error.message} code={list.error.code} onRetry={() => void list.reload()} />
            ) : null}
            {list.status === 'ready' && list.items.length === 0 ? (
              <Empty
                title={narrowed ? '没有符合条件的活动' : '暂无活动'}
                hint={narrowed ? '换一天、换个搜索词或清除筛选看看。' : '活动发布后会在这里显示。'}
              />
            ) : null}
            {list.items.map((a) => (
              <ActivityCard key={a.id} activity={a} onOpen={openActivity} />
            ))}
            {list.status === 'ready' && list.items.length > 0 ? <ListFooter list={list} /> : null}
          </View>
        </View>
      ) : null}

      <View className="home-entries">
        <Text className="muted">工作人员入口</Text>
        <View className="home-entries__row">
          <View
            className="btn btn--secondary"
            data-testid="entry-volunteer"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: '/volunteer/scan/index' })}
          >
            <Text>志愿者签到</Text>
          </View>
          <View
            className="btn btn--secondary"
            data-testid="entry-organiser"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: '/organiser/dashboard/index' })}
          >
            <Text>组织者工作台</Text>
          </View>
        </View>
      </View>
    </PageShell>
  )
}

function ListFooter({ list }: { list: ReturnType<typeof useActivityList> }) {
  if (list.more === 'loading') return <Loading text="正在加载更多…" />
  if (list.more === 'error' && list.moreError) {
    const stale = list.moreError.code === 'BAD_CURSOR'
    return (
      <View className="home-list__footer" data-testid="load-more-error" data-code={list.moreError.code}>
        <Text className="home-list__footer-text">{list.moreError.message}</Text>
        <View
          className="btn btn--primary"
          data-testid={stale ? 'list-refresh' : 'load-more-retry'}
          ariaRole="button"
          onClick={() => void (stale ? list.reload() : list.loadMore())}
        >
          <Text>{stale ? '刷新列表' : '重试'}</Text>
        </View>
      </View>
    )
  }
  if (list.nextCursor) {
    return (
      <View className="home-list__footer">
        <View className="btn btn--secondary btn--block" data-testid="load-more" ariaRole="button" onClick={() => void list.loadMore()}>
          <Text>加载更多</Text>
        </View>
      </View>
    )
  }
  return (
    <View className="home-list__footer" data-testid="list-end">
      <Text className="muted">已显示全部 {list.items.length} 项活动</Text>
    </View>
  )
}
