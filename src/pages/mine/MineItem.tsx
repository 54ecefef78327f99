import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Registration } from '@shared/contracts/signup'
import { InlineConfirm, InlineError } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { cancelSignup } from '@/services/signup'
import { instantText, placeText, timeRangeText } from '@/utils/activityText'
import { registrationStatusText, relationText } from '@/utils/signupText'

/** One registration: whose (name large), the state in words with an icon, the activity, and cancel. */
export function MineItem({ r, onChanged }: { r: Registration; onChanged: (r: Registration) => void }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [justCancelled, setJustCancelled] = useState(false)
  const s = registrationStatusText(r)
  const active = r.status !== 'cancelled' && r.activity.status !== 'cancelled'

  const cancel = async () => {
    setBusy(true)
    setFailure(null)
    try {
      const res = await cancelSignup({ registrationId: r.id })
      setAsking(false)
      setJustCancelled(true)
      onChanged(res.registration)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View
      className={`section mine-item mine-item--${s.tone}`}
      data-testid="mine-item"
      data-id={r.id}
      data-status={r.status}
      data-activity-status={r.activity.status}
      data-person={r.personName}
      data-activity={r.activityId}
    >
      <View className="mine-item__top">
        <Text className={`mine-item__state mine-item__state--${s.tone}`} data-testid="mine-item-state">
          {s.icon} {s.text}
        </Text>
        <Text className="mine-item__who">{r.proxy ? `${relationText(r.relation)}（代报名）` : '本人'}</Text>
      </View>
      <Text className="mine-item__name" data-testid="mine-item-person">
        {r.personName}
      </Text>
      <View
        className="mine-item__activity"
        ariaRole="link"
        onClick={() => void Taro.navigateTo({ url: `/pages/activity/index?id=${encodeURIComponent(r.activityId)}` })}
      >
        <Text className="mine-item__title">{r.activity.title} ›</Text>
        <Text className="mine-item__line">时间：{timeRangeText(r.activity.startAt, r.activity.endAt)}</Text>
        <Text className="mine-item__line">
          地点：{placeText(r.activity)}
          {r.activity.address && r.activity.mode !== 'online' ? `（${r.activity.address}）` : ''}
        </Text>
      </View>
      {r.status === 'confirmed' && active && !justCancelled ? (
        <View
          className="btn btn--primary btn--block mine-item__ticket"
          data-testid="mine-ticket"
          ariaRole="link"
          onClick={() => void Taro.navigateTo({ url: `/ticket/index?id=${encodeURIComponent(r.id)}` })}
        >
          <Text>查看电子票（入场二维码）</Text>
        </View>
      ) : null}
      {r.status === 'waitlisted' && active ? <Text className="mine-item__note">有人取消时按顺序自动递补，递补成功会通知您。</Text> : null}
      {justCancelled ? (
        <Text className="mine-item__done" data-testid="mine-cancel-done">
          ✓ 已为{r.personName}取消报名
        </Text>
      ) : null}

      {active && r.canCancel ? (
        asking ? (
          <InlineConfirm
            testid="mine-cancel"
            danger
            busy={busy}
            text={`确定取消${r.personName}的这次报名吗？${r.status === 'confirmed' ? '名额会让给候补的人。' : ''}`}
            confirmLabel="确定取消报名"
            cancelLabel="不取消"
            onConfirm={() => void cancel()}
            onCancel={() => {
              setAsking(false)
              setFailure(null)
            }}
          >
            {failure ? <InlineError message={failure.message} code={failure.code} testid="mine-cancel-error" /> : null}
          </InlineConfirm>
        ) : (
          <View
            className="btn btn--secondary mine-item__cancel"
            data-testid="mine-cancel"
            ariaRole="button"
            onClick={() => setAsking(true)}
          >
            <Text>取消报名</Text>
          </View>
        )
      ) : null}
      {active && !r.canCancel && r.activity.cancelDeadline !== null ? (
        <Text className="mine-item__note">
          已过取消截止时间（{instantText(r.activity.cancelDeadline)}），如有变动请联系主办单位
          {r.activity.contactPhone ? `（电话 ${r.activity.contactPhone}）` : ''}。
        </Text>
      ) : null}
    </View>
  )
}
