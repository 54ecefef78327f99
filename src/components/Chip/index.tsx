import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

interface Props {
  selected: boolean
  onTap: () => void
  testid: string
  children: ReactNode
  /** Second line, smaller (e.g. the weekday under a date). */
  sub?: string
  /** Extra data-* for tests, e.g. the option's code. */
  value?: string
}

/**
 * A tappable option (filters, day tabs, week choice). Chips are friendlier for seniors than pickers:
 * every option is visible and large. The selected one is filled AND marked with ✓ and bold text,
 * so colour is never the only signal.
 */
export function Chip({ selected, onTap, testid, children, sub, value }: Props) {
  return (
    <View
      className={`chip${selected ? ' chip--on' : ''}`}
      data-testid={testid}
      data-selected={selected ? 'true' : 'false'}
      data-value={value}
      ariaRole="button"
      ariaLabel={typeof children === 'string' ? `${children}${sub ? ` ${sub}` : ''}${selected ? '，已选中' : ''}` : undefined}
      onClick={onTap}
    >
      <Text className="chip__main">
        {selected ? '✓ ' : ''}
        {children}
      </Text>
      {sub ? <Text className="chip__sub">{sub}</Text> : null}
    </View>
  )
}
