import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { Dashboard } from '@shared/contracts/stats'
import { daysBetween } from '@shared/domain/time'
import { Chip } from '@/components/Chip'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { myRoles } from '@/services/activity'
import { courseTotals } from '@/services/course'
import { watchActivities } from '@/services/liveChanges'
import { readingTotals } from '@/services/reading'
import { loadDashboard } from '@/services/stats'
import { dateSpanText, dayParts } from '@/utils/activityText'
import { initialDistrict, scopeQuery, type DistrictChoice, type Scope } from '../components/scope'
import { ScopePicker } from '../components/ScopePicker'
import { ScopedWeek } from '../components/ScopedWeek'
import { cadenceFor, cadenceText } from '../components/cadence'
import { useLive } from '../components/useLive'
import { LearningTotals } from './LearningTotals'
import { defaultDay, repairLines } from './liveText'
import { LiveStatus } from './LiveStatus'
import { LiveView } from './LiveView'
import './index.scss'

/**
 * How often the live figures are asked (components/cadence.ts). Cost per open hour (stats.dashboard:
 * 3 reads a load): weapp at most 91 loads = 273 reads (+1 for each watch opened), whatever the
 * traffic; 30 loads = 90 reads when nothing changes; h5 (the local cloud, not billed) 1,200 loads =
 * 3,600 local reads. Plus, once per week chosen, course.totals and reading.totals. Measured by the
 * bench: quota.dashboardReadsPerHour.
 */
const CADENCE = cadenceFor(process.env.TARO_ENV)

/**
 * 组织者工作台 (organiser subpackage): live attendance of the caller's district (an admin: any district
 * or 全部县区) from stats.dashboard while the page is shown (weapp: on the database's realtime watch,
 * at most every 40 s, a change shown within 50 s, with a 2-minute poll as the floor; h5: every 3 s):
 * the day's activities with their counts, the check-in curve by hour, the week's totals by content
 * type, audience and district, and satisfaction. Below: the week's learning and reading totals, and the entries to the
 * other organiser pages.
 */
export default function OrganiserDashboard() {
  const roles = useAsync(() => myRoles().then((r) => r.roles), [])
  const isAdmin = roles.status === 'ready' && roles.data.some((r) => r.role === 'admin' || r.role === 'bureau')

  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <PageShell className="dash" testid="organiser-dashboard-page">
      <View className="dash-head">
        <Text className="dash-head__title">活动周概况</Text>
        <Text className="muted">实时签到、参加人数与满意度。</Text>
      </View>

      <View className="section dash-manage" data-testid="dash-manage">
        <View
          className="btn btn--primary btn--block"
          data-testid="org-entry-activities"
          ariaRole="link"
          onClick={() => go('/organiser/activities/index')}
        >
          <Text>活动管理：新建、发布、取消活动</Text>
        </View>
        <View
          className="btn btn--secondary btn--block"
          data-testid="org-entry-courses"
          ariaRole="link"
          onClick={() => go('/organiser/courses/index')}
        >
          <Text>课程管理：智慧助老、全民阅读课程</Text>
        </View>
        <View
          className="btn btn--secondary btn--block"
          data-testid="org-entry-books"
          ariaRole="link"
          onClick={() => go('/organiser/books/index')}
        >
          <Text>书单管理：好书推荐</Text>
        </View>
        <View
          className="btn btn--secondary btn--block"
          data-testid="org-entry-stars"
          ariaRole="link"
          onClick={() => go('/organiser/stars/index')}
        >
          <Text>学习之星与品牌项目：推荐、评选、公布</Text>
        </View>
        <View
          className="btn btn--secondary btn--block"
          data-testid="org-entry-staff"
          ariaRole="link"
          onClick={() => go('/organiser/staff/index')}
        >
          <Text>人员与任命：组织者、管理员、志愿者</Text>
        </View>
        {isAdmin ? (
          <View
            className="btn btn--secondary btn--block"
            data-testid="org-entry-week"
            ariaRole="link"
            onClick={() => go('/organiser/week/index')}
          >
            <Text>活动周设置（管理员）</Text>
          </View>
        ) : null}
      </View>

      <ScopedWeek>{({ scopes, scope, onWeek }) => <WeekView scopes={scopes} scope={scope} onWeek={onWeek} />}</ScopedWeek>
    </PageShell>
  )
}

