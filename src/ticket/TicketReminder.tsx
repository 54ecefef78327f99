import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { toCloudError } from '@/services/callCloud'
import { acceptedAny, askSubscribe, recordSubscribe } from '@/services/subscribe'
import { reminderPlanText } from './reminderText'

type State = { kind: 'idle' | 'busy' } | { kind: 'done'; text: string }

/**
 * 微信提醒我: asks WeChat for the reminder and change messages from the tap (one acceptance pays for
 * one message, so a second tap pays for the second reminder) and records the answer on the registration.
 */
export function TicketReminder({ registrationId, startAt }: { registrationId: string; startAt: number }) {
  const [state, setState] = useState<State>({ kind: 'idle' })

  const tap = () => {
    if (state.kind === 'busy') return
    // WeChat asks only from a tap: before any await.
    const asking = askSubscribe(['activity_reminder', 'activity_changed'])
    setState({ kind: 'busy' })
    void asking.then(async (results) => {
      if (!acceptedAny(results)) return setState({ kind: 'done', text: '未开启微信提醒。活动通知仍会显示在“我的”里。' })
      try {
        const rec = await recordSubscribe(registrationId, results)
        setState({ kind: 'done', text: reminderPlanText(rec.subscribe.activity_reminder, startAt, Date.now()) })
      } catch (err) {
        setState({ kind: 'done', text: `没有开启成功：${toCloudError(err).message}。请再试一次。` })
      }
    })
  }

  return (
    <View className="ticket-card__keep">
      <View
        className={`btn btn--block ${state.kind === 'busy' ? 'btn--disabled' : 'btn--secondary'}`}
        data-testid="ticket-remind"
        ariaRole="button"
        onClick={tap}
      >
        <Text>{state.kind === 'busy' ? '正在开启提醒…' : '微信提醒我（活动开始前）'}</Text>
      </View>
      {state.kind === 'done' ? (
        <Text className="ticket-card__note" data-testid="ticket-remind-done">
          {state.text}
        </Text>
      ) : null}
    </View>
  )
}
