import { Text, View } from '@tarojs/components'
import { progressWords } from '@/utils/courseText'
import './learn.scss'

/** Progress in words first (已学2课 / 共4课), the bar only repeats it: colour is never the only signal. */
export function ProgressBar({ mine, testid }: { mine: { done: number; total: number; completed: boolean } | null; testid?: string }) {
  const p = progressWords(mine)
  return (
    <View
      className={`learn-progress${p.completed ? ' learn-progress--done' : ''}`}
      data-testid={testid}
      data-percent={p.percent}
      ariaRole="progressbar"
      ariaLabel={p.text}
    >
      <Text className="learn-progress__text">
        {p.completed ? '✓ ' : ''}
        {p.text}
      </Text>
      {mine ? (
        <View className="learn-progress__track">
          <View className="learn-progress__fill" style={{ width: `${p.percent}%` }} />
        </View>
      ) : null}
    </View>
  )
}
