import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { parseClock } from '@shared/domain/time'
import { Chip } from '@/components/Chip'
import { dayParts } from '@/utils/activityText'
import './TimeFields.scss'

/**
 * A clock time typed on the keyboard ('9:30', '09:30', '0930', '9点30'), shown as 'HH:mm' once the
 * field is left. Typing beats dragging a wheel, for organisers and in the h5 build alike.
 */
export function TimeField({
  value,
  onChange,
  testid,
  label,
}: {
  value: string
  onChange: (value: string) => void
  testid: string
  label: string
}) {
  // Said once the field is left (not while '9' becomes '930').
  const [left, setLeft] = useState(false)
  const bad = left && parseClock(value) === null
  return (
    <View className={`org-time${bad ? ' org-time--bad' : ''}`} data-testid={testid} data-value={parseClock(value) ?? value}>
      <Text className="org-time__label">{label}</Text>
      <Input
        className="org-time__input"
        value={value}
        type="text"
        maxlength={6}
        placeholder="时:分"
        placeholderClass="field__placeholder"
        ariaLabel={`${label}，填写时:分，例如 09:30`}
        onInput={(e) => onChange(e.detail.value)}
        onBlur={(e) => {
          setLeft(true)
          onChange(parseClock(String(e.detail.value)) ?? String(e.detail.value))
        }}
      />
      {bad ? (
        <Text className="org-time__error" data-testid={`${testid}-error`}>
          ⚠ 请按“时:分”填写，例如 09:30
        </Text>
      ) : null}
    </View>
  )
}

/** Days as chips ('12月5日' over '周六'): the activity day within the week, a deadline within its range. */
export function DayChips({
  days,
  value,
  onChange,
  testid,
}: {
  days: string[]
  value: string
  onChange: (day: string) => void
  testid: string
}) {
  return (
    <View className="org-days" data-testid={testid} data-value={value}>
      {days.map((d) => {
        const p = dayParts(d)
        return (
          <Chip key={d} selected={value === d} testid={`${testid}-${d}`} value={d} sub={p.weekday} onTap={() => onChange(d)}>
            {p.date}
          </Chip>
        )
      })}
    </View>
  )
}
