import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import type { Dashboard, FeedbackView, LiveActivity } from '@shared/contracts/stats'
import { daysBetween } from '@shared/domain/time'
import { Chip } from '@/components/Chip'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { myRoles } from '@/services/activity'
import { courseTotals } from '@/services/course'
import { watchActivities } from '@/services/liveChanges'
import { readingTotals } from '@/services/reading'
import { loadDashboard } from '@/services/stats'
import { dateSpanText, dayParts, typeLabel } from '@/utils/activityText'
import { BarChart } from '../components/BarChart'
import { curveWindow, peakHour, rateText } from '../components/chart'
import { initialDistrict, scopeQuery, type DistrictChoice, type Scope } from '../components/scope'
import { ScopePicker } from '../components/ScopePicker'
import { ScopedWeek } from '../components/ScopedWeek'
import { useLive } from '../components/useLive'
import { arrivalText, badges, clockRange, clockWithSeconds, dayHeading, defaultDay, emptyDayText, repairLines, seatsLine } from './liveText'
import './index.scss'

const POLL_MS = 3000

/**
 * 组织者工作台 (organiser subpackage): live attendance of the caller's district (an admin: any district
 * or 全部县区) from stats.dashboard, polled every 3 s while the page is shown: the day's activities
 * with their counts, the check-in curve by hour, the week's totals by content type, audience and
 * district, and satisfaction. Below: the week's learning and reading totals, and the entries to the
 * other organiser pages.
 */
export default function OrganiserDashboard() {
  const roles = useAsync(() => myRoles().then((r) => r.roles), [])
  const isAdmin = roles.status === 'ready' && roles.data.some((r) => r.role === 'admin')

  const go = (url: string) => void Taro.navigateTo({ url })

  return (
    <PageShell className="dash" testid="organiser-dashboard-page">
      <View className="dash-head">
        <Text className="dash-head__title">活动周概况</Text>
        <Text className="muted">实时签到、参加人数与满意度，每 3 秒自动更新。</Text>
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
    POLL_MS,
    // weapp: the database's realtime watch on the activities asks at once; polling stays the floor.
    (onChange) => watchActivities(week.id, district, onChange),
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

      <LiveStatus generatedAt={d?.generatedAt ?? null} updating={live.updating} failing={!!live.error && !!d} />

      {live.status === 'loading' ? <Loading text="正在读取实时数据…" /> : null}
      {live.status === 'error' && live.error ? (
        <ErrorState message={live.error.message} code={live.error.code} onRetry={live.refresh} />
      ) : null}
      {d ? <LiveView d={d} day={day} /> : null}

      {learning.status !== 'loading' || reading.status !== 'loading' ? (
        <View className="section" data-testid="dash-learning">
          <Text className="section__title">学习与阅读（全活动周）</Text>
          {learning.status === 'ready' ? (
            <View data-testid="dash-courses" data-enrolled={learning.data.enrolled} data-completed={learning.data.completed}>
              <Text className="muted">课程学习（智慧助老、全民阅读）</Text>
              <DashCount label="课程" value={`${learning.data.courses} 门`} />
              <DashCount label="报名学习" value={`${learning.data.enrolled} 人次`} />
              <DashCount label="完成课时" value={`${learning.data.lessonsCompleted} 次`} />
              <DashCount label="结业" value={`${learning.data.completed} 人次`} />
            </View>
          ) : null}
          {learning.status === 'error' ? <Text className="muted">课程数据暂时无法读取：{learning.error.message}</Text> : null}
          {reading.status === 'ready' ? (
            <View className="dash-group" data-testid="dash-reading" data-logs={reading.data.logs} data-minutes={reading.data.minutes}>
              <Text className="muted">好书推荐与阅读打卡</Text>
              <DashCount label="推荐好书" value={`${reading.data.books} 本`} />
              <DashCount label="阅读打卡" value={`${reading.data.logs} 次`} />
              <DashCount label="阅读时长" value={`${reading.data.minutes} 分钟`} />
              <DashCount label="参与阅读" value={`${reading.data.readers} 人`} />
            </View>
          ) : null}
          {reading.status === 'error' ? <Text className="muted">阅读数据暂时无法读取：{reading.error.message}</Text> : null}
        </View>
      ) : null}
    </View>
  )
}

