import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { useCareMode } from '../care/useCareMode'
import { PrivacySheet } from '../privacy/PrivacySheet'

interface Props {
  children: ReactNode
  /** Extra class on the root, e.g. the page's own name. */
  className?: string
  testid?: string
  /** false on the privacy guide itself: the consent sheet waits for the page behind it. */
  privacySheet?: boolean
}

/**
 * Root of every page. Carries the size scale: `.page` (standard) or `.page.care` (长辈版); every size
 * below it reads the CSS custom properties these classes set (app.scss). It also holds the consent
 * sheet (components/privacy), so a request to agree shows on whichever page is on top.
 */
export function PageShell({ children, className, testid, privacySheet = true }: Props) {
  const { care } = useCareMode()
  const classes = ['page', care ? 'care' : '', className ?? ''].filter(Boolean).join(' ')
  return (
    <View className={classes} data-testid={testid} data-care={care ? 'on' : 'off'}>
      {children}
      <PrivacySheet silent={!privacySheet} />
    </View>
  )
}
