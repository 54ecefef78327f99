import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useCareMode } from '../care/useCareMode'

interface Props {
  children: ReactNode
  /** Extra class on the root, e.g. the page's own name. */
  className?: string
  testid?: string
}

/**
 * Root of every page. Carries the size scale: `.page` (standard) or `.page.care` (长辈版); every size
 * below it reads the CSS custom properties these classes set (app.scss).
 */
export function PageShell({ children, className, testid }: Props) {
  const { care } = useCareMode()
  const classes = ['page', care ? 'care' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} data-testid={testid} data-care={care ? 'on' : 'off'}>
      {children}
    </View>
  )
}