/** 最后更新 HH:mm:ss, 正在更新… while a request is out, and a warning when the last one failed. */
function LiveStatus({ generatedAt, updating, failing }: { generatedAt: number | null; updating: boolean; failing: boolean }) {
  return (
    <View
      className="live-status"
      data-testid="live-status"
      data-updating={updating ? 'true' : 'false'}
      data-failing={failing ? 'true' : 'false'}
    >
      <View className="live-status__line">
        <Text className="live-status__dot">{failing ? '⚠' : '●'}</Text>
        <Text className="live-status__at" data-testid="live-updated-at" data-at={generatedAt ?? ''}>
          {generatedAt ? `最后更新 ${clockWithSeconds(generatedAt)}` : '等待数据…'}
        </Text>
        <Text className={`live-status__busy${updating ? '' : ' live-status__busy--idle'}`} data-testid="live-updating">
          正在更新…
        </Text>
      </View>
      {failing ? (
        <Text className="live-status__warn" data-testid="live-failing">
          网络不稳定，稍后自动重试
        </Text>
      ) : null}
    </View>
  )
}

function LiveView({ d, day }: { d: Dashboard; day: string }) {
  const now = Date.now()
  const hours = curveWindow(d.curve)
  const peak = peakHour(d.curve)
  const arrivedToday = d.curve.reduce((n, p) => n + p.participants, 0)
  const rollUp = d.districtCode === null
  return (
    <View data-testid="dash-live" data-scope={d.districtCode ?? 'all'} data-day={d.day}>
      <View className="section" data-testid="live-totals">
        <Text className="section__title">{d.scopeName} · 全周合计</Text>
        <View className="live-tiles">
          <Tile label="报名" unit="人次" value={d.totals.registered} testid="live-total-registered" />
          <Tile label="签到" unit="人次" value={d.totals.checkedIn} testid="live-total-checked-in" />
          <Tile label="现场登记" unit="人" value={d.totals.walkInHeadcount} testid="live-total-walk-ins" />
          <Tile label="参加人数" unit="人" value={d.totals.people} testid="live-total-people" strong />
        </View>
        <Text className="muted">
          共 {d.totals.activities} 项活动 · 候补 {d.totals.waitlisted} 人 · 参加人数 = 签到的不同人数 + 现场登记人数
        </Text>
      </View>

      <View className="section" data-testid="live-today" data-count={d.today.length}>
        <Text className="section__title">
          {dayHeading(day, now)}
          {d.today.length ? `（${d.today.length} 项）` : ''}
        </Text>
        {d.today.length === 0 ? <Empty title={emptyDayText(day, now)} hint="可以点上方的日期查看活动周其他日子。" /> : null}
        {d.today.map((a) => (
          <ActivityCard key={a.id} a={a} showDistrict={rollUp} />
        ))}
      </View>

      <View className="section" data-testid="live-curve-section">
        <Text className="section__title">签到曲线（每小时到场人数）</Text>
        <Text className="muted">
          {arrivedToday > 0 && peak ? `当天到场 ${arrivedToday} 人，${peak.hour} 时最多（${peak.participants} 人）` : '当天还没有人签到'}
        </Text>
        <BarChart
          orientation="column"
          testid="live-curve"
          unit="人"
          caption="横轴：时（北京时间）；柱上数字：该小时到场人数"
          bars={hours.map((p) => ({ key: String(p.hour), label: String(p.hour), value: p.participants }))}
        />
      </View>

      <View className="section" data-testid="live-by-type-section">
        <Text className="section__title">按内容类型（参加人数）</Text>
        <BarChart
          orientation="row"
          testid="live-by-type"
          unit="人"
          emptyText="还没有参加人数"
          bars={d.byType.map((t) => ({
            key: t.code,
            label: t.label || typeLabel(t.code),
            value: t.participants,
            note: `${t.activities} 项活动 · 签到 ${t.checkedIn} · 现场登记 ${t.walkInHeadcount}`,
          }))}
        />
      </View>

      <View className="section" data-testid="live-by-audience-section">
        <Text className="section__title">按参与人群（参加人数）</Text>
        {d.byAudience.length === 0 ? <Text className="muted">还没有参加人数</Text> : null}
        <BarChart
          orientation="row"
          testid="live-by-audience"
          unit="人"
          bars={d.byAudience.map((a) => ({ key: a.code, label: a.label, value: a.participants }))}
        />
      </View>

      {rollUp && d.byDistrict.length > 0 ? <DistrictTable rows={d.byDistrict} /> : null}

      <FeedbackView f={d.feedback} />
    </View>
  )
}

function Tile({ label, value, unit, testid, strong }: { label: string; value: number; unit: string; testid: string; strong?: boolean }) {
  return (
    <View className={`live-tile${strong ? ' live-tile--strong' : ''}`} data-testid={testid} data-value={value}>
      <Text className="live-tile__label">{label}</Text>
      <Text className="live-tile__n">
        {value}
        <Text className="live-tile__unit"> {unit}</Text>
      </Text>
    </View>
  )
}

