import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { CHANGE_LIMITS, type ChangeKind, type ChangeRecord } from '@shared/contracts/notify'
import type { ActivityDetail } from '@shared/contracts/activity'
// form first: it brings the Chip's and the states' styles in the order every chunk uses.
import { ChoiceChips, Field, InlineConfirm, InlineError, TextArea } from '@/components/form'
import { PageShell } from '@/components/PageShell'
import { ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { getActivity } from '@/services/activity'
import { toCloudError } from '@/services/callCloud'
import { listChangeNotices, sendChangeNotice } from '@/services/notify'
import { placeText, timeRangeText } from '@/utils/activityText'
import { shanghaiClock } from '@shared/domain/time'
import { CHANGE_KINDS, PLACEHOLDERS, confirmText, failureText, messageError, successText, todayText } from './changeText'
import './index.scss'

type Today = { limit: number; registrants: number; items: ChangeRecord[] }

/**
 * 通知报名者 (?id=): an organiser tells everyone signed up to a published activity what changed
 * (time, venue, something else) in a short message: confirmed first (将通知 N 位报名者), then sent
 * through notify change.send (their 我的 messages, and a subscribe message where accepted). At most 3
 * a day per activity: the day's count and today's notices are shown above the form.
 */
export default function ChangeNoticePage() {
  const { params } = useRouter()
  const id = typeof params.id === 'string' ? decodeURIComponent(params.id) : ''
  const res = useAsync(async () => {
    const [got, today] = await Promise.all([getActivity(id), listChangeNotices(id)])
    return { activity: got.activity, today }
  }, [id])

  return (
    <PageShell className="change-notice" testid="change-notice-page">
      {res.status === 'loading' ? <Loading text="正在加载…" /> : null}
      {res.status === 'error' ? <ErrorState message={res.error.message} code={res.error.code} onRetry={res.reload} /> : null}
      {res.status === 'ready' ? <NoticeForm activity={res.data.activity} initial={res.data.today} /> : null}
    </PageShell>
  )
}

function NoticeForm({ activity, initial }: { activity: ActivityDetail; initial: Today }) {
  const [today, setToday] = useState<Today>(initial)
  const [change, setChange] = useState<ChangeKind>('time')
  const [message, setMessage] = useState('')
  const [fieldError, setFieldError] = useState<string | null>(null)
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)
  const [failure, setFailure] = useState<{ code: string; text: string } | null>(null)

  const sent = today.items.length
  const full = sent >= today.limit
  const open = activity.status === 'published'

  const ask = () => {
    const problem = messageError(message)
    setFieldError(problem)
    setDone(null)
    setFailure(null)
    if (!problem) setAsking(true)
  }

  const send = async () => {
    setBusy(true)
    setFailure(null)
    try {
      // One nonce per tap (made in the service); it resends the same request once on a network failure.
      const r = await sendChangeNotice({ activityId: activity.id, change, message: message.trim() })
      setDone(successText(r.notified, r.today, today.limit))
      setMessage('')
      setAsking(false)
      const record: ChangeRecord = {
        changeId: r.changeId,
        slot: r.today,
        change,
        message: message.trim(),
        at: Date.now(),
        notified: r.notified,
      }
      setToday((t) => ({ ...t, items: [...t.items.filter((i) => i.changeId !== r.changeId), record] }))
      listChangeNotices(activity.id).then(setToday, () => undefined)
    } catch (err) {
      const e = toCloudError(err)
      setFailure({ code: e.code, text: failureText(e) })
      setAsking(false)
      if (e.code === 'TOO_MANY_ATTEMPTS') listChangeNotices(activity.id).then(setToday, () => undefined)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View data-testid="change-form" data-id={activity.id} data-sent={String(sent)}>
      <View className="page-head">
        <Text className="page-head__title">通知报名者</Text>
        <Text className="page-head__text" data-testid="change-activity">
          {activity.title}
        </Text>
        <Text className="page-head__text">
          {timeRangeText(activity.startAt, activity.endAt)} · {placeText(activity)}
        </Text>
      </View>

      <View className="section">
        <Text className={`change-today${full ? ' change-today--full' : ''}`} data-testid="change-today" data-sent={String(sent)}>
          {todayText(sent, today.limit)}
        </Text>
        {today.items.map((i) => (
          <View key={i.changeId} className="change-sent" data-testid="change-sent-item">
            <Text className="change-sent__head">
              第 {i.slot} 次 · {shanghaiClock(i.at)} · {CHANGE_KINDS.find((k) => k.code === i.change)?.label ?? ''} · 已通知 {i.notified} 人
            </Text>
            <Text className="change-sent__text">{i.message}</Text>
          </View>
        ))}
      </View>

      {!open ? (
        <View className="section">
          <Text className="change-closed" data-testid="change-closed">
            {activity.status === 'cancelled' ? '✕ 本活动已取消，不能再发变更通知。' : '活动发布后，才能通知报名者。'}
          </Text>
        </View>
      ) : (
        <View className="section change-form">
          <Text className="section__title">发送变更通知</Text>
          <Field label="变更类型" required testid="change-kind-row">
            <ChoiceChips options={CHANGE_KINDS} value={change} onChange={setChange} testid="change-kind" />
          </Field>
          <Field
            label="变更内容"
            required
            hint={`${message.trim().length}/${CHANGE_LIMITS.messageMax} 字，写清楚改成了什么`}
            error={fieldError ?? undefined}
            testid="change-message-row"
          >
            <TextArea
              value={message}
              onChange={(v) => {
                setMessage(v)
                setFieldError(null)
              }}
              testid="change-message"
              label="变更内容"
              maxlength={CHANGE_LIMITS.messageMax}
              placeholder={PLACEHOLDERS[change]}
            />
          </Field>

          {done ? (
            <Text className="change-done" data-testid="change-done">
              {done}
            </Text>
          ) : null}
          {failure ? <InlineError message={failure.text} code={failure.code} testid="change-error" /> : null}

          {asking ? (
            <InlineConfirm
              testid="change-send"
              busy={busy}
              text={confirmText(today.registrants)}
              confirmLabel={busy ? '正在发送…' : '确定发送'}
              cancelLabel="再改改"
              onConfirm={() => void send()}
              onCancel={() => setAsking(false)}
            />
          ) : (
            <View
              className={`btn btn--block ${full ? 'btn--disabled' : 'btn--primary'}`}
              data-testid="change-send"
              data-disabled={full ? 'true' : 'false'}
              ariaRole="button"
              onClick={() => {
                if (!full) ask()
              }}
            >
              <Text>{full ? '今天已达上限，请明天再发' : '发送通知'}</Text>
            </View>
          )}
        </View>
      )}

      <View className="section">
        <View className="btn btn--secondary btn--block" data-testid="change-back" ariaRole="link" onClick={() => void Taro.navigateBack()}>
          <Text>返回</Text>
        </View>
      </View>
    </View>
  )
}
