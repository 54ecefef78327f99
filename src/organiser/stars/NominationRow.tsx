import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { Nomination, Places } from '@shared/contracts/stars'
import { STAR_LIMITS, canDecline, canPublish, canRecommend, canSelect } from '@shared/domain/stars'
import { Field, InlineConfirm, InlineError, TextArea } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { starsApi } from '@/services/stars'
import { countsText, honoursText, kindText, placesFull, reasonError, statusText } from './starsText'

/**
 * One nomination in the list: who or what, its district, status, honours and counts, and the actions
 * its `can` allows — 推荐 / 不予推荐 (a reason asked in place), 评选入选 / 取消入选, 公布, 隐藏 /
 * 取消隐藏, 修改 (a draft). Each answer replaces the row (and the places, after a selection).
 */
export function NominationRow({
  n,
  weekId,
  cityCode,
  places,
  onChanged,
}: {
  n: Nomination
  weekId: string
  /** The selecting unit the caller acts as (a city, or null for the top). */
  cityCode: string | null
  places: Places | null
  onChanged: (n: Nomination, places?: Places) => void
}) {
  const [busy, setBusy] = useState('')
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [declining, setDeclining] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonShown, setReasonShown] = useState(false)

  const act = async (name: string, call: () => Promise<{ nomination: Nomination; places?: Places }>) => {
    if (busy) return
    setBusy(name)
    setFailure(null)
    try {
      const r = await call()
      setDeclining(false)
      onChanged(r.nomination, r.places)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy('')
    }
  }

  const decline = () => {
    setReasonShown(true)
    if (reasonError(reason)) return
    void act('decline', () => starsApi.review({ id: n.id, decision: 'decline', reason: reason.trim() }))
  }

  const full = n.status === 'recommended' && placesFull(places, n.kind)
  const button = (name: string, label: string, run: () => void, kind: 'primary' | 'secondary' | 'danger' = 'secondary') => (
    <View
      key={name}
      className={`btn ${busy ? 'btn--disabled' : `btn--${kind}`}`}
      data-testid={`star-${name}`}
      data-busy={busy === name ? 'true' : 'false'}
      ariaRole="button"
      onClick={() => {
        if (!busy) run()
      }}
    >
      <Text>{busy === name ? '请稍候…' : label}</Text>
    </View>
  )

  const actions = [
    n.can.edit
      ? button(
          'edit',
          '修改',
          () =>
            void Taro.navigateTo({ url: `/organiser/star-edit/index?weekId=${encodeURIComponent(weekId)}&id=${encodeURIComponent(n.id)}` }),
        )
      : null,
    n.can.review && canRecommend(n.status)
      ? button('recommend', '推荐', () => void act('recommend', () => starsApi.review({ id: n.id, decision: 'recommend' })), 'primary')
      : null,
    n.can.review && canDecline(n.status) && !declining ? button('decline-open', '不予推荐', () => setDeclining(true), 'danger') : null,
    n.can.select && canSelect(n.status)
      ? button('select', '评选入选', () => void act('select', () => starsApi.select({ id: n.id, cityCode, selected: true })), 'primary')
      : null,
    n.can.select && n.status === 'selected'
      ? button('unselect', '取消入选', () => void act('unselect', () => starsApi.select({ id: n.id, cityCode, selected: false })))
      : null,
    n.can.publish && canPublish(n.status)
      ? button('publish', '公布', () => void act('publish', () => starsApi.publish({ id: n.id })), 'primary')
      : null,
    n.can.hide && n.status === 'published'
      ? button(
          n.hidden ? 'unhide' : 'hide',
          n.hidden ? '取消隐藏' : '隐藏',
          () => void act(n.hidden ? 'unhide' : 'hide', () => starsApi.hide({ id: n.id, hidden: !n.hidden })),
        )
      : null,
  ].filter(Boolean)

  return (
    <View
      className={`star-row star-row--${n.status}${n.hidden ? ' star-row--hidden' : ''}`}
      data-testid="star-row"
      data-id={n.id}
      data-status={n.status}
      data-hidden={n.hidden ? 'true' : 'false'}
    >
      <View className="star-row__tags">
        <Text className="star-row__kind">{kindText(n.kind)}</Text>
        <Text className="star-row__district">{n.districtName}</Text>
        <Text className={`star-row__status star-row__status--${n.status}`} data-testid="star-row-status">
          {statusText(n)}
        </Text>
      </View>
      <Text className="star-row__name" data-testid="star-row-name">
        {n.name}
      </Text>
      {n.unitName ? <Text className="star-row__line">{n.unitName}</Text> : null}
      {n.honours.length ? (
        <Text className="star-row__line star-row__honours" data-testid="star-row-honours">
          {`荣誉：${honoursText(n.honours)}`}
        </Text>
      ) : null}
      <Text className="star-row__line" data-testid="star-row-counts">
        {`${countsText(n)} · 照片 ${n.photos.length} 张`}
      </Text>
      <Text className="star-row__line">{`推荐联系人：${n.nominator.name} ${n.nominator.phone}${n.nominator.kind === 'self' ? '（个人自荐）' : ''}`}</Text>
      {n.status === 'declined' && n.reason ? (
        <Text className="star-row__line star-row__reason" data-testid="star-row-reason">
          {`未获推荐原因：${n.reason}`}
        </Text>
      ) : null}
      {full ? (
        <Text className="star-row__line star-row__full" data-testid="star-row-full">
          评选名额已满：先调整名额或取消其他入选
        </Text>
      ) : null}
      {failure ? <InlineError message={failure.message} code={failure.code} testid="star-row-error" /> : null}
      {declining ? (
        <InlineConfirm
          testid="star-decline"
          danger
          busy={busy === 'decline'}
          text={`不予推荐“${n.name}”？请写明原因，推荐人可以看到。`}
          confirmLabel="确定不予推荐"
          cancelLabel="不了，返回"
          onConfirm={decline}
          onCancel={() => {
            setDeclining(false)
            setReasonShown(false)
          }}
        >
          <Field
            label="原因"
            required
            error={reasonShown ? reasonError(reason) || undefined : undefined}
            testid="star-decline-reason-field"
          >
            <TextArea
              value={reason}
              onChange={setReason}
              testid="star-decline-reason"
              label="不予推荐的原因"
              maxlength={STAR_LIMITS.reasonMax}
            />
          </Field>
        </InlineConfirm>
      ) : null}
      {actions.length ? <View className="btn-row star-row__actions">{actions}</View> : null}
    </View>
  )
}
