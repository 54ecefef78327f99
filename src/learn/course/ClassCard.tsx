import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActivitySummary } from '@shared/contracts/activity'
import { placeText, seatsText, timeRangeText } from '@/utils/activityText'
import { OPEN_IN_APP } from '@/utils/timeline'

/** An offline class of the week linked to the course; opens the activity (and its sign-up), except for a 朋友圈 visitor. */
export function ClassCard({ a, visitor }: { a: ActivitySummary; visitor: boolean }) {
  const seats = seatsText(a, Date.now())
  const cancelled = a.status === 'cancelled'
  return (
    <View
      className="course-class"
      data-testid="course-class"
      data-id={a.id}
      ariaRole={visitor ? undefined : 'link'}
      onClick={() => {
        if (!visitor) void Taro.navigateTo({ url: `/pages/activity/index?id=${encodeURIComponent(a.id)}` })
      }}
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
      <Text className={`course-class__more${visitor ? ' course-class__more--note' : ''}`}>
        {visitor ? `${OPEN_IN_APP}后报名` : cancelled ? '查看详情 ›' : '查看并报名 ›'}
      </Text>
    </View>
  )
}
