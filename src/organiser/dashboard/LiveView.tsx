import { Text, View } from '@tarojs/components'
import type { Dashboard } from '@shared/contracts/stats'
import { Empty } from '@/components/states'
import { typeLabel } from '@/utils/activityText'
import { BarChart } from '../components/BarChart'
import { curveWindow, peakHour } from '../components/chart'
import { ActivityCard } from './ActivityCard'
import { DistrictTable, FeedbackView } from './Breakdowns'
import { HonoursView } from './Honours'
import { dayHeading, emptyDayText } from './liveText'

/**
 * One answer of stats.dashboard: the week's totals, the chosen day's activities, the check-in
 * curve, participants by type, audience and district, satisfaction, and the stars and projects.
 */
export function LiveView({ d, day }: { d: Dashboard; day: string }) {
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

      <HonoursView d={d} />
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
