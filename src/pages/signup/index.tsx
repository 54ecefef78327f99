import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { ActivityDetail } from '@shared/contracts/activity'
import type { FamilyMember, Overlap, ProfileView, Registration } from '@shared/contracts/signup'
import { messageFor } from '@shared/errors'
import { InlineError } from '@/components/form'
import { FamilyForm } from '@/components/people/FamilyForm'
import { PageShell } from '@/components/PageShell'
import { Empty, ErrorState, Loading } from '@/components/states'
import { useAsync } from '@/hooks/useAsync'
import { getActivity } from '@/services/activity'
import { CloudError, toCloudError } from '@/services/callCloud'
import { addFamilyMember, createSignup, getProfile, listFamily, previewSignup } from '@/services/signup'
import { placeText, timeRangeText } from '@/utils/activityText'
import { EMPTY_PROFILE, checkProfile, errorsFromPaths, type FieldErrors, type ProfileDraft } from '@/utils/peopleForm'
import { maskPhone, overlapText, registrationStatusText, relationText } from '@/utils/signupText'
import { ProfileForm } from './ProfileForm'
import { SignupResult } from './SignupResult'
import './index.scss'

const NOT_FOUND_CODES = new Set(['ACTIVITY_NOT_FOUND', 'NOT_FOUND', 'VALIDATION_FAILED'])

/**
 * Sign-up for one activity (pages/signup/index?id=): choose who (oneself or a family member, or add
 * one in place), the profile form the first time or the remembered details for one tap, the overlap
 * warning and the waitlist explained before confirming, then the result.
 */
export default function SignupPage() {
  const router = useRouter()
  const id = typeof router.params.id === 'string' ? safeDecode(router.params.id) : ''
  const base = useAsync(async () => {
    if (!id) throw new CloudError('ACTIVITY_NOT_FOUND')
    const [act, prof, fam] = await Promise.all([getActivity(id), getProfile(), listFamily()])
    return { activity: act.activity, profile: prof.profile, members: fam.members }
  }, [id])

  return (
    <PageShell className="signup" testid="signup-page">
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
    </PageShell>
  )
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return ''
  }
}

type Person = 'self' | string

interface Props {
  activity: ActivityDetail
  initialProfile: ProfileView | null
  initialMembers: FamilyMember[]
}

