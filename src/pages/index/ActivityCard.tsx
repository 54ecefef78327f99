import { Text, View } from '@tarojs/components'
import type { ActivitySummary } from '@shared/contracts/activity'
import { placeText, seatsText, timeRangeText, typeLabel } from '@/utils/activityText'

/** One activity in the list; the whole card opens the detail page. */
export function ActivityCard({ activity, onOpen }: { activity: ActivitySummary; onOpen: (id: string) => void }) {
  const seats = seatsText(activity, Date.now())
  const cancelled = activity.status === 'cancelled'
  return (
    <View
      className={`activity-card${cancelled ? ' activity-card--cancelled' : ''}`}
      data-testid="activity-card"
      data-id={activity.id}
      ariaRole="link"
      onClick={() => onOpen(activity.id)}
    >
      <View className="activity-card__tags">
        <Text className="activity-card__type" data-testid="activity-card-type">
          {typeLabel(activity.type)}
        </Text>
        <Text className="activity-card__district">{activity.districtName}</Text>
        {cancelled ? <Text className="activity-card__cancelled">已取消</Text> : null}
      </View>
      <Text className="activity-card__title" data-testid="activity-card-title">
        {activity.title}
      </Text>
      <View className="activity-card__line">
        <Text className="activity-card__key">时间</Text>
        <Text className="activity-card__val">{timeRangeText(activity.startAt, activity.endAt)}</Text>
      </View>
      <View className="activity-card__line">
        <Text className="activity-card__key">地点</Text>
        <Text className="activity-card__val">{placeText(activity)}</Text>
      </View>
      <View className="activity-card__line">
        <Text className="activity-card__key">名额</Text>
        <Text className={`activity-card__val activity-card__seats activity-card__seats--${seats.tone}`} data-testid="activity-card-seats">
          {seats.tone === 'full' ? '✕ ' : seats.tone === 'free' || seats.tone === 'ended' ? '' : '● '}
          {seats.text}
        </Text>
      </View>
      <Text className="activity-card__more">查看详情 ›</Text>
    </View>
  )
}
