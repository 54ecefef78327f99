import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { InlineConfirm, InlineError } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { listManagedCourses, setCoursePublished } from '@/services/course'
import { STATUS_WORDS } from '@/utils/statusText'
import { DistrictFilter, PublishButtons, WeekChips, WeekSection } from '../components/OrgList'
import { ScopedWeek, type WeekProps } from '../components/ScopedWeek'
import { kindText, topicText } from '../course-edit/form'
import { courseCountsText, filterCourses, type ManagedCourse } from './text'
import './index.scss'

/**
 * 课程管理 (organiser subpackage): the courses of the caller's district(s) in a week, drafts
 * included, with how many enrolled, lessons completed and finished; new course, edit, publish or
 * take one offline.
 */
export default function OrganiserCourses() {
  return (
    <PageShell className="org-list org-courses" testid="org-courses-page">
      <View className="page-head">
        <Text className="page-head__title">课程管理</Text>
        <Text className="page-head__text">智慧助老和全民阅读课程：新建、修改、发布和下线。草稿只有组织者能看到。</Text>
      </View>
      <ScopedWeek>{(week) => <ScopeView {...week} />}</ScopedWeek>
    </PageShell>
  )
}

type Acting = { id: string; ask: 'publish' | 'unpublish' } | null

function ScopeView({ scopes, scope, onWeek }: WeekProps) {
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
      <WeekChips scopes={scopes} scope={scope} onWeek={onWeek} />

      <WeekSection scope={scope}>
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
      </WeekSection>

      <DistrictFilter scope={scope} district={district} onDistrict={setDistrict} />

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
                <PublishButtons
                  testid="org-course"
                  status={c.status}
                  editRole="link"
                  onEdit={() =>
                    void Taro.navigateTo({
                      url: `/organiser/course-edit/index?id=${encodeURIComponent(c.id)}&weekId=${encodeURIComponent(weekId)}`,
                    })
                  }
                  onAsk={(ask) => setActing({ id: c.id, ask })}
                />
              )}
            </View>
          )
        })}
      </View>
    </View>
  )
}
