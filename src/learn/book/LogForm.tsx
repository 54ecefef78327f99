import { Text, View } from '@tarojs/components'
import { Field, TextArea, TextInput } from '@/components/form'
import { QUICK_MINUTES, NOTE_MAX, noteCounter } from '@/utils/readingText'

export interface LogDraft {
  minutes: string
  note: string
}

/**
 * 今天读了多少分钟: four big buttons (10/20/30/60) and a box for any other number, then an optional
 * 读书笔记 with its counter and the 打卡 button. The quick buttons and the box share one value.
 */
export function LogForm({
  draft,
  onChange,
  error,
  busy,
  onSubmit,
}: {
  draft: LogDraft
  onChange: (d: LogDraft) => void
  error: string | null
  busy: boolean
  onSubmit: () => void
}) {
  return (
    <View className="log-form" data-testid="log-form">
      <Field label="今天读了多少分钟" required error={error ?? undefined} testid="log-minutes">
        <View className="log-form__quick">
          {QUICK_MINUTES.map((m) => {
            const on = draft.minutes === String(m)
            return (
              <View
                key={m}
                className={`log-form__pick${on ? ' log-form__pick--on' : ''}`}
                data-testid={`log-quick-${m}`}
                data-selected={on ? 'true' : 'false'}
                ariaRole="button"
                ariaLabel={`${m} 分钟${on ? '，已选中' : ''}`}
                onClick={() => onChange({ ...draft, minutes: String(m) })}
              >
                <Text className="log-form__pick-num">
                  {on ? '✓ ' : ''}
                  {m}
                </Text>
                <Text className="log-form__pick-unit">分钟</Text>
              </View>
            )
          })}
        </View>
        <View className="log-form__other">
          <Text className="log-form__other-label">其他：</Text>
          <View className="log-form__other-input">
            <TextInput
              value={draft.minutes}
              onChange={(v) => onChange({ ...draft, minutes: v })}
              testid="log-minutes-input"
              label="读书分钟数"
              type="number"
              maxlength={3}
              placeholder="填写分钟数"
            />
          </View>
          <Text className="log-form__other-label">分钟</Text>
        </View>
      </Field>
      <Field label="读书笔记" hint={`写下一句感想，最多 ${NOTE_MAX} 字`} testid="log-note">
        <TextArea
          value={draft.note}
          onChange={(v) => onChange({ ...draft, note: v })}
          testid="log-note-input"
          label="读书笔记"
          maxlength={NOTE_MAX}
          placeholder="例如：今天读到……很有感触"
        />
        <Text className="log-form__counter" data-testid="log-note-counter">
          {noteCounter(draft.note)}
        </Text>
      </Field>
      <View
        className={`btn btn--block ${busy ? 'btn--disabled' : 'btn--primary'} log-form__submit`}
        data-testid="log-submit"
        data-busy={busy ? 'true' : 'false'}
        ariaRole="button"
        onClick={() => {
          if (!busy) onSubmit()
        }}
      >
        <Text>{busy ? '正在打卡…' : '打卡'}</Text>
      </View>
    </View>
  )
}
