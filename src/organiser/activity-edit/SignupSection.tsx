import { Text, View } from '@tarojs/components'
import { SIGNUP_FIELDS } from '@shared/domain/people'
import { Chip } from '@/components/Chip'
import { Field, MultiChips, TextInput } from '@/components/form'
import { PickerField } from './PickerField'
import type { FormProps } from './useActivityEditor'

/**
 * 报名: whether sign-up is needed, and then the seats, the sign-up window (it follows the start time
 * until set by hand), the cancellation deadline and what the sign-up form asks.
 */
export function SignupSection({ form, errors, set, weekEnd }: FormProps & { weekEnd: string }) {
  return (
    <View className="section">
      <Text className="section__title">报名</Text>
      <Field label="是否需要报名" required error={errors.signupRequired} testid="org-field-signupRequired-row">
        <View className="choices choices--2" data-testid="org-field-signupRequired" data-value={form.signupRequired ? 'yes' : 'no'}>
          <Chip selected={form.signupRequired} testid="org-field-signupRequired-yes" onTap={() => set({ signupRequired: true })}>
            需要报名
          </Chip>
          <Chip selected={!form.signupRequired} testid="org-field-signupRequired-no" onTap={() => set({ signupRequired: false })}>
            无需报名
          </Chip>
        </View>
      </Field>
      {form.signupRequired ? (
        <View>
          <Field label="名额（人）" required error={errors.capacity} testid="org-field-capacity-row">
            <TextInput
              value={form.capacity}
              onChange={(capacity) => set({ capacity })}
              testid="org-field-capacity"
              type="number"
              maxlength={6}
            />
          </Field>
          <Field
            label="报名时间"
            required
            hint={form.windowTouched ? undefined : '默认：现在开始报名，活动开始前2小时截止；会随开始时间自动调整'}
            error={errors.window}
            testid="org-field-window-row"
          >
            <View className="org-pair">
              <PickerField
                mode="date"
                label="开始日期"
                value={form.opensDate}
                end={weekEnd}
                onChange={(opensDate) => set({ opensDate })}
                testid="org-field-opensDate"
              />
              <PickerField
                mode="time"
                label="开始时刻"
                value={form.opensTime}
                onChange={(opensTime) => set({ opensTime })}
                testid="org-field-opensTime"
              />
            </View>
            <View className="org-pair">
              <PickerField
                mode="date"
                label="截止日期"
                value={form.closesDate}
                end={weekEnd}
                onChange={(closesDate) => set({ closesDate })}
                testid="org-field-closesDate"
              />
              <PickerField
                mode="time"
                label="截止时刻"
                value={form.closesTime}
                onChange={(closesTime) => set({ closesTime })}
                testid="org-field-closesTime"
              />
            </View>
          </Field>
          <Field label="取消报名截止" required hint="默认：活动开始前24小时" error={errors.cancel} testid="org-field-cancel-row">
            <View className="org-pair">
              <PickerField
                mode="date"
                label="日期"
                value={form.cancelDate}
                end={weekEnd}
                onChange={(cancelDate) => set({ cancelDate })}
                testid="org-field-cancelDate"
              />
              <PickerField
                mode="time"
                label="时刻"
                value={form.cancelTime}
                onChange={(cancelTime) => set({ cancelTime })}
                testid="org-field-cancelTime"
              />
            </View>
          </Field>
          <Field label="报名表需要填写" hint="姓名必填；只收集活动真正需要的信息" error={errors.fields} testid="org-field-fields-row">
            <MultiChips
              options={SIGNUP_FIELDS.filter((f) => f.code !== 'name')}
              value={form.fields}
              onChange={(fields) => set({ fields })}
              testid="org-field-fields"
              columns={2}
            />
          </Field>
        </View>
      ) : (
        <Text className="muted">居民无需报名，按时到场即可参加。</Text>
      )}
    </View>
  )
}
