import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

/** Waiting for the cloud. Text, not only a spinner: it says what is happening. */
export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="state state--loading" data-testid="state-loading">
      <View className="state__spinner" />
      <Text className="state__text">{text}</Text>
    </View>
  )
}

/** Nothing to show, said plainly, with an optional hint or action below. */
export function Empty({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <View className="state state--empty" data-testid="state-empty">
      <Text className="state__title">{title}</Text>
      {hint ? <Text className="state__text">{hint}</Text> : null}
      {children}
    </View>
  )
}

/** A failed call: the Chinese message for its code and a 重试 button. */
export function ErrorState({ message, code, onRetry }: { message: string; code?: string; onRetry?: () => void }) {
  return (
    <View className="state state--error" data-testid="state-error" data-code={code}>
      <Text className="state__title">加载失败</Text>
      <Text className="state__text">{message}</Text>
      {onRetry ? (
        <View className="btn btn--primary state__action" data-testid="retry" ariaRole="button" onClick={onRetry}>
          <Text>重试</Text>
        </View>
      ) : null}
    </View>
  )
}
