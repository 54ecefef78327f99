import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Registration } from '@shared/contracts/signup'
import { shanghaiDate } from '@shared/domain/time'
import { useAsync } from '@/hooks/useAsync'
import { listMySignups } from '@/services/signup'
import { placeText, timeRangeText } from '@/utils/activityText'
import { checkedInText, relationText } from '@/utils/signupText'
import { hasTicketOn, rememberTicketDays } from '@/utils/ticketDays'
import './index.scss'

/** The soonest upcoming confirmed registration of the resident or their family (today's only, if asked). */
function nextOf(items: Registration[], now: number, todayOnly: boolean): Registration | undefined {
  const today = shanghaiDate(now)
  return items.find(
    (r) => r.status === 'confirmed' && r.activity.status !== 'cancelled' && (!todayOnly || shanghaiDate(r.activity.startAt) === today),
  )
}

/**
 * The next ticket with one tap to its QR: first on 我的, and on the home page on the day of the
 * activity (`today`). The home page asks the cloud only when this phone knows of a ticket today (the
 * days are remembered whenever 我的 lists the upcoming tickets), so a resident without one costs no
 * extra call. Nothing is shown while loading, on error or with no ticket to come: 我的 says those.
 */
export function NextTicket({ refresh, today = false }: { refresh: number; today?: boolean }) {
  const ask = !today || hasTicketOn(shanghaiDate(Date.now()))
  const res = useAsync(
    () =>
      ask
        ? listMySignups({ when: 'upcoming', limit: 10 }).then((r) => {
            rememberTicketDays(r.items)
            return r.items
          })
        : Promise.resolve([]),
    [refresh, ask],
  )
  const next = nextOf(res.status === 'ready' ? res.data : [], Date.now(), today)
  if (!next) return null
  return (
    <View className="section next-ticket" data-testid={today ? 'today-ticket' : 'next-ticket'} data-id={next.id}>
      <Text className="next-ticket__label">{today ? '今天的活动 · 入场电子票' : '下一场活动的电子票'}</Text>
      <Text className="next-ticket__title">{next.activity.title}</Text>
      <Text className="next-ticket__line">
        {next.personName}
        {next.proxy ? `（${relationText(next.relation)}，代报名）` : ''}
      </Text>
      <Text className="next-ticket__line">时间：{timeRangeText(next.activity.startAt, next.activity.endAt)}</Text>
      <Text className="next-ticket__line">地点：{placeText(next.activity)}</Text>
      {next.checkedInAt ? (
        <Text className="next-ticket__done" data-testid="next-ticket-checked-in">
          ✓ {checkedInText(next.checkedInAt)}
        </Text>
      ) : null}
      <View
        className="btn btn--primary btn--block"
        data-testid={today ? 'today-ticket-open' : 'next-ticket-open'}
        ariaRole="link"
        onClick={() => void Taro.navigateTo({ url: `/ticket/index?id=${encodeURIComponent(next.id)}` })}
      >
        <Text>查看电子票（入场二维码）</Text>
      </View>
    </View>
  )
}
