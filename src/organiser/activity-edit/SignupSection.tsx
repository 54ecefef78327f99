import { Text, View } from '@tarojs/components'
import { SIGNUP_FIELDS } from '@shared/domain/people'
import { Chip } from '@/components/Chip'
import { Field, MultiChips, TextInput } from '@/components/form'
import { DayChips, TimeField } from './TimeFields'
import type { FormProps } from './useActivityEditor'
import { windowDays, windowWords } from './windowText'

/**
 * 报名: whether sign-up is needed, and then the seats, the sign-up window (it follows the start time
 * until set by hand; its days are chips, the activity day and the 6 before it), the cancellation
 * deadline, the window in words as residents will meet it, and what the sign-up form asks.
 */
export function SignupSection({ form, errors, set }: FormProps) {
  const now = Date.now()
  const words = windowWords(form, now)
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
            hint={form.windowTouched ? undefined : '默认：现在开始报名，活动开始前2小时截止（至少留1小时）；会随开始时间自动调整'}
            error={errors.window}
            testid="org-field-window-row"
          >
            <Text className="org-sub">报名开始</Text>
            <DayChips
              days={windowDays(form.day, form.opensDate, now, true)}
              value={form.opensDate}
              onChange={(opensDate) => set({ opensDate })}
              testid="org-field-opensDate"
            />
            <TimeField label="开始时刻" value={form.opensTime} onChange={(opensTime) => set({ opensTime })} testid="org-field-opensTime" />
            <Text className="org-sub">报名截止</Text>
            <DayChips
              days={windowDays(form.day, form.closesDate, now, false)}
              value={form.closesDate}
              onChange={(closesDate) => set({ closesDate })}
              testid="org-field-closesDate"
            />
            <TimeField
              label="截止时刻"
              value={form.closesTime}
              onChange={(closesTime) => set({ closesTime })}
              testid="org-field-closesTime"
            />
          </Field>
          <Field
            label="取消报名截止"
            required
            hint={form.windowTouched ? undefined : '默认：活动开始前24小时；来不及时与报名截止相同'}
            error={errors.cancel}
            testid="org-field-cancel-row"
          >
            <DayChips
              days={windowDays(form.day, form.cancelDate, now, false)}
              value={form.cancelDate}
              onChange={(cancelDate) => set({ cancelDate })}
              testid="org-field-cancelDate"
            />
            <TimeField
              label="截止时刻"
              value={form.cancelTime}
              onChange={(cancelTime) => set({ cancelTime })}
              testid="org-field-cancelTime"
            />
          </Field>
          {words.length > 0 ? (
            <View className="org-window" data-testid="org-window-words">
              {words.map((w) => (
                <Text
                  key={w.key}
                  className={`org-window__line${w.past ? ' org-window__line--past' : ''}`}
                  data-testid={`org-window-${w.key}`}
                >
                  {w.past ? '⚠ ' : ''}
                  {w.text}
                </Text>
              ))}
            </View>
          ) : null}
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
