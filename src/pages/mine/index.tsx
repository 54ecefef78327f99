import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { Registration } from '@shared/contracts/signup'
import { Chip } from '@/components/Chip'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { usePagedList } from '@/hooks/usePagedList'
import { listMySignups } from '@/services/signup'
import { MineItem } from './MineItem'
import { MineLearning } from './MineLearning'
import { NextTicket } from '@/components/NextTicket'
import { Notices } from './Notices'
import { RatingCard } from './RatingCard'
import './index.scss'

type When = 'upcoming' | 'past'
const PAGE_SIZE = 10

/**
 * 我的活动: the next ticket first, then notices, activities to rate (asked once), 我的学习 (courses of the resident and their family), then the
 * registrations of the resident and their family, upcoming (soonest first) or past, each with its
 * state in words and cancel before the deadline.
 */
export default function MinePage() {
  const [when, setWhen] = useState<When>('upcoming')
  const [round, setRound] = useState(0)
  const list = usePagedList<Registration>(
    `${when}:${round}`,
    (cursor) => listMySignups({ when, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
    (r) => r.id,
  )

  // Back from a detail or sign-up page: the list may have changed.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) setRound((n) => n + 1)
    shown.current = true
  })
  usePullDownRefresh(() => {
    setRound((n) => n + 1)
    Taro.stopPullDownRefresh()
  })

  return (
    <PageShell className="mine" testid="mine-page">
      <View className="page-head">
        <Text className="page-head__title">我的活动</Text>
        <Text className="page-head__text">您和家人的报名都在这里，可以查看状态或取消报名。</Text>
      </View>

      <NextTicket refresh={round} />

      <View
        className="btn btn--secondary mine-family"
        data-testid="entry-family"
        ariaRole="link"
        onClick={() => void Taro.navigateTo({ url: '/pages/family/index' })}
      >
        <Text>我的家人（替没有手机的家人报名）›</Text>
      </View>

      <View
        className="btn btn--secondary mine-family"
        data-testid="entry-my-data"
        ariaRole="link"
        onClick={() => void Taro.navigateTo({ url: '/account/data/index' })}
      >
        <Text>我的信息（查看、导出、删除）›</Text>
      </View>

      <Notices refresh={round} />

      <RatingCard refresh={round} />

      <MineLearning refresh={round} />

      <View className="mine-tabs" data-testid="mine-tabs">
        <Chip selected={when === 'upcoming'} testid="mine-tab-upcoming" onTap={() => setWhen('upcoming')}>
          即将参加
        </Chip>
        <Chip selected={when === 'past'} testid="mine-tab-past" onTap={() => setWhen('past')}>
          已结束
        </Chip>
      </View>

      <View data-testid="mine-list" data-status={list.status} data-when={when}>
        {list.status === 'loading' ? <Loading text="正在加载报名记录…" /> : null}
        {list.status === 'error' && list.error ? (
          <ErrorState message={list.error.message} code={list.error.code} onRetry={() => void list.reload()} />
        ) : null}
        {list.status === 'ready' && list.items.length === 0 ? (
          <Empty
            title={when === 'upcoming' ? '还没有要参加的活动' : '还没有已结束的活动'}
            hint={when === 'upcoming' ? '在活动周首页找到喜欢的活动，点“报名”即可，也可以帮家人报名。' : undefined}
          >
            {when === 'upcoming' ? (
              <View
                className="btn btn--primary"
                data-testid="mine-go-home"
                ariaRole="link"
                onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}
              >
                <Text>去找活动</Text>
              </View>
            ) : null}
          </Empty>
        ) : null}
        {list.items.map((r) => (
          <MineItem key={r.id} r={r} onChanged={list.replace} />
        ))}
        {list.status === 'ready' && list.items.length > 0 ? (
          <View className="mine-footer">
            {list.more === 'loading' ? <Loading text="正在加载更多…" /> : null}
            {list.more === 'error' && list.moreError ? (
              <View className="btn btn--primary" data-testid="mine-more-retry" ariaRole="button" onClick={() => void list.loadMore()}>
                <Text>加载失败，重试</Text>
              </View>
            ) : null}
            {list.more === 'idle' && list.nextCursor ? (
              <View
                className="btn btn--secondary btn--block"
                data-testid="mine-more"
                ariaRole="button"
                onClick={() => void list.loadMore()}
              >
                <Text>加载更多</Text>
              </View>
            ) : null}
            {!list.nextCursor ? <Text className="muted">共 {list.items.length} 条报名记录</Text> : null}
          </View>
        ) : null}
      </View>

      <View
        className="btn btn--secondary btn--block mine-staff"
        data-testid="entry-staff"
        ariaRole="link"
        onClick={() => void Taro.navigateTo({ url: '/organiser/join/index' })}
      >
        <Text>工作人员：输入任命码、首次设置 ›</Text>
      </View>

      <View
        className="btn btn--secondary btn--block mine-privacy"
        data-testid="entry-privacy"
        ariaRole="link"
        onClick={() => void Taro.navigateTo({ url: '/account/privacy/index' })}
      >
        <Text>隐私保护指引（收集哪些信息、怎样删除）›</Text>
      </View>

      {process.env.TARO_ENV === 'weapp' ? (
        <View className="section">
          <Text className="section__title">需要帮助</Text>
          <Button className="btn btn--secondary btn--block" openType="contact" data-testid="mine-contact">
            联系客服
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}
