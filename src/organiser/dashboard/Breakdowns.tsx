import { Text, View } from '@tarojs/components'
import type { Dashboard, FeedbackView as Feedback } from '@shared/contracts/stats'
import { BarChart } from '../components/BarChart'
import { rateText } from '../components/chart'

/** 按县区: a row per district (the roll-up of 全部县区). */
export function DistrictTable({ rows }: { rows: Dashboard['byDistrict'] }) {
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

/** 群众满意度: the rate and the answers behind it. */
export function FeedbackView({ f }: { f: Feedback }) {
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
