import { Text, View } from '@tarojs/components'
import { lastSevenDays } from '@/utils/readingText'

/** The last seven days, each with a mark AND a word (读了 / 没读), never colour alone. */
export function WeekStrip({ days, now }: { days: string[]; now: number }) {
  const strip = lastSevenDays(days, now)
  return (
    <View className="strip" data-testid="week-strip" data-read={String(strip.filter((d) => d.read).length)}>
      {strip.map((d) => (
        <View
          key={d.day}
          className={`strip__day${d.read ? ' strip__day--read' : ''}${d.today ? ' strip__day--today' : ''}`}
          data-testid="strip-day"
          data-day={d.day}
          data-read={d.read ? 'true' : 'false'}
          ariaLabel={`${d.label} ${d.date}，${d.read ? '读了书' : '没有读书记录'}`}
        >
          <Text className="strip__label">{d.label}</Text>
          <Text className="strip__mark">{d.read ? '✓' : '·'}</Text>
          <Text className="strip__word">{d.read ? '读了' : '没读'}</Text>
        </View>
      ))}
    </View>
  )
}
