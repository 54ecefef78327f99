import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { Chip } from '@/components/Chip'
import { InlineConfirm, InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { loadScopes } from '@/services/activity'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { listManagedCourses, setCoursePublished } from '@/services/course'
import { readString, writeString } from '@/utils/storage'
import { kindText, topicText } from '../course-edit/form'
import { WEEK_KEY, type Scope } from './scope'
import { courseCountsText, filterCourses, type ManagedCourse } from './text'
import './index.scss'

const STATUS_WORDS = { draft: '✎ 草稿', published: '✓ 已发布' } as const

/**
 * 课程管理 (organiser subpackage): the courses of the caller's district(s) in a week, drafts
 * included, with how many enrolled, lessons completed and finished; new course, edit, publish or
 * take one offline.
 */
export default function OrganiserCourses() {
  const scopes = useAsync(loadScopes, [])
  const [chosen, setChosen] = useState(() => readString(WEEK_KEY))

  return (
    <PageShell className="org-list org-courses" testid="org-courses-page">
      <View className="page-head">
        <Text className="page-head__title">课程管理</Text>
        <Text className="page-head__text">智慧助老和全民阅读课程：新建、修改、发布和下线。草稿只有组织者能看到。</Text>
      </View>
      {scopes.status === 'loading' ? <Loading /> : null}
      {scopes.status === 'error' ? <ErrorState message={scopes.error.message} code={scopes.error.code} onRetry={scopes.reload} /> : null}
      {scopes.status === 'ready' && scopes.data.length === 0 ? (
        <Empty title="您还没有管理权限" hint="请联系教育局管理员，把您设为本县区活动周的组织者。" />
      ) : null}
      {scopes.status === 'ready' && scopes.data.length > 0 ? (
        <ScopeView
          scopes={scopes.data}
          scope={scopes.data.find((s) => s.week.id === chosen) ?? scopes.data[0]}
          onWeek={(id) => {
            setChosen(id)
            writeString(WEEK_KEY, id)
          }}
        />
      ) : null}
    </PageShell>
  )
}

type Acting = { id: string; ask: 'publish' | 'unpublish' } | null

function ScopeView({ scopes, scope, onWeek }: { scopes: Scope[]; scope: Scope; onWeek: (id: string) => void }) {
  const weekId = scope.week.id
  const [district, setDistrict] = useState('')
  const courses = useAsync(() => listManagedCourses(weekId).then((r) => r.courses), [weekId])
  const [acting, setActing] = useState<Acting>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<{ id: string; error: CloudError } | null>(null)
  const [done, setDone] = useState<{ id: string; text: string } | null>(null)

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) courses.reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    courses.reload()
    Taro.stopPullDownRefresh()
  })

  const newDistrict = district || (scope.districts.length === 1 ? scope.districts[0].code : '')
  const create = () =>
    void Taro.navigateTo({
      url: `/organiser/course-edit/index?weekId=${encodeURIComponent(weekId)}${newDistrict ? `&districtCode=${encodeURIComponent(newDistrict)}` : ''}`,
    })

  const publish = async (c: ManagedCourse, published: boolean) => {
    if (busy) return
    setBusy(true)
    setFailure(null)
    setDone(null)
    try {
      await setCoursePublished(c.id, published)
      setActing(null)
      setDone({ id: c.id, text: published ? '✓ 已发布，居民现在可以报名学习' : '✓ 已下线，居民暂时看不到这门课' })
      courses.reload()
    } catch (err) {
      setFailure({ id: c.id, error: toCloudError(err) })
      setActing(null)
    } finally {
      setBusy(false)
    }
  }

  const list = courses.status === 'ready' ? filterCourses(courses.data, district) : []

  return (
    <View>
      {scopes.length > 1 ? (
        <View className="org-chips" data-testid="org-week-selector">
          {scopes.map((s) => (
            <Chip key={s.week.id} selected={s.week.id === weekId} testid={`org-week-${s.week.id}`} onTap={() => onWeek(s.week.id)}>
              {s.week.region}
            </Chip>
          ))}
        </View>
      ) : null}

      <View className="section">
        <Text className="section__title">{scope.week.name}</Text>
        <Text className="muted">
          {scope.admin ? '您是本届活动周的管理员，可管理所有县区。' : `您负责：${scope.districts.map((d) => d.name).join('、')}`}
        </Text>
        <View className="btn btn--primary btn--block org-new" data-testid="org-new-course" ariaRole="button" onClick={create}>
          <Text>＋ 新建课程</Text>
        </View>
        <View
          className="btn btn--secondary btn--block org-new"
          data-testid="org-entry-books"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: '/organiser/books/index' })}
        >
          <Text>书单管理（好书推荐）</Text>
        </View>
      </View>

      {scope.districts.length > 1 ? (
        <View className="org-chips" data-testid="org-district-filter">
          <Chip selected={district === ''} testid="org-district-all" onTap={() => setDistrict('')}>
            全部县区
          </Chip>
          {scope.districts.map((d) => (
            <Chip key={d.code} selected={district === d.code} testid={`org-district-${d.code}`} onTap={() => setDistrict(d.code)}>
              {d.name}
            </Chip>
          ))}
        </View>
      ) : null}

      <View className="org-items" data-testid="org-course-list" data-status={courses.status}>
        {courses.status === 'loading' ? <Loading text="正在加载课程…" /> : null}
        {courses.status === 'error' ? (
          <ErrorState message={courses.error.message} code={courses.error.code} onRetry={courses.reload} />
        ) : null}
        {courses.status === 'ready' && list.length === 0 ? <Empty title="还没有课程" hint="点“新建课程”添加第一门。" /> : null}
        {list.map((c) => {
          const asking = acting?.id === c.id ? acting.ask : null
          return (
            <View
              key={c.id}
              className={`org-item org-item--${c.status}`}
              data-testid="org-course-item"
              data-id={c.id}
              data-status={c.status}
            >
              <View className="org-item__tags">
                <Text className={`org-item__status org-item__status--${c.status}`} data-testid="org-course-status">
                  {STATUS_WORDS[c.status]}
                </Text>
                <Text className="org-item__tag">
                  {kindText(c.topic)} · {topicText(c.topic)}
                </Text>
                <Text className="org-item__tag">{c.districtName}</Text>
              </View>
              <Text className="org-item__title" data-testid="org-course-title">
                {c.title}
              </Text>
              <Text className="org-item__line">
                {c.lessonCount} 课 · 约 {c.totalMinutes} 分钟{c.activityIds.length > 0 ? ` · 关联线下课堂 ${c.activityIds.length} 场` : ''}
              </Text>
              <Text
                className="org-item__line"
                data-testid="org-course-counts"
                data-enrolled={c.counters.enrolled}
                data-completed={c.counters.completed}
              >
                {courseCountsText(c.counters)}
              </Text>
              {failure?.id === c.id ? (
                <InlineError message={failure.error.message} code={failure.error.code} testid="org-course-error" />
              ) : null}
              {done?.id === c.id ? (
                <Text className="org-done" data-testid="org-course-done">
                  {done.text}
                </Text>
              ) : null}
              {asking ? (
                <InlineConfirm
                  testid={`org-course-${asking}`}
                  danger={asking === 'unpublish'}
                  busy={busy}
                  text={
                    asking === 'publish'
                      ? '发布后，居民就能在学习课堂里看到并报名这门课。确定发布吗？'
                      : '下线后，居民看不到这门课，也不能继续学习；已有的学习记录会保留。确定下线吗？'
                  }
                  confirmLabel={asking === 'publish' ? '确定发布' : '确定下线'}
                  cancelLabel="先不了"
                  onConfirm={() => void publish(c, asking === 'publish')}
                  onCancel={() => setActing(null)}
                />
              ) : (
                <View className="btn-row org-item__actions">
                  <View
                    className="btn btn--secondary"
                    data-testid="org-course-edit"
                    ariaRole="link"
                    onClick={() =>
                      void Taro.navigateTo({
                        url: `/organiser/course-edit/index?id=${encodeURIComponent(c.id)}&weekId=${encodeURIComponent(weekId)}`,
                      })
                    }
                  >
                    <Text>编辑</Text>
                  </View>
                  {c.status === 'draft' ? (
                    <View
                      className="btn btn--primary"
                      data-testid="org-course-publish"
                      ariaRole="button"
                      onClick={() => setActing({ id: c.id, ask: 'publish' })}
                    >
                      <Text>发布</Text>
                    </View>
                  ) : (
                    <View
                      className="btn btn--secondary org-danger"
                      data-testid="org-course-unpublish"
                      ariaRole="button"
                      onClick={() => setActing({ id: c.id, ask: 'unpublish' })}
                    >
                      <Text>下线</Text>
                    </View>
                  )}
                </View>
              )}
            </View>
          )
        })}
      </View>
    </View>
  )
}
