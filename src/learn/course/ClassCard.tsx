import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActivitySummary } from '@shared/contracts/activity'
import { placeText, seatsText, timeRangeText } from '@/utils/activityText'

/** An offline class of the week linked to the course; opens the activity (and its sign-up). */
export function ClassCard({ a }: { a: ActivitySummary }) {
  const seats = seatsText(a, Date.now())
  const cancelled = a.status === 'cancelled'
  return (
    <View
      className="course-class"
      data-testid="course-class"
      data-id={a.id}
      ariaRole="link"
      onClick={() => void Taro.navigateTo({ url: `/pages/activity/index?id=${encodeURIComponent(a.id)}` })}
    >
      <Text className="course-class__title">
        {cancelled ? '（已取消）' : ''}
        {a.title}
      </Text>
      <Text className="course-class__line">时间：{timeRangeText(a.startAt, a.endAt)}</Text>
      <Text className="course-class__line">
        地点：{a.districtName} {placeText(a)}
      </Text>
      <Text className="course-class__line">名额：{seats.text}</Text>
      <Text className="course-class__more">{cancelled ? '查看详情 ›' : '查看并报名 ›'}</Text>
    </View>
  )
}