function SignupFlow({ activity: a, initialProfile, initialMembers }: Props) {
  const [profile, setProfile] = useState(initialProfile)
  const [members, setMembers] = useState(initialMembers)
  const [person, setPerson] = useState<Person>('self')
  const [adding, setAdding] = useState(false)
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState<ProfileDraft>(initialProfile ?? EMPTY_PROFILE)
  const [errors, setErrors] = useState<FieldErrors<keyof ProfileDraft>>({})
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const [result, setResult] = useState<{ registration: Registration; overlaps: Overlap[] } | null>(null)
  const [round, setRound] = useState(0)

  const preview = useAsync(() => previewSignup({ activityId: a.id, personId: person }), [a.id, person, round])

  const member = person === 'self' ? null : (members.find((m) => m.id === person) ?? null)
  const personName = member ? member.name : (profile?.name ?? '您')
  const needProfile = profile === null
  const showForm = needProfile || editing

  const choose = (p: Person) => {
    if (submitting) return
    setPerson(p)
    setFailure(null)
    setAdding(false)
  }

  const confirm = async () => {
    if (submitting) return
    let sent: ProfileView | undefined
    if (showForm) {
      const checked = checkProfile(draft)
      if ('errors' in checked) {
        setErrors(checked.errors)
        setFailure(null)
        return
      }
      sent = checked.profile
    }
    setSubmitting(true)
    setFailure(null)
    try {
      // One nonce per tap: a retry after a cut connection is the same request (services/signup).
      const res = await createSignup({ activityId: a.id, personId: person, ...(sent ? { profile: sent } : {}), waitlist: true })
      if (sent) {
        setProfile(sent)
        setEditing(false)
      }
      setResult(res)
    } catch (err) {
      const e = toCloudError(err)
      if (e.code === 'PROFILE_REQUIRED') setEditing(true)
      if (e.code === 'VALIDATION_FAILED') setErrors(errorsFromPaths<keyof ProfileDraft>(e.fields, 'profile.'))
      setFailure(e)
    } finally {
      setSubmitting(false)
    }
  }

  const again = () => {
    setResult(null)
    setFailure(null)
    setRound((n) => n + 1)
  }

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

      {result ? (
        <SignupResult
          registration={result.registration}
          activity={a}
          onAgain={again}
          onMine={() => void Taro.navigateTo({ url: '/pages/mine/index' })}
          onBack={() => {
            if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
            else void Taro.redirectTo({ url: `/pages/activity/index?id=${encodeURIComponent(a.id)}` })
          }}
        />
      ) : (
        <View>
          <View className="section" data-testid="signup-people">
            <Text className="section__title">第一步：给谁报名</Text>
            <View className="signup-people">
              <PersonOption
                testid="signup-person-self"
                selected={person === 'self'}
                name={profile ? profile.name : '我自己'}
                sub="本人"
                onTap={() => choose('self')}
              />
              {members.map((m) => (
                <PersonOption
                  key={m.id}
                  testid={`signup-person-${m.id}`}
                  selected={person === m.id}
                  name={m.name}
                  sub={`${relationText(m.relation)}（代报名）`}
                  onTap={() => choose(m.id)}
                />
              ))}
              {!adding ? (
                <View
                  className="signup-person signup-person--add"
                  data-testid="signup-add-family"
                  ariaRole="button"
                  onClick={() => setAdding(true)}
                >
                  <Text className="signup-person__name">＋ 添加家人</Text>
                  <Text className="signup-person__sub">帮没有微信的长辈报名</Text>
                </View>
              ) : null}
            </View>
            {adding ? (
              <FamilyForm
                addMember={addFamilyMember}
                onSaved={(m) => {
                  setMembers((list) => [...list, m])
                  setAdding(false)
                  choose(m.id)
                }}
                onCancel={() => setAdding(false)}
              />
            ) : null}
          </View>

          <View className="section" data-testid="signup-check" data-person={person}>
            <Text className="section__title">第二步：确认报名</Text>
            {preview.status === 'loading' ? <Loading text="正在查看名额…" /> : null}
            {preview.status === 'error' ? (
              <ErrorState message={preview.error.message} code={preview.error.code} onRetry={preview.reload} />
            ) : null}
            {preview.status === 'ready' ? (
              preview.data.refusal ? (
                <Refusal code={preview.data.refusal} registration={preview.data.registration} personName={personName} />
              ) : (
                <View>
                  <Text className="signup-who" data-testid="signup-who">
                    {personName}
                  </Text>
                  {member ? (
                    <Text className="signup-line">
                      {relationText(member.relation)} · 联系电话：
                      {member.phone ? maskPhone(member.phone) : `用您的手机号 ${maskPhone(profile?.phone)}`}
                    </Text>
                  ) : null}

                  {showForm ? (
                    <ProfileForm
                      draft={draft}
                      errors={errors}
                      onChange={(patch) => {
                        setDraft((d) => ({ ...d, ...patch }))
                        setErrors((e) => {
                          const next = { ...e }
                          for (const k of Object.keys(patch) as (keyof ProfileDraft)[]) delete next[k]
                          return next
                        })
                      }}
                      asked={preview.data.signupFields}
                      forFamily={member !== null}
                      firstTime={needProfile}
                    />
                  ) : profile ? (
                    <View className="signup-remembered" data-testid="signup-profile-summary">
                      <Text className="signup-line">
                        {member ? '联系人（您）' : '报名信息'}：{profile.name} · {maskPhone(profile.phone)}
                      </Text>
                      <Text className="signup-line">{profile.community}</Text>
                      <View className="signup-link" data-testid="signup-edit-profile" ariaRole="button" onClick={() => setEditing(true)}>
                        <Text>修改我的信息</Text>
                      </View>
                    </View>
                  ) : null}

                  {preview.data.overlaps.length > 0 ? (
                    <View className="signup-warning" data-testid="signup-overlap-warning">
                      <Text>⚠ {overlapText(personName, preview.data.overlaps)}</Text>
                    </View>
                  ) : null}

                  {preview.data.full ? (
                    <View className="signup-waitlist" data-testid="signup-waitlist">
                      <Text className="signup-waitlist__title">◷ 名额已满，可以加入候补</Text>
                      <Text className="signup-line">
                        加入后按先后顺序排队。有人取消报名时，排在最前面的候补会自动转为报名成功，并收到通知。在取消截止时间前，候补也可以取消。
                      </Text>
                    </View>
                  ) : preview.data.seatsLeft !== null ? (
                    <Text className="signup-seats" data-testid="signup-seats">
                      ✓ 还有 {preview.data.seatsLeft} 个名额
                    </Text>
                  ) : null}

                  {failure ? <InlineError message={failure.message} code={failure.code} testid="signup-error" /> : null}

                  <View
                    className={`btn btn--block signup-confirm ${submitting ? 'btn--disabled' : 'btn--primary'}`}
                    data-testid="signup-confirm"
                    data-busy={submitting ? 'true' : 'false'}
                    ariaRole="button"
                    onClick={() => void confirm()}
                  >
                    <Text>
                      {submitting
                        ? '正在提交…'
                        : preview.data.full
                          ? `确认为${person === 'self' ? '自己' : personName}加入候补`
                          : `确认为${person === 'self' ? '自己' : personName}报名`}
                    </Text>
                  </View>
                </View>
              )
            ) : null}
          </View>
        </View>
      )}
    </View>
  )
}

function PersonOption({
  testid,
  selected,
  name,
  sub,
  onTap,
}: {
  testid: string
  selected: boolean
  name: string
  sub: string
  onTap: () => void
}) {
  return (
    <View
      className={`signup-person${selected ? ' signup-person--on' : ''}`}
      data-testid={testid}
      data-selected={selected ? 'true' : 'false'}
      ariaRole="button"
      ariaLabel={`${name}，${sub}${selected ? '，已选中' : ''}`}
      onClick={onTap}
    >
      <Text className="signup-person__name">
        {selected ? '✓ ' : ''}
        {name}
      </Text>
      <Text className="signup-person__sub">{sub}</Text>
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
          onClick={() => void Taro.navigateTo({ url: '/pages/mine/index' })}
        >
          <Text>查看我的活动</Text>
        </View>
      </View>
    )
  }
  return <InlineError message={messageFor(code)} code={code} testid="signup-refusal" />
}
