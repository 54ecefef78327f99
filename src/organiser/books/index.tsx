import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { InlineConfirm, InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { listManagedBookLists, setBookListPublished } from '@/services/reading'
import { STATUS_WORDS } from '@/utils/statusText'
import { filterCourses } from '../courses/text'
import { DistrictFilter, PublishButtons, WeekChips, WeekSection } from '../components/OrgList'
import { ScopedWeek, type WeekProps } from '../components/ScopedWeek'
import { ListEditor } from './ListEditor'
import '../courses/index.scss'
import './index.scss'

/**
 * 书单管理 (organiser subpackage): the 好书推荐 lists of the caller's district(s) in a week, drafts
 * included, with their reading logs and minutes; a list is created and edited in place, then
 * published or taken offline.
 */
export default function OrganiserBooks() {
  return (
    <PageShell className="org-list org-books" testid="org-books-page">
      <View className="page-head">
        <Text className="page-head__title">书单管理</Text>
        <Text className="page-head__text">好书推荐：每本书写几句推荐语，可关联书友会、读书沙龙。草稿只有组织者能看到。</Text>
      </View>
      <ScopedWeek>{(week) => <ScopeView {...week} />}</ScopedWeek>
    </PageShell>
  )
}

type Acting = { id: string; ask: 'publish' | 'unpublish' } | null

function ScopeView({ scopes, scope, onWeek }: WeekProps) {
  const weekId = scope.week.id
  const [district, setDistrict] = useState('')
  const lists = useAsync(() => listManagedBookLists(weekId).then((r) => r.lists), [weekId])
  /** The list open in the editor: its id, 'new', or '' for none. */
  const [editing, setEditing] = useState('')
  const [acting, setActing] = useState<Acting>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<{ id: string; error: CloudError } | null>(null)
  const [done, setDone] = useState<{ id: string; text: string } | null>(null)

  usePullDownRefresh(() => {
    lists.reload()
    Taro.stopPullDownRefresh()
  })

  const publish = async (listId: string, published: boolean) => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    setDone(null)
    try {
      await setBookListPublished(listId, published)
      setDone({ id: listId, text: published ? '✓ 已发布，居民现在可以看到这个书单' : '✓ 已下线，居民暂时看不到这个书单' })
      lists.reload()
    } catch (err) {
      setFailure({ id: listId, error: toCloudError(err) })
    } finally {
      setActing(null)
      setBusy(false)
    }
  }

  const shown = lists.status === 'ready' ? filterCourses(lists.data, district) : []
  const newDistrict = district || (scope.districts.length === 1 ? scope.districts[0].code : '')

  return (
    <View>
      <WeekChips scopes={scopes} scope={scope} onWeek={onWeek} />

      <WeekSection scope={scope}>
        {editing === 'new' ? null : (
          <View
            className="btn btn--primary btn--block org-new"
            data-testid="org-new-book-list"
            ariaRole="button"
            onClick={() => {
              setEditing('new')
              setDone(null)
            }}
          >
            <Text>＋ 新建书单</Text>
          </View>
        )}
      </WeekSection>

      <DistrictFilter scope={scope} district={district} onDistrict={setDistrict} />

      <View className="org-items" data-testid="org-book-lists" data-status={lists.status}>
        {editing === 'new' ? (
          <ListEditor
            scope={scope}
            list={null}
            district={newDistrict}
            onClose={() => setEditing('')}
            onSaved={(listId) => {
              setEditing('')
              setDone({ id: listId, text: '✓ 已保存为草稿，发布后居民才能看到' })
              lists.reload()
            }}
          />
        ) : null}
        {lists.status === 'loading' ? <Loading text="正在加载书单…" /> : null}
        {lists.status === 'error' ? <ErrorState message={lists.error.message} code={lists.error.code} onRetry={lists.reload} /> : null}
        {lists.status === 'ready' && shown.length === 0 && editing !== 'new' ? (
          <Empty title="还没有书单" hint="点“新建书单”推荐第一批好书。" />
        ) : null}
        {shown.map((l) =>
          editing === l.id ? (
            <ListEditor
              key={l.id}
              scope={scope}
              list={l}
              district={l.districtCode}
              onClose={() => setEditing('')}
              onSaved={(listId) => {
                setEditing('')
                setDone({ id: listId, text: '✓ 修改已保存' })
                lists.reload()
              }}
            />
          ) : (
            <View key={l.id} className={`org-item org-item--${l.status}`} data-testid="org-book-list" data-id={l.id} data-status={l.status}>
              <View className="org-item__tags">
                <Text className={`org-item__status org-item__status--${l.status}`} data-testid="org-book-list-status">
                  {STATUS_WORDS[l.status]}
                </Text>
                <Text className="org-item__tag">{l.districtName}</Text>
              </View>
              <Text className="org-item__title" data-testid="org-book-list-title">
                {l.title}
              </Text>
              {l.intro ? <Text className="org-item__line muted">{l.intro}</Text> : null}
              <Text className="org-item__line" data-testid="org-book-list-counts" data-logs={l.logs} data-minutes={l.minutes}>
                {l.books.length} 本书 · 阅读打卡 {l.logs} 次 · 共 {l.minutes} 分钟
              </Text>
              <View className="book-titles">
                {l.books.map((b) => (
                  <Text key={b.id} className="book-titles__item">
                    《{b.title}》{b.author} · {b.readers} 人读过{b.activityIds.length > 0 ? ` · 关联活动 ${b.activityIds.length} 项` : ''}
                  </Text>
                ))}
              </View>
              {failure?.id === l.id ? (
                <InlineError message={failure.error.message} code={failure.error.code} testid="org-book-list-error" />
              ) : null}
              {done?.id === l.id ? (
                <Text className="org-done" data-testid="org-book-list-done">
                  {done.text}
                </Text>
              ) : null}
              {acting?.id === l.id ? (
                <InlineConfirm
                  testid={`org-book-list-${acting.ask}`}
                  danger={acting.ask === 'unpublish'}
                  busy={busy}
                  text={
                    acting.ask === 'publish'
                      ? '发布后，居民就能看到这个书单并打卡阅读。确定发布吗？'
                      : '下线后，居民看不到这个书单；已有的阅读记录会保留。确定下线吗？'
                  }
                  confirmLabel={acting.ask === 'publish' ? '确定发布' : '确定下线'}
                  cancelLabel="先不了"
                  onConfirm={() => void publish(l.id, acting.ask === 'publish')}
                  onCancel={() => setActing(null)}
                />
              ) : (
                <PublishButtons
                  testid="org-book-list"
                  status={l.status}
                  editRole="button"
                  onEdit={() => {
                    setEditing(l.id)
                    setDone(null)
                    setFailure(null)
                  }}
                  onAsk={(ask) => setActing({ id: l.id, ask })}
                />
              )}
            </View>
          ),
        )}
      </View>
    </View>
  )
}
