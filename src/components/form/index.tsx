import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Chip } from '../Chip'
// The states' styles first, in every chunk that has both (mini-css-extract wants one order).
import '../states/index.scss'
import './index.scss'

/** A labelled form field: the label (with 必填/选填 in words), the control, a hint and an inline error. */
export function Field({
  label,
  required,
  hint,
  error,
  testid,
  children,
}: {
  label: string
  required?: boolean
  hint?: string
  error?: string
  testid?: string
  children: ReactNode
}) {
  return (
    <View className={`field${error ? ' field--error' : ''}`} data-testid={testid} data-error={error ? 'true' : 'false'}>
      <View className="field__label">
        <Text>{label}</Text>
        <Text className="field__need">{required ? '（必填）' : '（选填）'}</Text>
      </View>
      {children}
      {hint ? <Text className="field__hint">{hint}</Text> : null}
      {error ? (
        <Text className="field__error" data-testid={testid ? `${testid}-error` : undefined}>
          ⚠ {error}
        </Text>
      ) : null}
    </View>
  )
}

interface TextInputProps {
  value: string
  onChange: (value: string) => void
  testid: string
  placeholder?: string
  type?: 'text' | 'number' | 'digit' | 'idcard'
  maxlength?: number
  /** Enter / the keyboard's confirm key. */
  onConfirm?: () => void
  confirmType?: 'send' | 'search' | 'next' | 'go' | 'done'
  /** The field's name for screen readers (the visible label is not tied to the control). */
  label?: string
}

/** A large single-line text box; the value is the caller's (controlled). */
export function TextInput({
  value,
  onChange,
  testid,
  placeholder,
  type = 'text',
  maxlength = 140,
  onConfirm,
  confirmType,
  label,
}: TextInputProps) {
  return (
    <Input
      className="field__input"
      data-testid={testid}
      ariaLabel={label}
      nativeProps={{ 'aria-label': label }}
      value={value}
      type={type}
      maxlength={maxlength}
      placeholder={placeholder}
      placeholderClass="field__placeholder"
      confirmType={confirmType ?? 'done'}
      onInput={(e) => onChange(e.detail.value)}
      onConfirm={() => onConfirm?.()}
    />
  )
}

export function TextArea({
  value,
  onChange,
  testid,
  placeholder,
  maxlength = 2000,
  label,
}: Omit<TextInputProps, 'type' | 'onConfirm' | 'confirmType'>) {
  return (
    <Textarea
      className="field__textarea"
      data-testid={testid}
      ariaLabel={label}
      nativeProps={{ 'aria-label': label }}
      value={value}
      maxlength={maxlength}
      placeholder={placeholder}
      autoHeight
      onInput={(e) => onChange(e.detail.value)}
    />
  )
}

export interface Option<T extends string> {
  code: T
  label: string
}

/** Every option visible as a chip; one chosen (tap the chosen one again to keep it). */
export function ChoiceChips<T extends string>({
  options,
  value,
  onChange,
  testid,
  columns = 3,
}: {
  options: readonly Option<T>[]
  value: T | '' | null
  onChange: (code: T) => void
  testid: string
  columns?: 1 | 2 | 3
}) {
  return (
    <View className={`choices choices--${columns}`} data-testid={testid} data-value={value ?? ''}>
      {options.map((o) => (
        <Chip key={o.code} selected={value === o.code} testid={`${testid}-${o.code}`} value={o.code} onTap={() => onChange(o.code)}>
          {o.label}
        </Chip>
      ))}
    </View>
  )
}

/** Several options may be chosen; each chip toggles. */
export function MultiChips<T extends string>({
  options,
  value,
  onChange,
  testid,
  columns = 3,
  max,
}: {
  options: readonly Option<T>[]
  value: readonly T[]
  onChange: (codes: T[]) => void
  testid: string
  columns?: 1 | 2 | 3
  max?: number
}) {
  const toggle = (code: T) => {
    if (value.includes(code)) onChange(value.filter((c) => c !== code))
    else if (max === undefined || value.length < max) onChange([...value, code])
  }
  return (
    <View className={`choices choices--${columns}`} data-testid={testid} data-value={value.join(',')}>
      {options.map((o) => (
        <Chip key={o.code} selected={value.includes(o.code)} testid={`${testid}-${o.code}`} value={o.code} onTap={() => toggle(o.code)}>
          {o.label}
        </Chip>
      ))}
    </View>
  )
}

/**
 * A question asked in place (never a modal): the sentence, then a confirm and a keep button side by
 * side. While busy the confirm button says so and ignores taps.
 */
export function InlineConfirm({
  text,
  confirmLabel,
  cancelLabel = '不了，返回',
  onConfirm,
  onCancel,
  testid,
  busy,
  danger,
  children,
}: {
  text: string
  confirmLabel: string
  cancelLabel?: string
  onConfirm: () => void
  onCancel: () => void
  testid: string
  busy?: boolean
  danger?: boolean
  children?: ReactNode
}) {
  return (
    <View className={`confirm${danger ? ' confirm--danger' : ''}`} data-testid={`${testid}-box`}>
      <Text className="confirm__text">{text}</Text>
      {children}
      <View className="confirm__row">
        <View
          className={`btn ${busy ? 'btn--disabled' : danger ? 'btn--danger' : 'btn--primary'}`}
          data-testid={`${testid}-confirm`}
          data-busy={busy ? 'true' : 'false'}
          ariaRole="button"
          onClick={() => {
            if (!busy) onConfirm()
          }}
        >
          <Text>{busy ? '请稍候…' : confirmLabel}</Text>
        </View>
        <View className="btn btn--secondary" data-testid={`${testid}-keep`} ariaRole="button" onClick={onCancel}>
          <Text>{cancelLabel}</Text>
        </View>
      </View>
    </View>
  )
}

/** A failed action, said in place: ⚠ and the Chinese message for its code. */
export function InlineError({ message, code, testid }: { message: string; code?: string; testid: string }) {
  return (
    <View className="inline-error" data-testid={testid} data-code={code}>
      <Text>⚠ {message}</Text>
    </View>
  )
}
