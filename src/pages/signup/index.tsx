import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import type { ActivityDetail } from '@shared/contracts/activity'
import type { FamilyMember, ProfileView } from '@shared/contracts/signup'
import { PageShell } from '@/components/PageShell'
// form first: it brings the Chip's and the states' styles in the order every chunk uses (mini-css-extract wants one).
import '@/components/form'
import { Empty, ErrorState, Loading } from '@/components/states'
import { ConsentNeeded } from '@/components/privacy/ConsentNeeded'
import { usePrivacyGate } from '@/components/privacy/usePrivacyGate'
import { useAsync } from '@/hooks/useAsync'
import { getActivity } from '@/services/activity'
import { CloudError } from '@/services/callCloud'
import { getProfile, listFamily } from '@/services/signup'
import { placeText, timeRangeText } from '@/utils/activityText'
import { PersonPicker } from './PersonPicker'
import { SignupCheck } from './SignupCheck'
import { SignupResult } from './SignupResult'
import { SIGNUP_CONSENT_REASON, useSignupForm } from './useSignupForm'
import './index.scss'

const NOT_FOUND_CODES = new Set(['ACTIVITY_NOT_FOUND', 'NOT_FOUND', 'VALIDATION_FAILED'])

/**
 * Sign-up for one activity (pages/signup/index?id=): choose who (oneself or a family member, or add
 * one in place), the profile form the first time or the remembered details for one tap, the overlap
 * warning and the waitlist explained before confirming, then the result. The consent to the privacy
 * guide comes first (the sheet); without it the form stays closed and says why.
 */
export default function SignupPage() {
  const router = useRouter()
  const gate = usePrivacyGate(SIGNUP_CONSENT_REASON)
  const { require } = gate
  useEffect(() => {
    void require()
  }, [require])
  const id = typeof router.params.id === 'string' ? safeDecode(router.params.id) : ''
  const base = useSignupBase(id)

  return (
    <PageShell className="signup" testid="signup-page">
      {gate.state === 'refused' ? (
        <View>
          <View className="page-head">
            <Text className="page-head__title">报名前，请先同意隐私保护指引</Text>
          </View>
          <View className="section">
            <ConsentNeeded text={`${SIGNUP_CONSENT_REASON}。您仍可以浏览活动、学习课程和阅读。`} onAsk={() => void require()} />
          </View>
        </View>
      ) : null}
      {gate.state === 'error' && gate.error ? (
        <ErrorState message={gate.error.message} code={gate.error.code} onRetry={() => void require()} />
      ) : null}
      {gate.state === 'agreed' ? <SignupBody base={base} /> : null}
      {gate.state === 'idle' || gate.state === 'checking' ? <Loading text="正在准备报名…" /> : null}
    </PageShell>
  )
}

/** The sign-up once consent is there: the activity, profile and family loaded, then the flow. */
function SignupBody({ base }: { base: ReturnType<typeof useSignupBase> }) {
  return (
    <View>
      {base.status === 'loading' ? <Loading text="正在准备报名…" /> : null}
      {base.status === 'error' && NOT_FOUND_CODES.has(base.error.code) ? (
        <Empty title="没有找到这个活动" hint={base.error.message}>
          <View
            className="btn btn--primary"
            data-testid="back-home"
            ariaRole="link"
            onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}
          >
            <Text>返回活动列表</Text>
          </View>
        </Empty>
      ) : null}
      {base.status === 'error' && !NOT_FOUND_CODES.has(base.error.code) ? (
        <ErrorState message={base.error.message} code={base.error.code} onRetry={base.reload} />
      ) : null}
      {base.status === 'ready' ? (
        <SignupFlow activity={base.data.activity} initialProfile={base.data.profile} initialMembers={base.data.members} />
      ) : null}
    </View>
  )
}

function useSignupBase(id: string) {
  return useAsync(async () => {
    if (!id) throw new CloudError('ACTIVITY_NOT_FOUND')
    const [act, prof, fam] = await Promise.all([getActivity(id), getProfile(), listFamily()])
    return { activity: act.activity, profile: prof.profile, members: fam.members }
  }, [id])
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return ''
  }
}

interface Props {
  activity: ActivityDetail
  initialProfile: ProfileView | null
  initialMembers: FamilyMember[]
}

function SignupFlow({ activity: a, initialProfile, initialMembers }: Props) {
  const f = useSignupForm(a, initialProfile, initialMembers)
  return (
    <View data-testid="signup-flow" data-activity={a.id}>
      <View className="page-head">
        <Text className="signup-kicker">报名参加</Text>
        <Text className="page-head__title" data-testid="signup-title">
          {a.title}
        </Text>
        <Text className="page-head__text">{timeRangeText(a.startAt, a.endAt)}</Text>
        <Text className="page-head__text">{placeText(a)}</Text>
      </View>

      {f.result ? (
        <SignupResult
          registration={f.result.registration}
          activity={a}
          subscription={f.subscription}
          onAgain={f.again}
          onMine={() => void Taro.switchTab({ url: '/pages/mine/index' })}
          onBack={() => {
            if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
            else void Taro.redirectTo({ url: `/pages/activity/index?id=${encodeURIComponent(a.id)}` })
          }}
        />
      ) : (
        <View>
          <PersonPicker f={f} />
          <SignupCheck f={f} />
        </View>
      )}
    </View>
  )
}