function ActivityCard({ a, showDistrict }: { a: LiveActivity; showDistrict: boolean }) {
  const marks = badges(a)
  const arrival = arrivalText(a)
  return (
    <View
      className={`live-act${a.status === 'cancelled' ? ' live-act--off' : ''}${a.needsHelp ? ' live-act--help' : ''}`}
      data-testid="live-activity"
      data-id={a.id}
      data-full={a.full ? 'true' : 'false'}
      data-needs-help={a.needsHelp ? 'true' : 'false'}
    >
      <View className="live-act__tags">
        <Text className="live-act__time">{clockRange(a.startAt, a.endAt)}</Text>
        <Text className="live-act__tag">{typeLabel(a.type)}</Text>
        {showDistrict ? <Text className="live-act__tag">{a.districtName}</Text> : null}
        {marks.map((m) => (
          <Text key={m.key} className={`live-act__badge live-act__badge--${m.key}`} data-testid={`live-badge-${m.key}`}>
            {m.text}
          </Text>
        ))}
      </View>
      <Text className="live-act__title">{a.title}</Text>
      {a.venueName ? <Text className="live-act__line">地点：{a.venueName}</Text> : null}
      <Text className="live-act__line" data-testid={`live-seats-${a.id}`}>
        {seatsLine(a)}
      </Text>
      <View className="live-act__figures">
        <Figure label="已签到" value={a.checkedIn} testid={`live-checked-in-${a.id}`} strong />
        <Figure label="现场登记" value={a.walkInHeadcount} testid={`live-walk-ins-${a.id}`} />
        <Figure label="候补" value={a.waitlisted} testid={`live-waitlisted-${a.id}`} />
      </View>
      {arrival ? <Text className="live-act__note">{arrival}</Text> : null}
    </View>
  )
}

function Figure({ label, value, testid, strong }: { label: string; value: number; testid: string; strong?: boolean }) {
  return (
    <View className={`live-fig${strong ? ' live-fig--strong' : ''}`}>
      <Text className="live-fig__label">{label}</Text>
      <Text className="live-fig__n" data-testid={testid} data-value={value}>
        {value}
      </Text>
    </View>
  )
}

function DistrictTable({ rows }: { rows: Dashboard['byDistrict'] }) {
  return (
    <View className="section" data-testid="live-by-district">
      <Text className="section__title">按县区</Text>
      <View className="dist-table">
        <View className="dist-table__row dist-table__row--head">
          <Text className="dist-table__name">县区</Text>
          <Text className="dist-table__n">活动</Text>
          <Text className="dist-table__n">报名</Text>
          <Text className="dist-table__n">签到</Text>
          <Text className="dist-table__n">参加人数</Text>
          <Text className="dist-table__n">满意率</Text>
        </View>
        {rows.map((r) => (
          <View key={r.code} className="dist-table__row" data-testid={`live-district-${r.code}`} data-people={r.people}>
            <Text className="dist-table__name">{r.name}</Text>
            <Text className="dist-table__n">{r.activities}</Text>
            <Text className="dist-table__n">{r.registered}</Text>
            <Text className="dist-table__n">{r.checkedIn}</Text>
            <Text className="dist-table__n dist-table__n--strong">{r.people}</Text>
            <Text className="dist-table__n">{r.feedback.rate === null ? '—' : rateText(r.feedback.rate)}</Text>
          </View>
        ))}
      </View>
      <Text className="muted">满意率“—”：还没有人评价。</Text>
    </View>
  )
}

function FeedbackView({ f }: { f: FeedbackView }) {
  const rated = f.satisfied + f.basic + f.unsatisfied
  return (
    <View className="section" data-testid="live-feedback" data-satisfied={f.satisfied} data-rated={rated}>
      <Text className="section__title">群众满意度</Text>
      <View className="live-rate">
        <Text className={`live-rate__n${f.rate === null ? ' live-rate__n--none' : ''}`} data-testid="live-feedback-rate">
          {rateText(f.rate)}
        </Text>
        <Text className="live-rate__label">{f.rate === null ? '签到的居民活动后可以评价' : `满意率（共 ${rated} 人评价）`}</Text>
      </View>
      <BarChart
        orientation="row"
        testid="live-feedback-levels"
        unit="人"
        bars={[
          { key: 'satisfied', label: '满意', value: f.satisfied },
          { key: 'basic', label: '基本满意', value: f.basic },
          { key: 'unsatisfied', label: '不满意', value: f.unsatisfied },
        ]}
      />
      <Text className="muted">
        不评价 {f.skipped} 人 · 留言 {f.comments} 条 · 满意率 =（满意 + 基本满意）÷ 评价人数
      </Text>
    </View>
  )
}

function DashCount({ label, value }: { label: string; value: string }) {
  return (
    <View className="dash-count">
      <Text>{label}</Text>
      <Text className="dash-count__n">{value}</Text>
    </View>
  )
}
