import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { inviteExpiryFor, inviteExpiryLimit } from '@shared/domain/attendance'
// QrCode's styles before the states' (the ticket page's order; mini-css-extract wants one order).
import { QrCode } from '@/components/QrCode'
import { ChoiceChips, Field, InlineError, MultiChips } from '@/components/form'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { listManagedActivities } from '@/services/activity'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { createInvite } from '@/services/checkin'
import { timeRangeText } from '@/utils/activityText'
import { ShareInvite } from './ShareInvite'

const DAY = 24 * 60 * 60 * 1000
type Expiry = 'activity' | '3d' | '7d'
const EXPIRIES: { code: Expiry; label: string }[] = [
  { code: 'activity', label: '到所选活动结束' },
  { code: '3d', label: '3天' },
  { code: '7d', label: '7天' },
]

/**
 * The end of the chosen period: when the last picked activity ends (the default, so an invite for
 * tomorrow's activity still works tomorrow), or that many days from now but never later than the
 * server allows (a day after the last picked activity ends).
 */
function expiresAt(key: Expiry, picked: { endAt: number }[], now = Date.now()): number {
  if (key === 'activity') return inviteExpiryFor(picked) ?? now + DAY
  const days = now + (key === '3d' ? 3 : 7) * DAY
  return Math.min(days, inviteExpiryLimit(picked) ?? days)
}

function expiryText(ms: number): string {
  const d = new Date(ms + 8 * 60 * 60 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

interface Invite {
  code: string
  activityIds: string[]
  expiresAt: number
}

/** The invite the page shares as a chat card: its code and the invited activities' titles. */
export interface SharedInvite {
  code: string
  titles: string[]
}

/**
 * 邀请志愿者 (on 活动管理): choose the week's published activities that have not ended and an
 * expiry; the invite code is shown large with its QR, for volunteers to enter in 志愿者签到, and
 * can be sent as a chat card (weapp; `onInvite` tells the page what to share) or a copied link (h5).
 */
export function InvitePanel({
  weekId,
  districtCode,
  onClose,
  onInvite,
}: {
  weekId: string
  districtCode: string
  onClose: () => void
  onInvite: (invite: SharedInvite | null) => void
}) {
  const choices = useAsync(async () => {
    const res = await listManagedActivities({
      weekId,
      status: 'published',
      limit: 50,
      ...(districtCode ? { districtCode } : {}),
    })
    const now = Date.now()
    return res.items.filter((a) => a.endAt > now)
  }, [weekId, districtCode])
  const [picked, setPicked] = useState<string[]>([])
  const [expiry, setExpiry] = useState<Expiry>('activity')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CloudError | null>(null)
  const [invite, setInvite] = useState<Invite | null>(null)

  const create = async () => {
    if (busy || picked.length === 0) return
    setBusy(true)
    setError(null)
    try {
      const chosen = choices.status === 'ready' ? choices.data.filter((a) => picked.includes(a.id)) : []
      const res = await createInvite({ activityIds: picked, expiresAt: expiresAt(expiry, chosen) })
      setInvite(res)
      const titleOf = new Map(chosen.map((a) => [a.id, a.title]))
      onInvite({ code: res.code, titles: res.activityIds.map((id) => titleOf.get(id) ?? '') })
    } catch (err) {
      setError(toCloudError(err))
    } finally {
      setBusy(false)
    }
  }

  const titles = choices.status === 'ready' ? new Map(choices.data.map((a) => [a.id, a.title])) : new Map<string, string>()

  return (
    <View className="section org-invite" data-testid="org-invite-panel">
      <Text className="section__title">邀请志愿者</Text>
      {invite ? (
        <View className="org-invite__done" data-testid="org-invite-done">
          <Text className="muted">邀请码</Text>
          <Text className="org-invite__code" data-testid="org-invite-code" data-code={invite.code}>
            {invite.code}
          </Text>
          <QrCode text={invite.code} testid="org-invite-qr" label={`邀请码 ${invite.code} 的二维码`} />
          <ShareInvite code={invite.code} />
          <Text className="org-invite__line">请志愿者打开“志愿者签到”，输入这个邀请码（或扫二维码）即可为下列活动签到。</Text>
          {invite.activityIds.map((id) => (
            <Text key={id} className="org-invite__line">
              · {titles.get(id) ?? id}
            </Text>
          ))}
          <Text className="muted">
            有效期至 {expiryText(invite.expiresAt)}
            {expiry === 'activity' ? '（所选活动结束时）' : ''}
          </Text>
          <View
            className="btn btn--secondary btn--block"
            data-testid="org-invite-again"
            ariaRole="button"
            onClick={() => {
              setInvite(null)
              onInvite(null)
            }}
          >
            <Text>再生成一个</Text>
          </View>
        </View>
      ) : (
        <View>
          {choices.status === 'loading' ? <Loading text="正在加载活动…" /> : null}
          {choices.status === 'error' ? (
            <ErrorState message={choices.error.message} code={choices.error.code} onRetry={choices.reload} />
          ) : null}
          {choices.status === 'ready' && choices.data.length === 0 ? (
            <Empty title="没有可邀请的活动" hint="只有已发布、尚未结束的活动可以邀请志愿者。" />
          ) : null}
          {choices.status === 'ready' && choices.data.length > 0 ? (
            <View>
              <Field label="选择活动（可多选）" required testid="org-invite-activities">
                <MultiChips
                  options={choices.data.map((a) => ({ code: a.id, label: `${a.title}（${timeRangeText(a.startAt, a.endAt)}）` }))}
                  value={picked}
                  onChange={setPicked}
                  testid="org-invite-activity"
                  columns={1}
                  max={20}
                />
              </Field>
              <Field label="有效期" required testid="org-invite-expiries">
                <ChoiceChips options={EXPIRIES} value={expiry} onChange={setExpiry} testid="org-invite-expiry" />
                <Text className="muted">默认到所选活动中最晚一场的结束时间为止，提前或隔天领码都能用。</Text>
              </Field>
              {error ? <InlineError message={error.message} code={error.code} testid="org-invite-error" /> : null}
              <View
                className={`btn btn--block ${busy || picked.length === 0 ? 'btn--disabled' : 'btn--primary'}`}
                data-testid="org-invite-create"
                data-busy={busy ? 'true' : 'false'}
                ariaRole="button"
                onClick={() => void create()}
              >
                <Text>{busy ? '正在生成…' : picked.length === 0 ? '请先选择活动' : '生成邀请码'}</Text>
              </View>
            </View>
          ) : null}
        </View>
      )}
      <View className="btn btn--secondary btn--block org-invite__close" data-testid="org-invite-close" ariaRole="button" onClick={onClose}>
        <Text>收起</Text>
      </View>
    </View>
  )
}
