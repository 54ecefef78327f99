import { Text, View } from '@tarojs/components'
import type { SummaryActivity } from '@shared/contracts/stats'
import { Empty } from '@/components/states'
import { timeRangeText, typeLabel } from '@/utils/activityText'
import { rateText } from '../components/chart'

/** 活动明细: every published activity of the scope with its participants, satisfaction and publicity. */
export function ActivitiesList({ activities, showDistrict }: { activities: SummaryActivity[]; showDistrict: boolean }) {
  return (
    <View className="section" data-testid="summary-activities" data-count={activities.length}>
      <Text className="section__title">活动明细（{activities.length} 项）</Text>
      {activities.length === 0 ? (
        <Empty title="还没有已发布的活动" hint="在“活动管理”里发布活动后，这里会列出每项活动的参加人数和满意率。" />
      ) : null}
      {activities.map((a) => (
        <View key={a.id} className="sum-act" data-testid="summary-activity" data-id={a.id} data-participants={a.participants}>
          <View className="sum-act__tags">
            <Text className="sum-act__tag">{typeLabel(a.type)}</Text>
            {showDistrict ? <Text className="sum-act__tag">{a.districtName}</Text> : null}
            {a.featured ? <Text className="sum-act__badge">★ 有特色</Text> : null}
          </View>
          <Text className="sum-act__title">{a.title}</Text>
          <Text className="sum-act__line">{timeRangeText(a.startAt, a.endAt)}</Text>
          <View className="sum-act__figures">
            <Text className="sum-act__fig">
              参加 <Text className="sum-act__n">{a.participants}</Text> 人
            </Text>
            <Text className="sum-act__fig">
              满意率 <Text className="sum-act__n">{rateText(a.feedback.rate)}</Text>
            </Text>
            <Text className="sum-act__fig">
              宣传 <Text className="sum-act__n">{a.publicity}</Text> 条
            </Text>
          </View>
          <Text className="sum-act__note">
            报名 {a.registered} · 签到 {a.checkedIn} · 现场登记 {a.walkInHeadcount}
            {a.capacity !== null ? ` · 名额 ${a.capacity}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
