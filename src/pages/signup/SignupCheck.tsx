import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Registration } from '@shared/contracts/signup'
import { messageFor } from '@shared/errors'
import { InlineError } from '@/components/form'
import { ErrorState, Loading } from '@/components/states'
import { communityExample } from '@/utils/peopleForm'
import { maskPhone, overlapText, registrationStatusText, relationText } from '@/utils/signupText'
import { ProfileForm } from './ProfileForm'
import type { SignupForm } from './useSignupForm'

/**
 * 第二步: the preview for the person chosen (or why they cannot sign up), the profile form or the
 * remembered details, the overlap warning, the waitlist explained, and the confirm button.
 */
export function SignupCheck({ f }: { f: SignupForm }) {
  return (
    <View className="section" data-testid="signup-check" data-person={f.person}>
      <Text className="section__title">第二步：确认报名</Text>
      {f.preview.status === 'loading' ? <Loading text="正在查看名额…" /> : null}
      {f.preview.status === 'error' ? (
        <ErrorState message={f.preview.error.message} code={f.preview.error.code} onRetry={f.preview.reload} />
      ) : null}
      {f.preview.status === 'ready' ? (
        f.preview.data.refusal ? (
          <Refusal code={f.preview.data.refusal} registration={f.preview.data.registration} personName={f.personName} />
        ) : (
          <View>
            <Text className="signup-who" data-testid="signup-who">
              {f.personName}
            </Text>
            {f.member ? (
              <Text className="signup-line">
                {relationText(f.member.relation)} · 联系电话：
                {f.member.phone ? maskPhone(f.member.phone) : `用您的手机号 ${maskPhone(f.profile?.phone)}`}
              </Text>
            ) : null}

            {f.showForm ? (
              <ProfileForm
                draft={f.draft}
                errors={f.errors}
                onChange={f.changeDraft}
                asked={f.preview.data.signupFields}
                forFamily={f.member !== null}
                firstTime={f.needProfile}
                example={communityExample(f.activity)}
              />
            ) : f.profile ? (
              <View className="signup-remembered" data-testid="signup-profile-summary">
                <Text className="signup-line">
                  {f.member ? '联系人（您）' : '报名信息'}：{f.profile.name} · {maskPhone(f.profile.phone)}
                </Text>
                <Text className="signup-line">{f.profile.community}</Text>
                <View className="signup-link" data-testid="signup-edit-profile" ariaRole="button" onClick={() => f.setEditing(true)}>
                  <Text>修改我的信息</Text>
                </View>
              </View>
            ) : null}

            {f.preview.data.overlaps.length > 0 ? (
              <View className="signup-warning" data-testid="signup-overlap-warning">
                <Text>⚠ {overlapText(f.personName, f.preview.data.overlaps)}</Text>
              </View>
            ) : null}

            {f.preview.data.full ? (
              <View className="signup-waitlist" data-testid="signup-waitlist">
                <Text className="signup-waitlist__title">◷ 名额已满，可以加入候补</Text>
                <Text className="signup-line">
                  加入后按先后顺序排队。有人取消报名时，排在最前面的候补会自动转为报名成功，并收到通知。在取消截止时间前，候补也可以取消。
                </Text>
              </View>
            ) : f.preview.data.seatsLeft !== null ? (
              <Text className="signup-seats" data-testid="signup-seats">
                ✓ 还有 {f.preview.data.seatsLeft} 个名额
              </Text>
            ) : null}

            {f.failure ? <InlineError message={f.failure.message} code={f.failure.code} testid="signup-error" /> : null}

            <View
              className={`btn btn--block signup-confirm ${f.submitting ? 'btn--disabled' : 'btn--primary'}`}
              data-testid="signup-confirm"
              data-busy={f.submitting ? 'true' : 'false'}
              ariaRole="button"
              onClick={() => void f.confirm()}
            >
              <Text>
                {f.submitting
                  ? '正在提交…'
                  : f.preview.data.full
                    ? `确认为${f.person === 'self' ? '自己' : f.personName}加入候补`
                    : `确认为${f.person === 'self' ? '自己' : f.personName}报名`}
              </Text>
            </View>
          </View>
        )
      ) : null}
    </View>
  )
}

/** Why this person cannot sign up now; an existing registration is shown with its state. */
function Refusal({ code, registration, personName }: { code: string; registration: Registration | null; personName: string }) {
  if (code === 'ALREADY_REGISTERED' && registration) {
    const s = registrationStatusText(registration)
    return (
      <View className="signup-already" data-testid="signup-already" data-status={registration.status}>
        <Text className="signup-already__text">
          {s.icon} {registration.personName || personName} {s.text}
        </Text>
        <Text className="signup-line">每人每个活动只能报名一次。可以在“我的活动”中查看或取消；也可以在上面选择其他家人报名。</Text>
        <View
          className="btn btn--secondary"
          data-testid="signup-already-mine"
          ariaRole="link"
          onClick={() => void Taro.switchTab({ url: '/pages/mine/index' })}
        >
          <Text>查看我的活动</Text>
        </View>
      </View>
    )
  }
  return <InlineError message={messageFor(code)} code={code} testid="signup-refusal" />
}
