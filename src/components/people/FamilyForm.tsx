import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { FamilyMember, FamilyMemberInput } from '@shared/contracts/signup'
import { AGE_GROUPS, RELATIONS } from '@shared/domain/people'
import { ChoiceChips, Field, InlineError, TextInput } from '@/components/form'
import { toCloudError, type CloudError } from '@/services/callCloud'
import { askConsent, forgetConsent } from '../privacy/consentGate'
import { EMPTY_FAMILY, checkFamily, errorsFromPaths, type FamilyDraft, type FieldErrors } from '@/utils/peopleForm'
import './index.scss'

/** What the consent sheet and the closed form say needs the consent. */
export const FAMILY_CONSENT_REASON = '添加家人需要填写家人的姓名和手机号，需先同意《隐私保护指引》'

interface Props {
  /** Stores the member (the caller passes the sign-up service's addFamilyMember). */
  addMember: (member: FamilyMemberInput) => Promise<{ member: FamilyMember }>
  onSaved: (m: FamilyMember) => void
  onCancel: () => void
}

/**
 * Adds a family member (代报名: e.g. a parent without WeChat): name, phone (optional), age group and
 * relation. Saves through `addMember` and hands the stored member back.
 */
export function FamilyForm({ addMember, onSaved, onCancel }: Props) {
  const [draft, setDraft] = useState<FamilyDraft>(EMPTY_FAMILY)
  const [errors, setErrors] = useState<FieldErrors<keyof FamilyDraft>>({})
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<CloudError | null>(null)
  const set = (patch: Partial<FamilyDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(patch) as (keyof FamilyDraft)[]) delete next[k]
      return next
    })
  }

  const save = async () => {
    if (saving) return
    const checked = checkFamily(draft)
    if ('errors' in checked) {
      setErrors(checked.errors)
      return
    }
    setSaving(true)
    setFailure(null)
    try {
      const res = await addMember(checked.member)
      setDraft(EMPTY_FAMILY)
      onSaved(res.member)
    } catch (err) {
      const e = toCloudError(err)
      setErrors(errorsFromPaths<keyof FamilyDraft>(e.fields))
      setFailure(e)
      // No current consent on the cloud's side (e.g. a newer guide): the sheet again.
      if (e.code === 'CONSENT_REQUIRED') {
        forgetConsent()
        void askConsent(FAMILY_CONSENT_REASON).then((agreed) => agreed && setFailure(null))
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className="family-form" data-testid="family-form">
      <Text className="family-form__title">添加家人</Text>
      <Field label="家人姓名" required error={errors.name} testid="family-field-name">
        <TextInput
          value={draft.name}
          onChange={(name) => set({ name })}
          testid="family-name-input"
          label="家人姓名"
          maxlength={20}
          placeholder="例如：王秀兰"
        />
      </Field>
      <Field label="和您的关系" required error={errors.relation} testid="family-field-relation">
        <ChoiceChips
          options={RELATIONS}
          value={draft.relation}
          onChange={(relation) => set({ relation })}
          testid="family-relation"
          columns={2}
        />
      </Field>
      <Field label="年龄段" required error={errors.ageGroup} testid="family-field-age">
        <ChoiceChips
          options={AGE_GROUPS}
          value={draft.ageGroup}
          onChange={(ageGroup) => set({ ageGroup })}
          testid="family-age"
          columns={2}
        />
      </Field>
      <Field label="家人手机号" hint="没有手机的长辈可以不填，活动通知会发给您。" error={errors.phone} testid="family-field-phone">
        <TextInput
          value={draft.phone}
          onChange={(phone) => set({ phone })}
          testid="family-phone-input"
          label="家人手机号"
          type="number"
          maxlength={11}
          placeholder="可不填"
        />
      </Field>
      {failure ? <InlineError message={failure.message} code={failure.code} testid="family-form-error" /> : null}
      <View className="btn-row">
        <View
          className={`btn ${saving ? 'btn--disabled' : 'btn--primary'}`}
          data-testid="family-save"
          ariaRole="button"
          onClick={() => void save()}
        >
          <Text>{saving ? '正在保存…' : '保存家人'}</Text>
        </View>
        <View className="btn btn--secondary" data-testid="family-cancel" ariaRole="button" onClick={onCancel}>
          <Text>不添加了</Text>
        </View>
      </View>
    </View>
  )
}
