import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ActivityDetail } from '@shared/contracts/activity'
import { useAsync } from '@/hooks/useAsync'
import { previewSignup } from '@/services/signup'
import { OPEN_IN_APP } from '@/utils/timeline'
import { registrationStatusText, signupAvailability, type AvailabilityKind } from '@/utils/signupText'

const ICONS: Record<AvailabilityKind, string> = {
  draft: '✕',
  cancelled: '✕',
  ended: '✕',
  free: '✓',
  'not-open': '◷',
  closed: '✕',
  full: '◷',
  open: '✓',
}

/**
 * Where the detail page says whether one can sign up and why not, in words: seats left, 无需报名,
 * 已取消, not open yet, closed. It also says when the resident is already registered. 报名 opens the
 * sign-up page (choose who, the form the first time, the overlap warning, waitlist, result). A
 * visitor from 朋友圈 (single-page mode: no identity, no navigation) reads the same state, with
 * 在小程序中打开后报名 in place of the button (WeChat's bar at the bottom opens the mini-program).
 */
export function SignupArea({ a, refresh, visitor = false }: { a: ActivityDetail; refresh: number; visitor?: boolean }) {
  const avail = signupAvailability(a, Date.now())
  const asksPreview = !visitor && a.signupRequired && a.status === 'published'
  // The resident's own registration, if any. A failure here only hides that line.
  const mine = useAsync(
    () => (asksPreview ? previewSignup({ activityId: a.id, personId: 'self' }).then((r) => r.registration) : Promise.resolve(null)),
    [a.id, asksPreview, refresh],
  )
  const registration = mine.status === 'ready' ? mine.data : null
  const status = registration ? registrationStatusText(registration) : null

  const open = () => void Taro.navigateTo({ url: `/pages/signup/index?id=${encodeURIComponent(a.id)}` })
  const goMine = () => void Taro.switchTab({ url: '/pages/mine/index' })

  return (
    <View
      className="section detail-signup"
      data-testid="signup-area"
      data-kind={avail.kind}
      data-disabled={avail.canSignUp ? 'false' : 'true'}
    >
      <Text className="section__title">报名</Text>
      <Text className={`detail-signup__state detail-signup__state--${avail.kind}`} data-testid="signup-state">
        {ICONS[avail.kind]} {avail.text}
      </Text>
      {avail.reason ? (
        <Text className="detail-signup__note" data-testid="signup-reason">
          {avail.reason}
          {avail.kind === 'closed' && a.contactPhone ? `如需帮助请拨打 ${a.contactPhone}。` : ''}
        </Text>
      ) : null}

      {registration && status ? (
        <View className="detail-signup__mine" data-testid="signup-mine" data-status={registration.status}>
          <Text className="detail-signup__mine-text">
            {status.icon} 您本人{status.text}
          </Text>
          <View className="btn btn--secondary" data-testid="signup-go-mine" ariaRole="link" onClick={goMine}>
            <Text>查看我的活动</Text>
          </View>
        </View>
      ) : null}

      {avail.canSignUp && visitor ? (
        <View className="btn btn--disabled btn--block" data-testid="signup-in-app" data-disabled="true" ariaRole="note">
          <Text>{OPEN_IN_APP}后报名</Text>
        </View>
      ) : avail.canSignUp ? (
        <View className="btn btn--primary btn--block" data-testid="signup-button" ariaRole="button" onClick={open}>
          <Text>{avail.kind === 'full' ? '加入候补' : registration ? '为家人报名' : '报名'}</Text>
        </View>
      ) : a.signupRequired && (avail.kind === 'not-open' || avail.kind === 'closed') ? (
        <View
          className="btn btn--disabled btn--block"
          data-testid="signup-button"
          data-disabled="true"
          ariaRole="button"
          ariaLabel={`${avail.text}，不能报名`}
        >
          <Text>{avail.kind === 'not-open' ? '报名尚未开始' : '报名已截止'}</Text>
        </View>
      ) : null}
      {avail.canSignUp ? (
        <Text className="detail-signup__note">
          {visitor ? '点屏幕下方的“前往小程序”，就可以为自己或家人报名。' : '可以为自己报名，也可以帮父母等家人报名。'}
        </Text>
      ) : null}
    </View>
  )
}
