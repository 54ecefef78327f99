import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { ManagedSummary } from '@shared/contracts/activity'
// First: its QrCode styles must come before the states' (see InvitePanel).
import { InvitePanel, type SharedInvite } from './InvitePanel'
import { Chip } from '@/components/Chip'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { usePagedList } from '@/hooks/usePagedList'
import { listManagedActivities } from '@/services/activity'
import { placeText, timeRangeText, typeLabel } from '@/utils/activityText'
import { STATUS_WORDS } from '@/utils/statusText'
import { DistrictFilter, WeekChips, WeekSection } from '../components/OrgList'
import { inviteShareMessage } from './inviteShare'
import { ScopedWeek, type WeekProps } from '../components/ScopedWeek'
import './index.scss'

type Status = '' | 'draft' | 'published' | 'cancelled'
const STATUSES: { code: Status; label: string }[] = [
  { code: '', label: '全部' },
  { code: 'draft', label: '草稿' },
  { code: 'published', label: '已发布' },
  { code: 'cancelled', label: '已取消' },
]

/**
 * 活动管理 (organiser subpackage): the activities of the caller's district(s) in a week, drafts
 * included, with their registrations; new activity; tap one to edit, publish or cancel it, or (published,
 * with sign-up) 通知报名者 to tell its registrants of a change.
 */
export default function OrganiserActivities() {
  return (
    <PageShell className="org-list" testid="org-activities-page">
      <View className="page-head">
        <Text className="page-head__title">活动管理</Text>
        <Text className="page-head__text">新建、修改、发布和取消本县区的活动。草稿只有组织者能看到。</Text>
      </View>
      <ScopedWeek>{(week) => <ScopeView {...week} />}</ScopedWeek>
    </PageShell>
  )
}

function ScopeView({ scopes, scope, onWeek }: WeekProps) {
  const [district, setDistrict] = useState('')
  const [status, setStatus] = useState<Status>('')
  const [round, setRound] = useState(0)
  const [inviting, setInviting] = useState(false)
  // The invite just created: the chat card sent by the panel's share button (weapp).
  const shared = useRef<SharedInvite | null>(null)
  useShareAppMessage(() =>
    shared.current
      ? inviteShareMessage(shared.current.code, shared.current.titles)
      : { title: '全民终身学习活动周', path: '/pages/index/index' },
  )
  const weekId = scope.week.id
  const list = usePagedList<ManagedSummary>(
    `${weekId}:${district}:${status}:${round}`,
    (cursor) =>
      listManagedActivities({
        weekId,
        limit: 20,
        ...(district ? { districtCode: district } : {}),
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      }),
    (a) => a.id,
  )

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) setRound((n) => n + 1)
    shown.current = true
  })
  usePullDownRefresh(() => {
    setRound((n) => n + 1)
    Taro.stopPullDownRefresh()
  })

  const newDistrict = district || (scope.districts.length === 1 ? scope.districts[0].code : '')
  const create = () =>
    void Taro.navigateTo({
      url: `/organiser/activity-edit/index?weekId=${encodeURIComponent(weekId)}${newDistrict ? `&districtCode=${encodeURIComponent(newDistrict)}` : ''}`,
    })

  return (
    <View>
      <WeekChips scopes={scopes} scope={scope} onWeek={onWeek} />

      <WeekSection scope={scope}>
        <View className="btn btn--primary btn--block org-new" data-testid="org-new-activity" ariaRole="button" onClick={create}>
          <Text>＋ 新建活动</Text>
        </View>
        {inviting ? null : (
          <View
            className="btn btn--secondary btn--block org-new"
            data-testid="org-invite-open"
            ariaRole="button"
            onClick={() => setInviting(true)}
          >
            <Text>邀请志愿者签到</Text>
          </View>
        )}
      </WeekSection>
      {inviting ? (
        <InvitePanel
          weekId={weekId}
          districtCode={district}
          onClose={() => {
            setInviting(false)
            shared.current = null
          }}
          onInvite={(invite) => {
            shared.current = invite
          }}
        />
      ) : null}

      <DistrictFilter scope={scope} district={district} onDistrict={setDistrict} />
      <View className="org-chips org-chips--4" data-testid="org-status-filter">
        {STATUSES.map((s) => (
          <Chip key={s.code || 'all'} selected={status === s.code} testid={`org-status-${s.code || 'all'}`} onTap={() => setStatus(s.code)}>
            {s.label}
          </Chip>
        ))}
      </View>

      <View className="org-items" data-testid="org-activity-list" data-status={list.status}>
        {list.status === 'loading' ? <Loading text="正在加载活动…" /> : null}
        {list.status === 'error' && list.error ? (
          <ErrorState message={list.error.message} code={list.error.code} onRetry={() => void list.reload()} />
        ) : null}
        {list.status === 'ready' && list.items.length === 0 ? <Empty title="还没有活动" hint="点“新建活动”添加第一项。" /> : null}
        {list.items.map((a) => (
          <View
            key={a.id}
            className={`org-item org-item--${a.status}`}
            data-testid="org-activity-item"
            data-id={a.id}
            data-status={a.status}
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: `/organiser/activity-edit/index?id=${encodeURIComponent(a.id)}` })}
          >
            <View className="org-item__tags">
              <Text className={`org-item__status org-item__status--${a.status}`}>{STATUS_WORDS[a.status]}</Text>
              <Text className="org-item__tag">{typeLabel(a.type)}</Text>
              <Text className="org-item__tag">{a.districtName}</Text>
            </View>
            <Text className="org-item__title" data-testid="org-activity-title">
              {a.title}
            </Text>
            <Text className="org-item__line">{timeRangeText(a.startAt, a.endAt)}</Text>
            <Text className="org-item__line">{placeText(a)}</Text>
            <Text className="org-item__line" data-testid="org-activity-counts">
              {a.signupRequired
                ? `已报名 ${a.counters.confirmed} / ${a.capacity ?? '-'} 人 · 候补 ${a.counters.waitlisted} 人 · 代报名 ${a.counters.proxy} 人`
                : '无需报名'}
            </Text>
            <Text className="org-item__line" data-testid="org-activity-checked-in" data-value={a.attendance?.checkedIn ?? 0}>
              {`已签到 ${a.attendance?.checkedIn ?? 0} 人 · 现场登记 ${a.attendance?.walkInHeadcount ?? 0} 人`}
            </Text>
            <View className="org-item__foot">
              {a.status === 'published' && a.signupRequired ? (
                <View
                  className="btn btn--secondary org-item__notify"
                  data-testid="org-activity-notify"
                  ariaRole="link"
                  onClick={(e) => {
                    // The card itself opens the editor: this tap opens 通知报名者 only.
                    e.stopPropagation()
                    void Taro.navigateTo({ url: `/organiser/change-notice/index?id=${encodeURIComponent(a.id)}` })
                  }}
                >
                  <Text>通知报名者</Text>
                </View>
              ) : null}
              <Text className="org-item__more">编辑 ›</Text>
            </View>
          </View>
        ))}
        {list.status === 'ready' && list.nextCursor ? (
          <View className="btn btn--secondary btn--block" data-testid="org-more" ariaRole="button" onClick={() => void list.loadMore()}>
            <Text>{list.more === 'loading' ? '正在加载…' : list.more === 'error' ? '加载失败，重试' : '加载更多'}</Text>
          </View>
        ) : null}
      </View>
    </View>
  )
}
