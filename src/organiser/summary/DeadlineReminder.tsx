import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { Summary } from '@shared/contracts/stats'
import { toCloudError } from '@/services/callCloud'
import { subscribeSummaryReminders } from '@/services/stats'
import { acceptedAny, askSubscribe } from '@/services/subscribe'
import { deadlineReminderText } from '../components/reportingText'

type State = { kind: 'idle' | 'busy' } | { kind: 'done'; text: string }

/**
 * 截止前微信提醒我: while the 总结表 is not handed in, asks WeChat for the deadline reminder message
 * from the tap (one acceptance pays for one message: 3 days and 1 day before the deadline need two
 * taps) and counts the answer on the person's account (stats summary.subscribe).
 */
export function DeadlineReminder({ summary }: { summary: Summary }) {
  const [state, setState] = useState<State>({ kind: 'idle' })
  const unit = summary.unit.level === 'city' ? { cityCode: summary.unit.code ?? '' } : { districtCode: summary.unit.code ?? '' }

  const tap = () => {
    if (state.kind === 'busy') return
    // WeChat asks only from a tap: before any await.
    const asking = askSubscribe(['summary_due'])
    setState({ kind: 'busy' })
    void asking.then(async (results) => {
      if (!acceptedAny(results)) return setState({ kind: 'done', text: '未开启微信提醒。截止提醒仍会出现在“我的”通知里。' })
      try {
        const { left } = await subscribeSummaryReminders({ weekId: summary.weekId, ...unit, results })
        setState({ kind: 'done', text: deadlineReminderText(left) })
      } catch (err) {
        setState({ kind: 'done', text: `没有开启成功：${toCloudError(err).message}。请再试一次。` })
      }
    })
  }

  return (
    <View className="sum-reminder">
      <View
        className={`btn btn--block ${state.kind === 'busy' ? 'btn--disabled' : 'btn--secondary'}`}
        data-testid="summary-remind"
        ariaRole="button"
        onClick={tap}
      >
        <Text>{state.kind === 'busy' ? '正在开启提醒…' : '截止前微信提醒我'}</Text>
      </View>
      {state.kind === 'done' ? (
        <Text className="sum-submission__line" data-testid="summary-remind-done">
          {state.text}
        </Text>
      ) : null}
    </View>
  )
}
