import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReaderStats } from '@shared/contracts/reading'
import { minutesText, streakText } from '@/utils/readingText'

/** The resident's own figures at the top of 好书推荐: streak, total minutes, and the way to 我的读书. */
export function ReaderCard({ reader }: { reader: ReaderStats | null }) {
  return (
    <View
      className="reader-card"
      data-testid="reader-card"
      data-streak={reader ? String(reader.streak) : ''}
      data-minutes={reader ? String(reader.totalMinutes) : ''}
      ariaRole="link"
      onClick={() => void Taro.navigateTo({ url: '/learn/reading/index' })}
    >
      {reader ? (
        <>
          <Text className="reader-card__streak" data-testid="reader-streak">
            {streakText(reader.streak)}
          </Text>
          <Text className="reader-card__total" data-testid="reader-total">
            本周累计读书 {minutesText(reader.totalMinutes)}，打卡 {reader.totalLogs} 次
          </Text>
        </>
      ) : (
        <Text className="reader-card__streak">我的读书</Text>
      )}
      <Text className="reader-card__more">我的读书记录和读书榜 ›</Text>
    </View>
  )
}
