import { Text, View } from '@tarojs/components'
import { AGE_GROUPS, SIGNUP_FIELDS, type SignupField } from '@shared/domain/people'
import { labelOf } from '@shared/domain/vocabulary'
import { PHONE_NUMBER_BUTTON } from '@shared/domain/privacy'
import { ChoiceChips, Field, TextInput } from '@/components/form'
import { AUDIENCE_CHOICES, type FieldErrors, type ProfileDraft } from '@/utils/peopleForm'
import { PhoneFillButton } from './PhoneFillButton'

interface Props {
  draft: ProfileDraft
  errors: FieldErrors<keyof ProfileDraft>
  onChange: (patch: Partial<ProfileDraft>) => void
  /** What this activity's form asks: the organiser sees only these. */
  asked: readonly SignupField[]
  /** Filling it in for a family member's sign-up: the resident's own details are the contact. */
  forFamily: boolean
  firstTime: boolean
  /** The 街道/社区 example, from the activity's own place (communityExample). */
  example: string
}

/** The resident's own details, remembered after the first sign-up so later ones take one tap. */
export function ProfileForm({ draft, errors, onChange, asked, forFamily, firstTime, example }: Props) {
  const askedText = ['name' as SignupField, ...asked.filter((f) => f !== 'name')].map((f) => labelOf(SIGNUP_FIELDS, f)).join('、')
  return (
    <View className="signup-profile" data-testid="signup-profile-form">
      <Text className="signup-profile__title">{firstTime ? '第一次报名，请填写您的信息' : '修改我的信息'}</Text>
      <Text className="signup-profile__note">
        {forFamily ? '为家人报名时，您是家人的联系人。' : ''}
        填写一次，以后报名一键完成。本活动主办方只会看到：{askedText}。
      </Text>
      <Field label="姓名" required error={errors.name} testid="profile-field-name">
        <TextInput
          value={draft.name}
          onChange={(name) => onChange({ name })}
          testid="profile-name-input"
          label="姓名"
          maxlength={20}
          placeholder="真实姓名"
        />
      </Field>
      <Field label="手机号" required error={errors.phone} testid="profile-field-phone">
        <TextInput
          value={draft.phone}
          onChange={(phone) => onChange({ phone })}
          testid="profile-phone-input"
          label="手机号"
          type="number"
          maxlength={11}
          placeholder="11位手机号码"
        />
        {process.env.TARO_ENV === 'weapp' && PHONE_NUMBER_BUTTON ? <PhoneFillButton onPhone={(phone) => onChange({ phone })} /> : null}
      </Field>
      <Field label="年龄段" required error={errors.ageGroup} testid="profile-field-age">
        <ChoiceChips
          options={AGE_GROUPS}
          value={draft.ageGroup}
          onChange={(ageGroup) => onChange({ ageGroup })}
          testid="profile-age"
          columns={2}
        />
      </Field>
      <Field label="所在街道或社区" required error={errors.community} testid="profile-field-community">
        <TextInput
          value={draft.community}
          onChange={(community) => onChange({ community })}
          testid="profile-community-input"
          label="所在街道或社区"
          maxlength={60}
          placeholder={example}
        />
      </Field>
      <Field label="您属于哪类人群" required hint="拿不准就选“不确定/其他”" error={errors.audience} testid="profile-field-audience">
        <ChoiceChips
          options={AUDIENCE_CHOICES}
          value={draft.audience}
          onChange={(audience) => onChange({ audience })}
          testid="profile-audience"
          columns={2}
        />
      </Field>
    </View>
  )
}
