import { Field, TextInput } from '@/components/form'
import { LIMITS } from './form'
import type { FormProps } from './useActivityEditor'

/** 联系人 and 联系电话: shown on the activity page with a call button (e.g. once sign-up has closed). */
export function ContactField({ form, errors, set }: FormProps) {
  return (
    <Field
      label="咨询电话"
      hint="居民报名截止后或有疑问时可以拨打；手机号或带区号的座机"
      error={errors.contactPhone ?? errors.contactName}
      testid="org-field-contact-row"
    >
      <TextInput
        value={form.contactName}
        onChange={(contactName) => set({ contactName })}
        testid="org-field-contactName"
        maxlength={LIMITS.contactNameMax}
        placeholder="联系人，例如：王老师"
      />
      <TextInput
        value={form.contactPhone}
        onChange={(contactPhone) => set({ contactPhone })}
        testid="org-field-contactPhone"
        maxlength={20}
        placeholder="例如：0791-88880126"
      />
    </Field>
  )
}
