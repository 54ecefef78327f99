import { Text, View } from '@tarojs/components'
import type { Week } from '@shared/contracts/activity'
import { dateSpanText } from '@/utils/activityText'

/** The week's name, theme and dates, as the bureau's notice puts them. */
export function WeekBanner({ week }: { week: Week }) {
  return (
    <View className="home-banner" data-testid="week-banner">
      <Text className="home-banner__name">{week.name}</Text>
      <Text className="home-banner__theme">主题：{week.theme}</Text>
      <Text className="home-banner__dates">{dateSpanText(week.startDate, week.endDate)}</Text>
      <Text className="home-banner__org">主办：{week.organiser}</Text>
    </View>
  )
}
