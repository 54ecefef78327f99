import { View } from '@tarojs/components'
import { daysBetween } from '@shared/domain/time'
import { Chip } from '@/components/Chip'
import { dayParts } from '@/utils/activityText'

interface Props {
  startDate: string
  endDate: string
  /** '' = 全部 */
  value: string
  onChange: (day: string) => void
}

/** 全部 plus every day of the week, all visible at once (wrapping, no sideways scrolling). */
export function DayTabs({ startDate, endDate, value, onChange }: Props) {
  const days = daysBetween(startDate, endDate)
  return (
    <View className="home-days" data-testid="day-tabs">
      <Chip selected={value === ''} onTap={() => onChange('')} testid="day-tab-all" sub="整周">
        全部
      </Chip>
      {days.map((day) => {
        const { date, weekday } = dayParts(day)
        return (
          <Chip key={day} selected={value === day} onTap={() => onChange(day)} testid={`day-tab-${day}`} value={day} sub={weekday}>
            {date}
          </Chip>
        )
      })}
    </View>
  )
}
