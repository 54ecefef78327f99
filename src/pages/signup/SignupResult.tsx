import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { ActivityDetail } from '@shared/contracts/activity'
import type { Registration } from '@shared/contracts/signup'
import { placeText, timeRangeText } from '@/utils/activityText'
import { addToCalendar } from '@/utils/calendar'
import { relationText } from '@/utils/signupText'
import type { Subscription } from './useSignupForm'

interface Props {
  registration: Registration
  activity: ActivityDetail
  subscription: Subscription
  onAgain: () => void
  onMine: () => void
  onBack: () => void
}

/** What became of the WeChat messages asked for at the tap. */
const SUBSCRIPTION_TEXT: Record<Exclude<Subscription, 'none'>, string> = {
  asking: '正在开启微信消息提醒…',
  on: '✓ 已开启微信消息提醒：活动开始前、名额或活动有变动时，会在微信里通知您。',
  off: '未开启微信消息提醒。活动通知仍会显示在“我的”里；也可以在电子票页开启提醒。',
  failed: '微信消息提醒没有开启成功，请在电子票页再试一次。报名不受影响。',
}

/** The outcome of a sign-up, in words: 报名成功, or on the waitlist at position N and what happens next. */
export function SignupResult({ registration: r, activity: a, subscription, onAgain, onMine, onBack }: Props) {
  const confirmed = r.status === 'confirmed'
  const [calendar, setCalendar] = useState('')
  return (
    <View
      className="section signup-result"
      data-testid="signup-result"
      data-status={r.status}
      data-id={r.id}
      data-position={r.position ?? ''}
    >
      <Text className={`signup-result__head signup-result__head--${confirmed ? 'ok' : 'wait'}`} data-testid="signup-result-title">
        {confirmed ? '✓ 报名成功' : `◷ 已加入候补，排在第 ${r.position ?? '?'} 位`}
      </Text>
      <Text className="signup-result__name" data-testid="signup-result-person">
        {r.personName}
      </Text>
      <Text className="signup-line">
        {relationText(r.relation)}
        {r.proxy ? '（代报名）' : ''}
      </Text>
      <View className="signup-result__box">
        <Text className="signup-line signup-line--strong">{a.title}</Text>
        <Text className="signup-line">时间：{timeRangeText(a.startAt, a.endAt)}</Text>
        <Text className="signup-line">地点：{placeText(a)}</Text>
        {a.address && a.mode !== 'online' ? <Text className="signup-line">地址：{a.address}</Text> : null}
      </View>
      <Text className="signup-line">
        {confirmed
          ? '请按时到场参加。如有变动，请在取消截止时间前到“我的活动”中取消，把名额让给别人。'
          : `前面还有 ${Math.max((r.position ?? 1) - 1, 0)} 位在候补。有人取消时按顺序自动递补，递补成功会通知您，也可在“我的活动”中查看。`}
      </Text>
      {subscription === 'none' ? null : (
        <Text className="signup-line" data-testid="signup-subscription" data-state={subscription}>
          {SUBSCRIPTION_TEXT[subscription]}
        </Text>
      )}
      <View className="signup-result__actions">
        {confirmed ? (
          <View
            className="btn btn--primary btn--block"
            data-testid="signup-go-ticket"
            ariaRole="link"
            onClick={() => void Taro.navigateTo({ url: `/ticket/index?id=${encodeURIComponent(r.id)}` })}
          >
            <Text>查看电子票（入场二维码）</Text>
          </View>
        ) : null}
        {confirmed ? (
          <View
            className="btn btn--secondary btn--block"
            data-testid="signup-calendar"
            ariaRole="button"
            onClick={() =>
              void addToCalendar({ registrationId: r.id, title: a.title, startAt: a.startAt, endAt: a.endAt, venueName: a.venueName }).then(
                setCalendar,
              )
            }
          >
            <Text>添加到手机日历</Text>
          </View>
        ) : null}
        {calendar ? (
          <Text className="signup-line" data-testid="signup-calendar-done">
            {calendar}
          </Text>
        ) : null}
        <View
          className={`btn ${confirmed ? 'btn--secondary' : 'btn--primary'} btn--block`}
          data-testid="signup-go-mine"
          ariaRole="link"
          onClick={onMine}
        >
          <Text>查看我的活动</Text>
        </View>
        <View className="btn btn--secondary btn--block" data-testid="signup-another" ariaRole="button" onClick={onAgain}>
          <Text>再为家人报名</Text>
        </View>
        <View className="btn btn--secondary btn--block" data-testid="signup-back" ariaRole="link" onClick={onBack}>
          <Text>返回活动详情</Text>
        </View>
      </View>
    </View>
  )
}
