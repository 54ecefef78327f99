import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PageShell } from '@/components/PageShell'
import { QrCode } from '@/components/QrCode'
import { qrImage } from '@/components/QrCode/qr'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { getTicket } from '@/services/signup'
import { timeRangeText } from '@/utils/activityText'
import { addToCalendar } from '@/utils/calendar'
import { checkedInText } from '@/utils/signupText'
import { keepTicket } from './keepTicket'
import { TicketReminder } from './TicketReminder'
import './index.scss'

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/**
 * 电子票: the QR code of one confirmed registration (the resident's own or a family member's), with
 * the activity, its time and the holder's name printed beside it. `print=1` is the plain black-on-white
 * layout for printing on paper for a senior without a phone. The code itself carries ids only.
 */
export default function TicketPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? safeDecode(router.params.id) : ''
  const print = router.params.print === '1'
  const ticket = useAsync(() => getTicket(id), [id])
  const [kept, setKept] = useState('')
  const [calendar, setCalendar] = useState('')

  return (
    <PageShell className={`ticket${print ? ' ticket--print' : ''}`} testid="ticket-page">
      {ticket.status === 'loading' ? <Loading text="正在生成电子票…" /> : null}
      {ticket.status === 'error' ? <ErrorState message={ticket.error.message} code={ticket.error.code} onRetry={ticket.reload} /> : null}
      {ticket.status === 'ready' ? (
        <View
          className="ticket-card"
          data-testid="ticket-card"
          data-print={print ? 'true' : 'false'}
          data-registration={ticket.data.registrationId}
        >
          <Text className="ticket-card__kind">终身学习活动周 · 入场电子票</Text>
          {ticket.data.checkedInAt ? (
            <Text className="ticket-card__done" data-testid="ticket-checked-in">
              {`✓ ${checkedInText(ticket.data.checkedInAt)}`}
            </Text>
          ) : null}
          <Text className="ticket-card__name" data-testid="ticket-holder">
            {ticket.data.holderName}
          </Text>
          {ticket.data.proxy ? (
            <Text className="ticket-card__proxy" data-testid="ticket-proxy">
              代报名（家人代为报名）
            </Text>
          ) : null}
          <QrCode text={ticket.data.token} testid="ticket-qr" label={`${ticket.data.holderName}的入场二维码`} />
          <Text className="ticket-card__hint">入场时请把这个二维码给志愿者扫一扫</Text>
          <View className="ticket-card__facts">
            <Text className="ticket-card__title" data-testid="ticket-activity">
              {ticket.data.activity.title}
            </Text>
            <Text className="ticket-card__line" data-testid="ticket-time">
              {`时间：${timeRangeText(ticket.data.activity.startAt, ticket.data.activity.endAt)}`}
            </Text>
            {ticket.data.activity.venueName ? <Text className="ticket-card__line">{`地点：${ticket.data.activity.venueName}`}</Text> : null}
          </View>
          {print ? (
            <View className="ticket-card__keep">
              <Text className="ticket-card__note">本票可打印后携带，入场时出示给志愿者扫码。</Text>
              <View
                className="btn btn--primary btn--block"
                data-testid="ticket-keep"
                ariaRole="button"
                onClick={() => void keepTicket(qrImage(ticket.data.token).src).then(setKept)}
              >
                <Text>{process.env.TARO_ENV === 'h5' ? '打印这张票' : '保存二维码图片到相册'}</Text>
              </View>
              {kept ? (
                <Text className="ticket-card__note" data-testid="ticket-kept">
                  {kept}
                </Text>
              ) : null}
            </View>
          ) : (
            <View className="ticket-card__keep">
              <View
                className="btn btn--secondary btn--block"
                data-testid="ticket-calendar"
                ariaRole="button"
                onClick={() =>
                  void addToCalendar({ registrationId: ticket.data.registrationId, ...ticket.data.activity }).then(setCalendar)
                }
              >
                <Text>添加到手机日历</Text>
              </View>
              {calendar ? (
                <Text className="ticket-card__note" data-testid="ticket-calendar-done">
                  {calendar}
                </Text>
              ) : null}
            </View>
          )}
          {print || ticket.data.checkedInAt || ticket.data.activity.startAt <= Date.now() ? null : (
            <TicketReminder registrationId={ticket.data.registrationId} startAt={ticket.data.activity.startAt} />
          )}
          {print ? null : (
            <View
              className="btn btn--secondary btn--block ticket-card__print"
              data-testid="ticket-print"
              ariaRole="link"
              onClick={() => void Taro.navigateTo({ url: `/ticket/index?id=${encodeURIComponent(id)}&print=1` })}
            >
              <Text>打印版（黑白，适合打印）</Text>
            </View>
          )}
        </View>
      ) : null}
    </PageShell>
  )
}
