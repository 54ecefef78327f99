import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { VolunteerActivity } from '@shared/contracts/checkin'
import { INVITE_CODE_EXAMPLE } from '@shared/domain/attendance'
import { countsText } from '../components/countsText'
import { Field, TextInput } from '@/components/form'
import { PrivacySheet } from '@/components/privacy/PrivacySheet'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { listCheckinActivities, redeemInvite } from '@/services/checkin'
import { timeRangeText } from '@/utils/activityText'
import '../components/vol.scss'
import './index.scss'

/**
 * Volunteer home: redeem an organiser's invite code (filled in when opened with ?code=), then the activities this person checks in for
 * (not yet ended, soonest first) with live counts; tap one to open its door screen. Always in the
 * large (长辈版) sizes: it is used standing at a door.
 */
export default function VolunteerHome() {
  const [round, setRound] = useState(0)
  const list = useAsync(() => listCheckinActivities(), [round])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) setRound((n) => n + 1)
    shown.current = true
  })

  // Opened from an invite's chat card or link (?code=): the box is filled in, not redeemed yet.
  const { params } = useRouter()
  const [code, setCode] = useState(() => (params.code ?? '').slice(0, 20))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [redeemed, setRedeemed] = useState<number | null>(null)
  const redeem = async () => {
    if (busy || !code.trim()) return
    setBusy(true)
    setFailure(null)
    try {
      const res = await redeemInvite(code)
      setRedeemed(res.activities.length)
      setCode('')
      setRound((n) => n + 1)
    } catch (err) {
      setFailure(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page care vol" data-testid="volunteer-scan-page" data-care="on">
      <View className="page-head">
        <Text className="page-head__title">志愿者签到</Text>
        <Text className="page-head__text">选择您负责的活动，在门口扫居民的入场二维码。</Text>
      </View>

      <View className="section" data-testid="volunteer-activities" data-status={list.status}>
        <Text className="section__title">我负责的活动</Text>
        {list.status === 'loading' ? <Loading text="正在加载…" /> : null}
        {list.status === 'error' ? <ErrorState message={list.error.message} code={list.error.code} onRetry={list.reload} /> : null}
        {list.status === 'ready' && list.data.items.length === 0 ? (
          <Empty title="暂无分配给您的活动" hint="请向组织者要一个邀请码，在下面输入后即可开始签到。" />
        ) : null}
        {list.status === 'ready' ? list.data.items.map((a) => <VolunteerActivityItem key={a.id} a={a} />) : null}
      </View>

      <View className="section" data-testid="invite">
        <Text className="section__title">输入邀请码</Text>
        <Field label="组织者给您的邀请码" required error={failure?.message} testid="invite-field">
          <TextInput
            value={code}
            onChange={setCode}
            testid="invite-code"
            placeholder={`例如 ${INVITE_CODE_EXAMPLE}`}
            maxlength={20}
            onConfirm={() => void redeem()}
          />
        </Field>
        <View
          className={`btn ${busy ? 'btn--disabled' : 'btn--primary'} btn--block`}
          data-testid="invite-submit"
          ariaRole="button"
          onClick={() => void redeem()}
        >
          <Text>{busy ? '正在核对…' : '确认邀请码'}</Text>
        </View>
        {redeemed !== null ? (
          <Text className="vol-done" data-testid="invite-done">
            ✓ 已成为 {redeemed} 场活动的签到志愿者
          </Text>
        ) : null}
      </View>
      {/* Volunteer pages are always in care mode without PageShell: the consent sheet is mounted here. */}
      <PrivacySheet />
    </View>
  )
}

function VolunteerActivityItem({ a }: { a: VolunteerActivity }) {
  return (
    <View
      className="vol-activity"
      data-testid="vol-activity"
      data-id={a.id}
      data-checked-in={a.counts.checkedIn}
      data-participants={a.counts.participants}
      ariaRole="link"
      onClick={() => void Taro.navigateTo({ url: `/volunteer/checkin/index?id=${encodeURIComponent(a.id)}` })}
    >
      <Text className="vol-activity__title">{`${a.title} ›`}</Text>
      <Text className="vol-activity__line">{timeRangeText(a.startAt, a.endAt)}</Text>
      <Text className="vol-activity__line">
        {a.districtName}
        {a.venueName ? ` · ${a.venueName}` : ''}
      </Text>
      <Text className="vol-activity__count" data-testid="vol-activity-count">
        {countsText(a.counts)}
      </Text>
      {a.status === 'cancelled' ? <Text className="vol-activity__line">✕ 活动已取消</Text> : null}
    </View>
  )
}