function WeekView({ scopes, scope, onWeek }: { scopes: Scope[]; scope: Scope; onWeek: (id: string) => void }) {
  const week = scope.week
  const [district, setDistrict] = useState<DistrictChoice>(() => initialDistrict(scope, true))
  const [day, setDay] = useState(() => defaultDay(week, Date.now()))
  const live = useLive<Dashboard>(
    () => loadDashboard({ weekId: week.id, day, ...(district ? { districtCode: district } : {}) }),
    `${week.id}:${district}:${day}`,
    CADENCE,
    // weapp: the database's realtime watch on the activities asks (within the gap); polling stays the floor.
    (onChange, onLost) => watchActivities(week.id, district, onChange, onLost),
  )
  const learning = useAsync(() => courseTotals(week.id).then((r) => r.total), [week.id])
  const reading = useAsync(() => readingTotals(week.id).then((r) => ({ ...r.total, readers: r.readers })), [week.id])

  usePullDownRefresh(() => {
    live.refresh()
    learning.reload()
    reading.reload()
    Taro.stopPullDownRefresh()
  })

  const days = daysBetween(week.startDate, week.endDate)
  const d = live.data

  return (
    <View>
      <ScopePicker scopes={scopes} scope={scope} district={district} onWeek={onWeek} onDistrict={setDistrict} rollUp />

      <View className="section" data-testid="dash-week">
        <Text className="section__title">{week.name}</Text>
        <Text className="dash-line">时间：{dateSpanText(week.startDate, week.endDate)}</Text>
        <Text className="dash-line">总结表截止：{dateSpanText(week.summaryDeadline, week.summaryDeadline)}</Text>
        <View className="btn-row dash-week__links">
          <View
            className="btn btn--secondary"
            data-testid="org-entry-summary"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: `/organiser/summary/index?${scopeQuery(week.id, district)}` })}
          >
            <Text>总结表 ›</Text>
          </View>
          <View
            className="btn btn--secondary"
            data-testid="org-entry-publicity"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: `/organiser/publicity/index?${scopeQuery(week.id, district)}` })}
          >
            <Text>宣传报道 ›</Text>
          </View>
          <View
            className="btn btn--secondary"
            data-testid="org-entry-reconcile"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: `/organiser/reconcile/index?weekId=${encodeURIComponent(week.id)}` })}
          >
            <Text>数据核对 ›</Text>
          </View>
        </View>
        {d && (
          <View className="dash-repair" data-testid="dash-repair">
            {repairLines(d.repair, Date.now()).map((line) => (
              <Text key={line} className="dash-line">
                {line}
              </Text>
            ))}
          </View>
        )}
      </View>

      {/* A view that scrolls sideways (overflow-x in the scss), not a ScrollView: a ScrollView anywhere in
          the app puts its templates into the main package's base.wxml (about 9 KB). */}
      <View className="dash-days" data-testid="dash-day-selector" data-value={day}>
        <View className="dash-days__row">
          {days.map((x) => {
            const p = dayParts(x)
            return (
              <Chip key={x} selected={x === day} testid={`dash-day-${x}`} sub={p.weekday} onTap={() => setDay(x)}>
                {p.date}
              </Chip>
            )
          })}
        </View>
      </View>

      <LiveStatus
        generatedAt={d?.generatedAt ?? null}
        updating={live.updating}
        failing={!!live.error && !!d}
        pendingAt={live.pendingAt}
        cadence={cadenceText(CADENCE, live.watching)}
      />

      {live.status === 'loading' ? <Loading text="正在读取实时数据…" /> : null}
      {live.status === 'error' && live.error ? (
        <ErrorState message={live.error.message} code={live.error.code} onRetry={live.refresh} />
      ) : null}
      {d ? <LiveView d={d} day={day} /> : null}

      <LearningTotals learning={learning} reading={reading} />
    </View>
  )
}
