import { useState } from 'react'
import type { ActivityDetail } from '@shared/contracts/activity'
import type { FamilyMember, Overlap, ProfileView, Registration } from '@shared/contracts/signup'
import { askConsent, forgetConsent } from '@/components/privacy/consentGate'
import { useAsync } from '@/hooks/useAsync'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { createSignup, previewSignup } from '@/services/signup'
import { acceptedAny, askSubscribe, recordSubscribe, type SubscribeResults, type SubscribeTemplateKey } from '@/services/subscribe'
import { rememberTicketDay } from '@/utils/ticketDays'
import { EMPTY_PROFILE, checkProfile, errorsFromPaths, type FieldErrors, type ProfileDraft } from '@/utils/peopleForm'

/** What the consent sheet and the closed form say needs the consent. */
export const SIGNUP_CONSENT_REASON = '报名需要填写姓名和手机号，需先同意《隐私保护指引》'

/**
 * The WeChat messages asked for at the sign-up tap: the reminder and a change or cancellation, and
 * for a waitlist place the promotion too (WeChat allows 3 templates per request).
 */
export function subscribeKeysFor(waitlist: boolean): SubscribeTemplateKey[] {
  return waitlist ? ['waitlist_promoted', 'activity_reminder', 'activity_changed'] : ['activity_reminder', 'activity_changed']
}

/** The WeChat messages after a sign-up: being asked, accepted and recorded, declined, or not recorded. */
export type Subscription = 'none' | 'asking' | 'on' | 'off' | 'failed'

/** 'self' or a family member's id. */
export type Person = 'self' | string

/**
 * The state of one sign-up: who it is for (oneself or a family member, who can be added in place),
 * the preview of that person's sign-up, the profile form (the first time, or when editing) and the
 * confirmation with its result.
 */
export function useSignupForm(a: ActivityDetail, initialProfile: ProfileView | null, initialMembers: FamilyMember[]) {
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
  const [subscription, setSubscription] = useState<Subscription>('none')

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

  /** A family member just added: into the list, and chosen. */
  const added = (m: FamilyMember) => {
    setMembers((list) => [...list, m])
    setAdding(false)
    choose(m.id)
  }

  /** A change in the profile form clears the errors of the fields it changed. */
  const changeDraft = (patch: Partial<ProfileDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(patch) as (keyof ProfileDraft)[]) delete next[k]
      return next
    })
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
    // WeChat asks only from a tap: the request goes out now, beside the sign-up.
    const asking = askSubscribe(subscribeKeysFor(preview.status === 'ready' && preview.data.full))
    setSubmitting(true)
    setFailure(null)
    try {
      // One nonce per tap: a retry after a cut connection is the same request (services/signup).
      const res = await createSignup({ activityId: a.id, personId: person, ...(sent ? { profile: sent } : {}), waitlist: true })
      if (sent) {
        setProfile(sent)
        setEditing(false)
      }
      if (res.registration.status === 'confirmed') rememberTicketDay(res.registration.activity.startAt)
      setResult(res)
      void keepSubscription(res.registration.id, asking)
    } catch (err) {
      const e = toCloudError(err)
      if (e.code === 'PROFILE_REQUIRED') setEditing(true)
      // The cloud knows better (a newer guide, or consent withdrawn elsewhere): the sheet again.
      if (e.code === 'CONSENT_REQUIRED') {
        forgetConsent()
        void askConsent(SIGNUP_CONSENT_REASON).then((agreed) => agreed && setFailure(null))
      }
      if (e.code === 'VALIDATION_FAILED') setErrors(errorsFromPaths<keyof ProfileDraft>(e.fields, 'profile.'))
      setFailure(e)
    } finally {
      setSubmitting(false)
    }
  }

  /** What the person answered WeChat, recorded on the registration (a failure loses no sign-up). */
  const keepSubscription = async (registrationId: string, asking: Promise<SubscribeResults>) => {
    setSubscription('asking')
    const results = await asking
    if (!acceptedAny(results)) return setSubscription('off')
    try {
      await recordSubscribe(registrationId, results)
      setSubscription('on')
    } catch {
      setSubscription('failed')
    }
  }

  /** After a result: sign up someone else (the preview is asked again). */
  const again = () => {
    setResult(null)
    setSubscription('none')
    setFailure(null)
    setRound((n) => n + 1)
  }

  return {
    activity: a,
    profile,
    members,
    person,
    member,
    personName,
    needProfile,
    showForm,
    adding,
    setAdding,
    setEditing,
    draft,
    errors,
    changeDraft,
    submitting,
    failure,
    result,
    subscription,
    preview,
    choose,
    added,
    confirm,
    again,
  }
}

export type SignupForm = ReturnType<typeof useSignupForm>
