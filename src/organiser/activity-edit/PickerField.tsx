import { Picker, Text, View } from '@tarojs/components'
import { dateRange, pickedText } from './pickerText'
import './PickerField.scss'

/**
 * A date (shown as 2026年12月5日 周六, never an ISO string) or time as a large button showing its value; tapping opens the phone's own wheel picker
 * (weapp) or Taro's (h5). Native pickers are the friendliest way to enter times on a phone.
 */
export function PickerField({
  mode,
  value,
  onChange,
  testid,
  label,
  start,
  end,
}: {
  mode: 'date' | 'time'
  value: string
  onChange: (value: string) => void
  testid: string
  label: string
  start?: string
  end?: string
}) {
  const range = mode === 'date' ? dateRange(value) : { start: undefined, end: undefined }
  const shown = pickedText(mode, value)
  return (
    <Picker
      mode={mode}
      value={value}
      start={start ?? range.start}
      end={end ?? range.end}
      onChange={(e) => onChange(String(e.detail.value))}
    >
      <View className="org-picker" data-testid={testid} data-value={value} ariaRole="button" ariaLabel={`${label}：${shown}，点按修改`}>
        <Text className="org-picker__label">{label}</Text>
        <Text className="org-picker__value">{shown} ▾</Text>
      </View>
    </Picker>
  )
}
