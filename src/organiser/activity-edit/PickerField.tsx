import { Picker, Text, View } from '@tarojs/components'
import './PickerField.scss'

/**
 * A date or time as a large button showing its value; tapping opens the phone's own wheel picker
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
  return (
    <Picker mode={mode} value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View className="org-picker" data-testid={testid} data-value={value} ariaRole="button" ariaLabel={`${label}：${value}，点按修改`}>
        <Text className="org-picker__label">{label}</Text>
        <Text className="org-picker__value">{value} ▾</Text>
      </View>
    </Picker>
  )
}
