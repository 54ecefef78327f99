import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useAsync } from '@/hooks/useAsync'
import { listMySignups } from '@/services/signup'
import { placeText, timeRangeText } from '@/utils/activityText'
import { relationText } from '@/utils/signupText'

/**
 * The next ticket, first on 我的: the soonest upcoming confirmed registration of the resident or their
 * family, with one tap to its QR. Nothing is shown while loading, on error or with no ticket to come:
 * the list below says those.
 */
export function NextTicket({ refresh }: { refresh: number }) {
  const res = useAsync(() => listMySignups({ when: 'upcoming', limit: 10 }).then((r) => r.items), [refresh])
  const next = (res.status === 'ready' ? res.data : []).find((r) => r.status === 'confirmed' && r.activity.status !== 'cancelled')
  if (!next) return null
  return (
    <View className="section next-ticket" data-testid="next-ticket" data-id={next.id}>
      <Text className="next-ticket__label">下一场活动的电子票</Text>
      <Text className="next-ticket__title">{next.activity.title}</Text>
      <Text className="next-ticket__line">
        {next.personName}
        {next.proxy ? `（${relationText(next.relation)}，代报名）` : ''}
      </Text>
      <Text className="next-ticket__line">时间：{timeRangeText(next.activity.startAt, next.activity.endAt)}</Text>
      <Text className="next-ticket__line">地点：{placeText(next.activity)}</Text>
      <View
        className="btn btn--primary btn--block"
        data-testid="next-ticket-open"
        ariaRole="link"
        onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${encodeURIComponent(next.id)}` })}
      >
        <Text>查看电子票（入场二维码）</Text>
      </View>
    </View>
  )
}
