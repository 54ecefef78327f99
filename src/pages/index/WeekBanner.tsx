import { Text, View } from '@tarojs/components'
import type { Week } from '@shared/contracts/activity'
import { dateSpanText } from '@/utils/activityText'

/**
 * The week's name, theme and dates in two lines, so the activities start on the first screen; the
 * organising bureau is in the accessible label.
 */
export function WeekBanner({ week }: { week: Week }) {
  return (
    <View className="home-banner" data-testid="week-banner" ariaLabel={`${week.name}，主题：${week.theme}，主办：${week.organiser}`}>
      <Text className="home-banner__name">{week.name}</Text>
      <Text className="home-banner__theme">
        {dateSpanText(week.startDate, week.endDate)} · {week.theme}
      </Text>
    </View>
  )
}
