import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { Week } from '@shared/contracts/activity'
import { CONTENT_TYPES } from '@shared/domain/vocabulary'
import { Chip } from '@/components/Chip'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { callCloud } from '@/services/callCloud'
import { dateSpanText } from '@/utils/activityText'
import { readString, writeString } from '@/utils/storage'
import { countWeek } from './countWeek'
import './index.scss'

const WEEK_KEY = 'organiser.weekId'

/**
 * Organiser overview (subpackage): the week and how many published activities it has, by type and
 * by district, live attendance, and the week's learning and reading totals. The 总结表 comes later.
 */
export default function OrganiserDashboard() {
  const weeks = useAsync(() => callCloud('activity', 'weeks', {}).then((r) => r.weeks), [])
  const [chosen, setChosen] = useState(() => readString(WEEK_KEY))
  const list: Week[] = weeks.status === 'ready' ? weeks.data : []
  const week = list.find((w) => w.id === chosen) ?? list[0]
  const counts = useAsync(() => (week ? countWeek(week.id) : Promise.resolve(null)), [week?.id])
  const totals = useAsync(
    () => (week ? callCloud('checkin', 'totals', { weekId: week.id }).then((r) => r.total) : Promise.resolve(null)),
    [week?.id],
  )
  const learning = useAsync(
    () => (week ? callCloud('course', 'totals', { weekId: week.id }).then((r) => r.total) : Promise.resolve(null)),
    [week?.id],
  )
  const reading = useAsync(
    () =>
      week ? callCloud('reading', 'totals', { weekId: week.id }).then((r) => ({ ...r.total, readers: r.readers })) : Promise.resolve(null),
    [week?.id],
  )
  const roles = useAsync(() => callCloud('activity', 'roles', {}).then((r) => r.roles), [])
  const isAdmin = roles.status === 'ready' && roles.data.some((r) => r.role === 'admin')

  usePullDownRefresh(() => {
    weeks.reload()
    counts.reload()
    totals.reload()
    learning.reload()
    reading.reload()
    Taro.stopPullDownRefresh()
  })

  return (
    <PageShell className='dash' testid='organiser-dashboard-page'>
      <View className='dash-head'>
        <Text className='dash-head__title'>活动周概况</Text>
        <Text className='muted'>已发布的活动统计与实时签到。总结表将在后续版本开放。</Text>
      </View>

      <View className='section dash-manage' data-testid='dash-manage'>
        <View
          className='btn btn--primary btn--block'
          data-testid='org-entry-activities'
          ariaRole='link'
          onClick={() => void Taro.navigateTo({ url: '/organiser/activities/index' })}
        >
          <Text>活动管理：新建、发布、取消活动</Text>
        </View>
        <View
          className='btn btn--secondary btn--block'
          data-testid='org-entry-courses'
          ariaRole='link'
          onClick={() => void Taro.navigateTo({ url: '/organiser/courses/index' })}
        >
          <Text>课程管理：智慧助老、全民阅读课程</Text>
        </View>
        <View
          className='btn btn--secondary btn--block'
          data-testid='org-entry-books'
          ariaRole='link'
          onClick={() => void Taro.navigateTo({ url: '/organiser/books/index' })}
        >
          <Text>书单管理：好书推荐</Text>
        </View>
        {isAdmin ? (
          <View
            className='btn btn--secondary btn--block'
            data-testid='org-entry-week'
            ariaRole='link'
            onClick={() => void Taro.navigateTo({ url: '/organiser/week/index' })}
          >
            <Text>活动周设置（管理员）</Text>
          </View>
        ) : null}
      </View>

      {weeks.status === 'loading' ? <Loading /> : null}
      {weeks.status === 'error' ? <ErrorState message={weeks.error.message} code={weeks.error.code} onRetry={weeks.reload} /> : null}
      {weeks.status === 'ready' && !week ? <Empty title='暂无活动周' /> : null}

      {week ? (
        <View>
          {list.length > 1 ? (
            <View className='dash-weeks' data-testid='dash-week-selector'>
              {list.map((w) => (
                <Chip
                  key={w.id}
                  selected={w.id === week.id}
                  testid={`dash-week-${w.id}`}
                  onTap={() => {
                    setChosen(w.id)
                    writeString(WEEK_KEY, w.id)
                  }}
                >
                  {w.region}
                </Chip>
              ))}
            </View>
          ) : null}

          <View className='section' data-testid='dash-week'>
            <Text className='section__title'>{week.name}</Text>
            <Text className='dash-line'>主题：{week.theme}</Text>
            <Text className='dash-line'>时间：{dateSpanText(week.startDate, week.endDate)}</Text>
            <Text className='dash-line'>总结表截止：{dateSpanText(week.summaryDeadline, week.summaryDeadline)}</Text>
            <Text className='dash-line'>主办：{week.organiser}</Text>
          </View>

          {totals.status === 'ready' && totals.data ? (
            <View className='section' data-testid='dash-attendance' data-checked-in={totals.data.checkedIn}>
              <Text className='section__title'>实时签到</Text>
              <View className='dash-count'>
                <Text>已报名</Text>
                <Text className='dash-count__n'>{totals.data.registered} 人</Text>
              </View>
              <View className='dash-count' data-testid='dash-checked-in'>
                <Text>已签到</Text>
                <Text className='dash-count__n'>{totals.data.checkedIn} 人</Text>
              </View>
              <View className='dash-count'>
                <Text>现场登记</Text>
                <Text className='dash-count__n'>{totals.data.walkInHeadcount} 人</Text>
              </View>
              <View className='dash-count'>
                <Text>参与合计</Text>
                <Text className='dash-count__n'>{totals.data.participants} 人</Text>
              </View>
            </View>
          ) : null}
          {learning.status !== 'loading' || reading.status !== 'loading' ? (
            <View className='section' data-testid='dash-learning'>
              <Text className='section__title'>学习与阅读</Text>
              {learning.status === 'ready' && learning.data ? (
                <View data-testid='dash-courses' data-enrolled={learning.data.enrolled} data-completed={learning.data.completed}>
                  <Text className='muted'>课程学习（智慧助老、全民阅读）</Text>
                  <DashCount label='课程' value={`${learning.data.courses} 门`} />
                  <DashCount label='报名学习' value={`${learning.data.enrolled} 人次`} />
                  <DashCount label='完成课时' value={`${learning.data.lessonsCompleted} 次`} />
                  <DashCount label='结业' value={`${learning.data.completed} 人次`} />
                </View>
              ) : null}
              {learning.status === 'error' ? <Text className='muted'>课程数据暂时无法读取：{learning.error.message}</Text> : null}
              {reading.status === 'ready' && reading.data ? (
                <View className='dash-group' data-testid='dash-reading' data-logs={reading.data.logs} data-minutes={reading.data.minutes}>
                  <Text className='muted'>好书推荐与阅读打卡</Text>
                  <DashCount label='推荐好书' value={`${reading.data.books} 本`} />
                  <DashCount label='阅读打卡' value={`${reading.data.logs} 次`} />
                  <DashCount label='阅读时长' value={`${reading.data.minutes} 分钟`} />
                  <DashCount label='参与阅读' value={`${reading.data.readers} 人`} />
                </View>
              ) : null}
              {reading.status === 'error' ? <Text className='muted'>阅读数据暂时无法读取：{reading.error.message}</Text> : null}
            </View>
          ) : null}
          {counts.status === 'loading' ? <Loading text='正在统计活动…' /> : null}
          {counts.status === 'error' ? <ErrorState message={counts.error.message} code={counts.error.code} onRetry={counts.reload} /> : null}
          {counts.status === 'ready' && counts.data ? (
            counts.data.total === 0 ? (
              <Empty title='本届活动周还没有已发布的活动' />
            ) : (
              <View>
                <View className='section' data-testid='dash-by-type'>
                  <Text className='section__title'>
                    共 {counts.data.total} 项活动{counts.data.truncated ? '（仅统计前 1000 项）' : ''}
                  </Text>
                  {CONTENT_TYPES.map((t) => (
                    <View key={t.code} className='dash-count' data-testid={`dash-type-${t.code}`}>
                      <Text>{t.label}</Text>
                      <Text className='dash-count__n'>{counts.data?.byType[t.code] ?? 0} 项</Text>
                    </View>
                  ))}
                </View>
                <View className='section' data-testid='dash-by-district'>
                  <Text className='section__title'>按县区</Text>
                  {week.districts.map((d) => (
                    <View key={d.code} className='dash-count' data-testid={`dash-district-${d.code}`}>
                      <Text>{d.name}</Text>
                      <Text className='dash-count__n'>{counts.data?.byDistrict[d.code] ?? 0} 项</Text>
                    </View>
                  ))}
                </View>
              </View>
            )
          ) : null}
        </View>
      ) : null}
    </PageShell>
  )
}

function DashCount({ label, value }: { label: string; value: string }) {
  return (
    <View className='dash-count'>
      <Text>{label}</Text>
      <Text className='dash-count__n'>{value}</Text>
    </View>
  )
}
